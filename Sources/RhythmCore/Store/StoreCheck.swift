import Foundation

/// One place where a cache (the snapshot or the index) says something the journals do not.
public struct StoreDifference: Sendable, Equatable, CustomStringConvertible {
  /// The cache that differs: `store.json` or `store.idx`.
  public var file: String
  /// The kind of record it is about, when it is about one.
  public var kind: RecordKind?
  /// The record's short id (the handle of a person, the name of a team).
  public var record: String?
  /// The field that differs, when one does.
  public var field: String?
  /// What differs.
  public var detail: String

  public var description: String {
    var parts = [file]
    if let kind, let record { parts.append(kind.rawValue + " " + record) }
    if let field { parts.append(field) }
    return parts.joined(separator: ": ") + ": " + detail
  }
}

/// What `rhythm store check` finds: every journal replayed from its first line and compared
/// with the snapshot (`store.json`) and the index (`store.idx`), caches that must agree with
/// the journals. A snapshot that lags behind (a tail not compacted yet) agrees: it is compared
/// with the journal lines it says it holds.
public struct StoreCheck: Sendable {
  /// The operations replayed.
  public var operations = 0
  /// The journals they came from.
  public var journals = 0
  public var hasSnapshot = false
  public var hasIndex = false
  /// Records of each kind after the replay, removed ones left out.
  public var liveRecords: [RecordKind: Int] = [:]
  /// Where the caches disagree with the journals; empty when they agree.
  public var differences: [StoreDifference] = []
  /// Things worth saying that are not differences (a torn last journal line).
  public var warnings: [String] = []

  /// Checks the store in `folder`. It only reads: nothing is rewritten, whatever it finds.
  /// - Throws: `.noStore`; `.corrupt` for a file that cannot be read at all (with its line and
  ///   column); `.unsupportedSchema`.
  public static func run(folder: String) throws(RhythmError) -> StoreCheck {
    let layout = StoreLayout(folder: folder)
    guard FileIO.exists(layout.journalFolder) || FileIO.exists(layout.snapshotPath) else {
      throw .noStore(path: layout.folder)
    }
    var check = StoreCheck()
    try FileLock(path: layout.lockPath).withLock(exclusive: false) { () throws(RhythmError) in
      try check.compare(layout)
    }
    return check
  }

  // MARK: - Snapshot

  private mutating func compare(_ layout: StoreLayout) throws(RhythmError) {
    let all = try Journal.readTails(folder: layout.journalFolder, from: [:])
    operations = all.operations.count
    journals = Journal.devices(in: layout.journalFolder).count
    warnings = all.warnings
    let everything = Self.replay(all.operations)
    for kind in RecordKind.allCases {
      liveRecords[kind] =
        (everything[kind] ?? [:]).values.filter {
          $0["deleted"] != .bool(true)
        }.count
    }
    guard let identity = FileIO.identity(layout.snapshotPath),
      let data = try FileIO.read(layout.snapshotPath)
    else { return }
    hasSnapshot = true
    let snapshot = try SnapshotReader(path: layout.snapshotPath, data: data)
    let held = try operationsHeld(by: snapshot.header, layout)
    if held.map(\.stamp).max() != snapshot.header.stamp {
      differ(
        "store.json", field: "stamp",
        Self.show(snapshot.header.stamp.map { .string($0.description) }) + " in store.json, "
          + Self.show(held.map(\.stamp).max().map { .string($0.description) })
          + " in the journal lines it holds")
    }
    try compareRecords(of: snapshot, with: Self.replay(held))
    try compareIndex(with: snapshot, identity: identity, layout)
    compareStamps(with: snapshot, held: held, layout)
  }

  /// The operations of the journal lines the snapshot says it holds; a position that is not
  /// the end of a whole line of its journal is a difference.
  private mutating func operationsHeld(
    by header: SnapshotHeader, _ layout: StoreLayout
  ) throws(RhythmError) -> [Operation] {
    var held = JournalTail()
    for (device, position) in header.journals.sorted(by: { $0.key < $1.key }) {
      let path = layout.journalPath(for: device)
      let name = "journal/\(device).\(Journal.fileExtension)"
      let size = FileIO.size(path)
      guard FileIO.exists(path), position.bytes <= size else {
        differ(
          "store.json", field: "journals",
          "it holds \(position.lines) lines (\(position.bytes) bytes) of \(name), which has "
            + (FileIO.exists(path) ? "\(size) bytes" : "gone"))
        continue
      }
      let data = try FileIO.read(path, from: 0, count: position.bytes)
      var part = JournalTail()
      let end = try Journal.parse(
        data, path: path, start: JournalPosition(bytes: 0, lines: 0), into: &part)
      if end != position {
        differ(
          "store.json", field: "journals",
          "it holds \(position.lines) lines (\(position.bytes) bytes) of \(name), but "
            + "\(end.lines) whole lines (\(end.bytes) bytes) are there")
      }
      held.operations += part.operations
    }
    return held.operations
  }

