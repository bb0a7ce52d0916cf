import Foundation

/// One step as the fast read path sees it: enough to filter, sort, resolve and count, without
/// its text. `steps(_:)` turns rows into full steps.
public struct StepRow: Sendable, Hashable {
  public var id: String
  /// The shortest unique ending of the id (4 or more characters).
  public var short: String
  public var owner: String
  public var due: Day
  public var status: Step.Status
  public var completedAt: Date?
  /// The cadence of the review the step came from.
  public var cadence: String?
  /// Where its line is in the snapshot; `nil` for a step changed since (kept whole instead).
  var line: Range<Int>?
  var changed: Step?

  /// The facts insights need.
  public var facts: StepFacts {
    StepFacts(owner: owner, due: due, status: status, completedAt: completedAt, cadence: cadence)
  }
}

extension Store {
  // MARK: - Everything

  /// The whole state, typed. The first call decodes the snapshot and applies the tail; later
  /// calls return the state kept current by commits and `refresh()`.
  public func loadState() throws(RhythmError) -> StoreState {
    if let state { return state }
    var loaded = StoreState()
    loaded.people = try records(Person.self)
    loaded.teams = try records(Team.self)
    loaded.cadences = try records(Cadence.self)
    loaded.reviews = try records(Review.self)
    loaded.steps = try records(Step.self)
    loaded.decisions = try records(Decision.self)
    loaded.notes = try records(Note.self)
    loaded.metrics = try records(Metric.self)
    loaded.priorities = try records(Priority.self)
    loaded.exchanges = try records(Exchange.self)
    state = loaded
    sectionCache = [:]
    return loaded
  }

  /// Every live record of one kind, by id: its snapshot section with the tail applied.
  public func records<R: Record>(_ type: R.Type) throws(RhythmError) -> [String: R] {
    if let cached = sectionCache[R.kind] as? [String: R] { return cached }
    var result: [String: R] = [:]
    if let state { return StoreState.section(R.self, of: state) }
    for record in try snapshot?.decodeSection(R.self) ?? [] where record.isLive {
      result[record.id] = record
    }
    for (key, operations) in tailByRecord where key.hasPrefix(R.kind.rawValue + "/") {
      guard let first = operations.first else { continue }
      var fields = result[first.record].map(RecordFields.encode) ?? ["id": .string(first.record)]
      if result[first.record] == nil, let snapshotFields = try snapshotFields(R.kind, id: first.record) {
        fields = snapshotFields  // a removed record coming back (redo)
      }
      var table = RecordTable()
      table.put(R.kind, id: first.record, fields: fields)
      for operation in operations { table.apply(operation) }
      let updated = table.fields(of: R.kind, id: first.record).flatMap {
        RecordFields.decode(R.self, from: $0)
      }
      result[first.record] = updated?.isLive == true ? updated : nil
    }
    sectionCache[R.kind] = result
    return result
  }

  // MARK: - Steps, fast

  /// Every live step as a row, from the index and the tail: no step text is decoded.
  public func stepRows() throws(RhythmError) -> [StepRow] {
    if let state {
      let cadenceOfReview = state.reviews.mapValues(\.cadence)
      let shorts = ShortIDs.map(Array(state.steps.keys))
      return state.steps.values.map { step in
        row(for: step, short: shorts[step.id] ?? step.id, cadenceOfReview: cadenceOfReview)
      }
    }
    guard let index else {
      // No snapshot yet: everything is in the tail.
      let steps = try records(Step.self)
      let cadenceOfReview = try records(Review.self).mapValues(\.cadence)
      let shorts = ShortIDs.map(Array(steps.keys))
      return steps.values.map { row(for: $0, short: shorts[$0.id] ?? $0.id, cadenceOfReview: cadenceOfReview) }
    }
    var rows: [StepRow] = []
    rows.reserveCapacity(index.count)
    let changedIDs = Set(tailByRecord.keys.filter { $0.hasPrefix("step/") }.map { String($0.dropFirst(5)) })
    var decodedOwners: [UInt16: String] = [:]
    for position in 0..<index.count {
      let entry = index.entry(at: position)
      guard entry.status != 3, !changedIDs.contains(entry.id) else { continue }
      let owner = decodedOwners[entry.owner] ?? index.strings[Int(entry.owner)]
      decodedOwners[entry.owner] = owner
      rows.append(
        StepRow(
          id: entry.id, short: String(entry.id.suffix(Int(entry.shortLength))), owner: owner,
          due: Day(ordinal: entry.due), status: Store.status(entry.status),
          completedAt: entry.completedMillis == Int64.min
            ? nil : Date(timeIntervalSince1970: Double(entry.completedMillis) / 1000),
          cadence: entry.cadence == StepIndex.noCadence ? nil : index.strings[Int(entry.cadence)],
          line: entry.line))
    }
    if !changedIDs.isEmpty {
      let changed = try changedSteps(changedIDs)
      let reviews = changed.contains { $0.review != nil } ? try records(Review.self) : [:]
      let cadenceOfReview = reviews.mapValues(\.cadence)
      var taken = Set(rows.map(\.short))
      for step in changed {
        var length = ShortIDs.minimumLength
        while length < step.id.count, taken.contains(String(step.id.suffix(length))) { length += 1 }
        let short = String(step.id.suffix(length))
        taken.insert(short)
        rows.append(row(for: step, short: short, cadenceOfReview: cadenceOfReview))
      }
    }
    return rows
  }

