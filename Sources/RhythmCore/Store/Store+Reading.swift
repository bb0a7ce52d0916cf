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
    loaded.snapshotStamp = snapshot?.header.stamp
    if let snapshot {
      try loadSections(of: snapshot, into: &loaded) { (loaded) throws(RhythmError) in
        try load(Step.self, from: snapshot, into: &loaded)
      }
    }
    takeTailStamps(into: &loaded)
    for operation in tail { loaded.apply(operation) }
    state = loaded
    sectionCache = [:]
    return loaded
  }

  /// Decodes every section of `snapshot` into `loaded`; `loadSteps` puts the steps in (all of
  /// them, or those a caller holds) while the decisions are decoded on another thread, so
  /// the two large sections overlap.
  func loadSections(
    of snapshot: SnapshotReader, into loaded: inout StoreState,
    steps loadSteps: (inout StoreState) throws(RhythmError) -> Void
  ) throws(RhythmError) {
    try load(Person.self, from: snapshot, into: &loaded)
    try load(Team.self, from: snapshot, into: &loaded)
    try load(Cadence.self, from: snapshot, into: &loaded)
    try load(Review.self, from: snapshot, into: &loaded)
    let decisions = BackgroundSection { () throws(RhythmError) in
      try snapshot.decodeSection(Decision.self)
    }
    try loadSteps(&loaded)
    loaded.load(try decisions.runs())
    try load(Note.self, from: snapshot, into: &loaded)
    try load(Metric.self, from: snapshot, into: &loaded)
    try load(Priority.self, from: snapshot, into: &loaded)
    try load(Exchange.self, from: snapshot, into: &loaded)
    try load(Topic.self, from: snapshot, into: &loaded)
    try load(Headline.self, from: snapshot, into: &loaded)
    try load(DecisionRight.self, from: snapshot, into: &loaded)
  }

  /// Every live record of one kind, by id: its snapshot section with the tail applied.
  public func records<R: Record>(_ type: R.Type) throws(RhythmError) -> [String: R] {
    try records(R.self, decoded: nil)
  }

  /// `records(_:)`, with the snapshot section already decoded when `decoded` is given: the
  /// section, with the tail's operations on this kind applied as a replay would.
  func records<R: Record>(_ type: R.Type, decoded: [[R]]?) throws(RhythmError) -> [String: R] {
    if let state { return state[keyPath: R.section] }
    if let cached = sectionCache[R.kind] as? [String: R] { return cached }
    var partial = StoreState()
    partial.snapshotStamp = snapshot?.header.stamp
    if let decoded {
      partial.load(decoded)
    } else if let snapshot {
      partial.load(try snapshot.decodeSection(R.self))
    }
    takeTailStamps(into: &partial, kind: R.kind)
    for operation in tail where operation.kind == R.kind { partial.apply(operation) }
    let result = partial[keyPath: R.section]
    sectionCache[R.kind] = result
    return result
  }

  /// One record as it stands now (removed ones too): its snapshot line with the tail applied.
  func currentRecord<R: Record>(_ type: R.Type, id: String) throws(RhythmError) -> R? {
    if let state { return state.record(R.self, id: id) }
    var partial = StoreState()
    partial.snapshotStamp = snapshot?.header.stamp
    if let fields = try snapshotFields(R.kind, id: id),
      let record = R.schema.record(id: id, from: fields)
    {
      partial.load([[record]])
    }
    takeRecordStamps(into: &partial, kind: R.kind, id: id)
    for operation in tailByRecord[Store.key(R.kind, id)] ?? [] { partial.apply(operation) }
    return partial.record(R.self, id: id)
  }

  // MARK: - Steps, fast

  /// Every live step as a row (only `owners`' steps when given), from the index and the tail:
  /// no step text is decoded, and rows of other owners are never made.
  public func stepRows(owners: Set<String>? = nil) throws(RhythmError) -> [StepRow] {
    guard state == nil, let index else {
      // Everything loaded, or no snapshot yet: work from the typed steps.
      let steps: [String: Step]
      if let state { steps = state.steps } else { steps = try records(Step.self) }
      let shorts = ShortIDs.map(Array(steps.keys))
      return try steps.values.filter {
        owners?.contains($0.owner) ?? true
      }.map {
        (step) throws(RhythmError) in
        row(
          for: step, short: shorts[step.id] ?? step.id, cadence: try cadence(ofReview: step.review))
      }
    }
    let changed = try changedSteps(owners: owners)
    let skipped = Set(changed.positions)
    let wanted = owners.map { Set($0.compactMap { index.stringNumber($0) }) }
    var rows: [StepRow] = []
    index.scan { position, owner, status, due, _, _ in
      guard status != 3, wanted?.contains(owner) ?? true, !skipped.contains(position) else {
        return
      }
      rows.append(Store.row(at: position, in: index))
    }
    let newIDs = newStepIDs()
    for step in changed.steps where owners?.contains(step.owner) ?? true {
      rows.append(
        row(
          for: step, short: try shortID(forChanged: step.id, newIDs: newIDs),
          cadence: try cadence(ofReview: step.review)))
    }
    return rows
  }

  /// The facts insights need for every live step: a scan of the index that makes no strings
  /// per step.
  public func stepFacts() throws(RhythmError) -> [StepFacts] {
    guard state == nil, let index else {
      return try stepRows().map(\.facts)
    }
    let changed = try changedSteps()
    let skipped = Set(changed.positions)
    var facts: [StepFacts] = []
    facts.reserveCapacity(index.count)
    index.scan { position, owner, status, due, completed, cadence in
      guard status != 3, !skipped.contains(position) else { return }
      facts.append(
        StepFacts(
          owner: index.strings[Int(owner)], due: Day(ordinal: due), status: Store.status(status),
          completedAt: completed == Int64.min
            ? nil : Date(timeIntervalSince1970: Double(completed) / 1000),
          cadence: cadence == StepIndex.noCadence ? nil : index.strings[Int(cadence)]))
    }
    for step in changed.steps {
      facts.append(StepFacts(step: step, cadence: try cadence(ofReview: step.review)))
    }
    return facts
  }

  /// The full steps for `rows`, in the same order.
  public func steps(_ rows: [StepRow]) throws(RhythmError) -> [Step] {
    if let state { return rows.compactMap { state.steps[$0.id] } }
    var fromLines: [Int: Step] = [:]
    if let snapshot {
      var slow: [(position: Int, line: Range<Int>)] = []
      var reuse = RecordLineDecoder.Reuse()
      snapshot.data.withUnsafeBytes { raw in
        for (position, row) in rows.enumerated() where row.changed == nil {
          guard let line = row.line else { continue }
          if let step = RecordLineDecoder.decode(
            UnsafeRawBufferPointer(rebasing: raw[line]), reusing: &reuse)
          {
            fromLines[position] = step
          } else {
            slow.append((position, line))
          }
        }
      }
      for item in slow {
        do {
          fromLines[item.position] = try RecordCoding.makeDecoder().decode(
            Step.self, from: snapshot.data[item.line])
        } catch {
          _ = try snapshot.decodeSection(Step.self)  // names the bad line
          throw .io(
            path: layout.snapshotPath,
            reason: "a step could not be read: run `rhythm store rebuild`")
        }
      }
    }
    return rows.enumerated().compactMap { position, row in row.changed ?? fromLines[position] }
  }

  /// The id of the record of `kind` that `reference` names: a full id, or a unique beginning
  /// or ending (4+ characters) of one.
  public func resolve(_ reference: String, among ids: some Collection<String>, kind: String)
    throws(RhythmError) -> String
  {
    let text = try ShortIDs.normalise(reference)
    if ids.contains(text) { return text }
    let matches = ids.filter { ShortIDs.matches(text, id: $0) }
    guard let first = matches.first else { throw .notFound(kind: kind, reference: reference) }
    guard matches.count == 1 else {
      throw .ambiguous(kind: kind, reference: reference, candidates: matches.sorted())
    }
    return first
  }

  /// Resolves a step reference with the index: only the id bytes are compared, and only the
  /// matching step becomes a row.
  public func resolveStep(_ reference: String) throws(RhythmError) -> StepRow {
    guard state == nil, let index else {
      let rows = try stepRows()
      let id = try resolve(reference, among: rows.map(\.id), kind: "step")
      guard let row = rows.first(where: { $0.id == id }) else {
        throw .notFound(kind: "step", reference: reference)
      }
      return row
    }
    let text = Array(try ShortIDs.normalise(reference).utf8)
    let changed = try changedSteps()
    let skipped = Set(changed.positions)
    var matches: [StepRow] = []
    index.withIDBytes { position, bytes in
      var end = bytes.count
      while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
      guard end >= text.count, !skipped.contains(position) else { return }
      let id = UnsafeRawBufferPointer(rebasing: bytes[0..<end])
      let exact = end == text.count && id.elementsEqual(text)
      guard
        exact || id.prefix(text.count).elementsEqual(text)
          || id.suffix(text.count).elementsEqual(text)
      else { return }
      let row = Store.row(at: position, in: index)
      if index.entry(at: position).status != 3 { matches.append(row) }
    }
    let newIDs = newStepIDs()
    for step in changed.steps
    where ShortIDs.matches(String(decoding: text, as: UTF8.self), id: step.id) {
      matches.append(
        row(
          for: step, short: try shortID(forChanged: step.id, newIDs: newIDs),
          cadence: try cadence(ofReview: step.review)))
    }
    let typed = String(decoding: text, as: UTF8.self)
    if let exact = matches.first(where: { $0.id == typed }) { return exact }
    guard let first = matches.first else { throw .notFound(kind: "step", reference: reference) }
    guard matches.count == 1 else {
      throw .ambiguous(
        kind: "step", reference: reference, candidates: matches.map(\.short).sorted())
    }
    return first
  }

  static func row(at position: Int, in index: StepIndex) -> StepRow {
    let entry = index.entry(at: position)
    return StepRow(
      id: entry.id, short: String(entry.id.suffix(Int(entry.shortLength))),
      owner: index.strings[Int(entry.owner)], due: Day(ordinal: entry.due),
      status: Store.status(entry.status),
      completedAt: entry.completedMillis == Int64.min
        ? nil : Date(timeIntervalSince1970: Double(entry.completedMillis) / 1000),
      cadence: entry.cadence == StepIndex.noCadence ? nil : index.strings[Int(entry.cadence)],
      line: entry.line)
  }

  // MARK: - Helpers

  static func status(_ code: UInt8) -> Step.Status {
    switch code {
    case 1: return .done
    case 2: return .dropped
    default: return .open
    }
  }

  func row(for step: Step, short: String, cadence: String?) -> StepRow {
    StepRow(
      id: step.id, short: short, owner: step.owner, due: step.due, status: step.status,
      completedAt: step.completedAt, cadence: cadence, line: nil, changed: step)
  }

  /// The cadence of a review: from the tail when it was made or moved since the snapshot,
  /// else from the index (no review is decoded).
  func cadence(ofReview id: String?) throws(RhythmError) -> String? {
    guard let id else { return nil }
    if let state { return state.reviews[id]?.cadence }
    if let operations = tailByRecord[Store.key(.review, id)],
      operations.contains(where: { $0.fields["cadence"] != nil })
    {
      // Changed since the snapshot, perhaps by an operation older than it: as it stands now.
      return try currentRecord(Review.self, id: id)?.cadence
    }
    if let index { return index.cadence(ofReview: id) }
    return try records(Review.self)[id]?.cadence
  }

  /// Steps the tail changed, with the tail applied (removed ones left out), and the index
  /// positions of their snapshot versions. With `owners`, a step whose tail leaves its owner
  /// alone and whose snapshot owner is not one of them is not made (it would be filtered out).
  private func changedSteps(owners: Set<String>? = nil) throws(RhythmError) -> (
    steps: [Step], positions: [Int]
  ) {
    var steps: [Step] = []
    var positions: [Int] = []
    for (key, operations) in tailByRecord.sorted(by: { $0.key < $1.key })
    where key.hasPrefix("step/") {
      let id = String(key.dropFirst(5))
      let position = index?.position(of: id)
      if let position { positions.append(position) }
      if let owners, let index, let position,
        !owners.contains(index.strings[Int(index.entry(at: position).owner)]),
        !operations.contains(where: { $0.fields["owner"] != nil })
      {
        continue
      }
      if let step = try currentRecord(Step.self, id: id), step.isLive { steps.append(step) }
    }
    return (steps, positions)
  }

  /// The ids of the steps the tail made that the index does not have.
  private func newStepIDs() -> [String] {
    tailByRecord.keys.filter { $0.hasPrefix("step/") }.map { String($0.dropFirst(5)) }.filter {
      index?.position(of: $0) == nil
    }
  }

  /// The short id of a step changed since the snapshot: its snapshot short form, lengthened
  /// while another step's id ends the same way. Steps the index has end unlike each other
  /// (in their short forms, so in any longer ones): only the steps new since (`newIDs`,
  /// `newStepIDs()`) can clash with one, and the index is scanned only for a new step.
  private func shortID(forChanged id: String, newIDs: [String]) throws(RhythmError) -> String {
    guard let index else { return String(id.suffix(ShortIDs.minimumLength)) }
    var length = ShortIDs.minimumLength
    let indexed = index.position(of: id)
    if let indexed { length = Int(index.entry(at: indexed).shortLength) }
    while length < id.count {
      let ending = Array(id.utf8.suffix(length))
      var clash = newIDs.contains { $0 != id && $0.hasSuffix(String(id.suffix(length))) }
      if !clash, indexed == nil {
        index.withIDBytes { _, bytes in
          if !clash, bytes.count >= length {
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            if end >= length,
              UnsafeRawBufferPointer(rebasing: bytes[(end - length)..<end]).elementsEqual(ending),
              !UnsafeRawBufferPointer(rebasing: bytes[0..<end]).elementsEqual(Array(id.utf8))
            {
              clash = true
            }
          }
        }
      }
      if !clash { break }
      length += 1
    }
    return String(id.suffix(length))
  }

  /// A record's fields as the snapshot has them (before the tail), if it has it.
  func snapshotFields(_ kind: RecordKind, id: String) throws(RhythmError) -> [String: JSONValue]? {
    guard let snapshot else { return nil }
    if kind == .step, let index {
      guard let position = index.position(of: id) else { return nil }
      return try snapshot.parseLine(index.entry(at: position).line)
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