  private mutating func compareRecords(
    of snapshot: SnapshotReader, with expected: [RecordKind: [String: [String: JSONValue]]]
  ) throws(RhythmError) {
    for kind in RecordKind.allCases {
      var actual: [String: [String: JSONValue]] = [:]
      for (id, fields) in try snapshot.fieldMaps(of: kind) {
        if actual[id] != nil { differ("store.json", kind, id, "it holds the record twice") }
        actual[id] = fields
      }
      let wanted = expected[kind] ?? [:]
      let ids = Set(actual.keys).union(wanted.keys)
      let shorts = Self.shortIDs(ids, kind: kind)
      for id in ids.sorted() {
        let short = shorts[id] ?? id
        guard let have = actual[id] else {
          differ("store.json", kind, short, "missing from store.json; the journals have it")
          continue
        }
        guard let want = wanted[id] else {
          differ("store.json", kind, short, "in store.json, but in no journal")
          continue
        }
        for field in Set(have.keys).union(want.keys).sorted() where have[field] != want[field] {
          differ(
            "store.json", kind, short, field: field,
            Self.show(have[field]) + " in store.json, " + Self.show(want[field])
              + " in the journals")
        }
      }
    }
  }

  // MARK: - Stamps

  /// Compares `store.stamps` with the stamps a replay of the lines the snapshot holds gives
  /// (those that can decide a later write). A file made for another snapshot is not read by
  /// the store (it is rebuilt when an older operation needs it): a warning, not a difference.
  private mutating func compareStamps(
    with snapshot: SnapshotReader, held: [Operation], _ layout: StoreLayout
  ) {
    guard FileIO.exists(layout.stampsPath) else { return }
    guard let file = StampsFile.read(path: layout.stampsPath, header: snapshot.header) else {
      warnings.append(
        "store.stamps was made for another version of store.json (or is damaged): it is not "
          + "read, and is rewritten when a pull needs it")
      return
    }
    let replayed = StoreState.replaying(held)
    var have: [RecordKey: [String: Stamp]] = [:]
    file.eachEntry { key, entry in have[key] = StampsFile.significant(entry, of: key.kind) }
    var want: [RecordKey: [String: Stamp]] = [:]
    for key in Set(replayed.stamps.keys).union(replayed.orphans.keys) {
      let entry = StampsFile.Entry(stamps: replayed.stamps[key], held: replayed.orphans[key] ?? [:])
      want[key] = StampsFile.significant(entry, of: key.kind)
    }
    let keys = Set(have.keys).union(want.keys).sorted {
      ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id)
    }
    for key in keys {
      let mine = have[key] ?? [:]
      let theirs = want[key] ?? [:]
      for path in Set(mine.keys).union(theirs.keys).sorted() where mine[path] != theirs[path] {
        differ(
          "store.stamps", key.kind, key.id, field: path,
          (mine[path]?.description ?? "none") + " in store.stamps, "
            + (theirs[path]?.description ?? "none") + " in the journal lines store.json holds")
      }
    }
  }

  // MARK: - Index

  /// Compares `store.idx` with the snapshot it indexes (which was compared with the journals).
  private mutating func compareIndex(
    with snapshot: SnapshotReader, identity: FileIdentity, _ layout: StoreLayout
  ) throws(RhythmError) {
    guard FileIO.exists(layout.indexPath) else { return }
    hasIndex = true
    guard
      let index = StepIndex.read(
        path: layout.indexPath, matching: identity, snapshot: snapshot.data)
    else {
      differ("store.idx", "it was made for another version of store.json (stale), or is damaged")
      return
    }
    if index.header != snapshot.header {
      differ("store.idx", field: "header", "its copy of store.json's header differs")
    }
    if index.sections != snapshot.sections {
      differ("store.idx", field: "sections", "it places the sections of store.json elsewhere")
    }
    var cadenceOfReview: [String: String] = [:]
    for (id, fields) in try snapshot.fieldMaps(of: .review) {
      cadenceOfReview[id] = fields["cadence"]?.stringValue
    }
    var expected: [String: [String: String]] = [:]
    for line in snapshot.lineRanges(of: .step) {
      let fields = try snapshot.parseLine(line)
      guard let id = fields["id"]?.stringValue else { continue }
      expected[id] = Self.indexFields(
        status: StepIndex.statusCode(fields), owner: fields["owner"]?.stringValue ?? "",
        due: fields["due"]?.stringValue.flatMap { Day.parse($0) }?.ordinal ?? 0,
        completed: fields["completedAt"]?.stringValue.flatMap { ISOInstant.parse($0) }.map {
          Int64(($0.timeIntervalSince1970 * 1000).rounded())
        } ?? Int64.min,
        cadence: fields["review"]?.stringValue.flatMap { cadenceOfReview[$0] }, line: line)
    }
    var actual: [String: [String: String]] = [:]
    for position in 0..<index.count {
      let entry = index.entry(at: position)
      func string(_ number: UInt16) -> String {
        Int(number) < index.strings.count ? index.strings[Int(number)] : "string \(number)"
      }
      actual[entry.id] = Self.indexFields(
        status: entry.status, owner: string(entry.owner), due: entry.due,
        completed: entry.completedMillis,
        cadence: entry.cadence == StepIndex.noCadence ? nil : string(entry.cadence),
        line: entry.line)
    }
    let ids = Set(actual.keys).union(expected.keys)
    let shorts = Self.shortIDs(ids, kind: .step)
    for id in ids.sorted() {
      let short = shorts[id] ?? id
      guard let have = actual[id] else {
        differ("store.idx", .step, short, "missing from store.idx; store.json has it")
        continue
      }
      guard let want = expected[id] else {
        differ("store.idx", .step, short, "in store.idx, but not in store.json")
        continue
      }
      for field in want.keys.sorted() where have[field] != want[field] {
        differ(
          "store.idx", .step, short, field: field,
          "\(have[field] ?? "nothing") in store.idx, \(want[field] ?? "nothing") in store.json")
      }
    }
  }

  /// What the index holds of one step, as text to compare and show.
  private static func indexFields(
    status: UInt8, owner: String, due: Int32, completed: Int64, cadence: String?,
    line: Range<Int>
  ) -> [String: String] {
    let statuses = ["open", "done", "dropped", "deleted"]
    return [
      "status": Int(status) < statuses.count ? statuses[Int(status)] : "status \(status)",
      "owner": owner,
      "due": Day(ordinal: due).description,
      "completedAt": completed == Int64.min ? "nothing" : String(completed) + " ms",
      "cadence": cadence ?? "nothing",
      "line": "bytes \(line.lowerBound)..<\(line.upperBound)",
    ]
  }

  // MARK: - Helpers

  /// Every record the operations make (removed ones too), by kind and id, as a snapshot
  /// writes them: the same replay every other reader uses.
  private static func replay(_ operations: [Operation]) -> [RecordKind: [String: [String:
    JSONValue]]]
  {
    StoreState.replaying(operations).fieldMaps()
  }

  /// Short ids as lists show them; people and teams go by their handle or name.
  private static func shortIDs(_ ids: Set<String>, kind: RecordKind) -> [String: String] {
    kind == .person || kind == .team ? [:] : ShortIDs.map(Array(ids))
  }

  /// A value as it reads in a difference (long ones cut short).
  private static func show(_ value: JSONValue?) -> String {
    guard let value else { return "nothing" }
    let text = value.serialized()
    return text.count > 60 ? String(text.prefix(59)) + "…" : text
  }

  private mutating func differ(_ file: String, field: String? = nil, _ detail: String) {
    differences.append(
      StoreDifference(file: file, kind: nil, record: nil, field: field, detail: detail))
  }

  private mutating func differ(
    _ file: String, _ kind: RecordKind, _ record: String, field: String? = nil, _ detail: String
  ) {
    differences.append(
      StoreDifference(file: file, kind: kind, record: record, field: field, detail: detail))
  }
}