  /// The full steps for `rows`, in the same order.
  public func steps(_ rows: [StepRow]) throws(RhythmError) -> [Step] {
    if let state { return rows.compactMap { state.steps[$0.id] } }
    var fromLines: [Int: Step] = [:]
    let lined = rows.enumerated().filter { $0.element.changed == nil && $0.element.line != nil }
    if !lined.isEmpty, let snapshot {
      var buffer: [UInt8] = [UInt8(ascii: "[")]
      for (number, item) in lined.enumerated() {
        if number > 0 { buffer.append(UInt8(ascii: ",")) }
        if let line = item.element.line { buffer += snapshot.data[line] }
      }
      buffer.append(UInt8(ascii: "]"))
      do {
        let decoded = try RecordCoding.makeDecoder().decode([Step].self, from: Data(buffer))
        for (item, step) in zip(lined, decoded) { fromLines[item.offset] = step }
      } catch {
        _ = try snapshot.decodeSection(Step.self)  // names the bad line
        throw .io(path: layout.snapshotPath, reason: "a step could not be read: run `rhythm store rebuild`")
      }
    }
    return rows.enumerated().compactMap { position, row in row.changed ?? fromLines[position] }
  }

  /// The id of the record of `kind` that `reference` names: a full id, or a unique beginning
  /// or ending (4+ characters) of one.
  public func resolve(_ reference: String, among ids: some Collection<String>, kind: String) throws(RhythmError) -> String {
    let text = try ShortIDs.normalise(reference)
    if ids.contains(text) { return text }
    let matches = ids.filter { ShortIDs.matches(text, id: $0) }
    guard let first = matches.first else { throw .notFound(kind: kind, reference: reference) }
    guard matches.count == 1 else {
      throw .ambiguous(kind: kind, reference: reference, candidates: matches.sorted())
    }
    return first
  }

  /// Resolves a step reference with the index (no step text decoded).
  public func resolveStep(_ reference: String) throws(RhythmError) -> StepRow {
    let rows = try stepRows()
    let id = try resolve(reference, among: rows.map(\.id), kind: "step")
    guard let row = rows.first(where: { $0.id == id }) else {
      throw .notFound(kind: "step", reference: reference)
    }
    return row
  }

  // MARK: - Helpers

  static func status(_ code: UInt8) -> Step.Status {
    switch code {
    case 1: return .done
    case 2: return .dropped
    default: return .open
    }
  }

  func row(for step: Step, short: String, cadenceOfReview: [String: String]) -> StepRow {
    StepRow(
      id: step.id, short: short, owner: step.owner, due: step.due, status: step.status,
      completedAt: step.completedAt, cadence: step.review.flatMap { cadenceOfReview[$0] },
      line: nil, changed: step)
  }

  /// Steps the tail changed, with the tail applied (removed ones left out).
  private func changedSteps(_ ids: Set<String>) throws(RhythmError) -> [Step] {
    var result: [Step] = []
    for id in ids.sorted() {
      var fields = try snapshotFields(.step, id: id) ?? ["id": .string(id)]
      var table = RecordTable()
      table.put(.step, id: id, fields: fields)
      for operation in tailByRecord[Store.key(.step, id)] ?? [] { table.apply(operation) }
      fields = table.fields(of: .step, id: id) ?? fields
      if let step = RecordFields.decode(Step.self, from: fields), step.isLive { result.append(step) }
    }
    return result
  }

  /// A record's fields as the snapshot has them (before the tail), if it has it.
  func snapshotFields(_ kind: RecordKind, id: String) throws(RhythmError) -> [String: JSONValue]? {
    guard let snapshot else { return nil }
    if kind == .step, let index {
      var found: Range<Int>?
      let target = Array(id.utf8)
      index.withIDBytes { position, bytes in
        if found == nil, bytes.elementsEqual(target) { found = index.entry(at: position).line }
      }
      return try found.map { (line) throws(RhythmError) in try snapshot.parseLine(line) }
    }
    var result: [String: JSONValue]?
    let marker = Array("\"id\":\(JSONValue.string(id).serialized())".utf8)
    try snapshot.forEachLine(of: kind) { (line, _) throws(RhythmError) in
      guard result == nil, snapshot.data[line].firstRange(of: marker) != nil else { return }
      let fields = try snapshot.parseLine(line)
      if fields["id"]?.stringValue == id { result = fields }
    }
    return result
  }
}

extension StoreState {
  /// The dictionary of one record type.
  static func section<R: Record>(_ type: R.Type, of state: StoreState) -> [String: R] {
    switch R.kind {
    case .person: return state.people as? [String: R] ?? [:]
    case .team: return state.teams as? [String: R] ?? [:]
    case .cadence: return state.cadences as? [String: R] ?? [:]
    case .review: return state.reviews as? [String: R] ?? [:]
    case .step: return state.steps as? [String: R] ?? [:]
    case .decision: return state.decisions as? [String: R] ?? [:]
    case .note: return state.notes as? [String: R] ?? [:]
    case .metric: return state.metrics as? [String: R] ?? [:]
    case .priority: return state.priorities as? [String: R] ?? [:]
    case .exchange: return state.exchanges as? [String: R] ?? [:]
    }
  }
}
