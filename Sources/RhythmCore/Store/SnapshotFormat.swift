import Foundation

/// The layout of `store.json`: valid, pretty JSON with sorted keys in which every record is one
/// line, so that git diffs show one line per changed record, and a reader can find a section,
/// or one record, without parsing the rest.
///
/// ```
/// {
///   "cadences": [
///     {"agenda":[…],"id":"01j…","rule":"FREQ=WEEKLY;BYDAY=MO",…},
///     {…}
///   ],
///   "journals": {"k3j9x2ab":{"bytes":48213,"lines":211}},
///   "schemaVersion": 1,
///   "stamp": "0001764057300123-0000@k3j9x2ab",
///   "steps": [
///   …
/// }
/// ```
enum SnapshotFormat {
  /// The schema this build writes and reads.
  static let schemaVersion = 1

  /// The section name of each record kind (the JSON key).
  static func sectionName(_ kind: RecordKind) -> String {
    switch kind {
    case .person: return "people"
    case .priority: return "priorities"
    default: return kind.rawValue + "s"
    }
  }

  /// The kind a section name stands for.
  static func kind(forSection name: String) -> RecordKind? {
    RecordKind.allCases.first { sectionName($0) == name }
  }
}

/// The header values of a snapshot (everything that is not a record).
struct SnapshotHeader: Equatable {
  var schemaVersion = SnapshotFormat.schemaVersion
  var journals: [String: JournalPosition] = [:]
  /// The greatest stamp of the operations the snapshot holds.
  var stamp: Stamp?
}

/// Writes a snapshot of a state's records (removed ones too), and records where each record's
/// line is. Steps and decisions, most of a large store, are written straight to bytes
/// (`RecordLineEncoder`), on a thread of their own each; the rest through their schema.
struct SnapshotWriter {
  /// Where one record's line sits in the written file.
  struct Placement {
    var id: String
    var offset: Int
    var length: Int
    /// For a step, what the index keeps of it.
    var step: Step?
  }

  private(set) var bytes: [UInt8] = []
  private(set) var sections: [RecordKind: Range<Int>] = [:]
  private(set) var placements: [RecordKind: [Placement]] = [:]

  /// Lays out the records of `state` with `header`.
  init(state: StoreState, header: SnapshotHeader) {
    let bodies = SectionBodies(state: state)
    var entries: [(key: String, kind: RecordKind?)] =
      RecordKind.allCases.map { (SnapshotFormat.sectionName($0), $0) }
    entries += [("journals", nil), ("schemaVersion", nil), ("stamp", nil)]
    entries.sort { $0.key < $1.key }
    bytes.reserveCapacity(bodies.size + 4096)
    append("{\n")
    for (position, entry) in entries.enumerated() {
      let comma = position == entries.count - 1 ? "" : ","
      append("  \"\(entry.key)\": ")
      if let kind = entry.kind {
        place(kind, bodies.take(kind), comma: comma)
      } else {
        append(headerValue(entry.key, header) + comma + "\n")
      }
    }
    append("}\n")
  }

  private mutating func place(_ kind: RecordKind, _ body: SectionBody, comma: String) {
    guard !body.placements.isEmpty else {
      sections[kind] = bytes.count..<bytes.count + 2
      append("[]" + comma + "\n")
      return
    }
    let start = bytes.count
    append("[\n")
    let shift = bytes.count
    bytes += body.bytes
    append("  ]")
    sections[kind] = start..<bytes.count
    append(comma + "\n")
    placements[kind] = body.placements.map {
      Placement(id: $0.id, offset: $0.offset + shift, length: $0.length, step: $0.step)
    }
  }

  private func headerValue(_ key: String, _ header: SnapshotHeader) -> String {
    switch key {
    case "journals":
      var object: [String: JSONValue] = [:]
      for (device, position) in header.journals {
        object[device] = .object([
          "bytes": .number(Double(position.bytes)), "lines": .number(Double(position.lines)),
        ])
      }
      return JSONValue.object(object).serialized()
    case "schemaVersion":
      return String(header.schemaVersion)
    default:
      return header.stamp.map { JSONValue.string($0.description).serialized() } ?? "null"
    }
  }

  private mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }
}

/// One section's record lines (`    {…},\n` each, the last without its comma), with where each
/// line is from the body's start.
struct SectionBody: Sendable {
  var bytes: [UInt8] = []
  var placements: [SnapshotWriter.Placement] = []

  /// The lines of `records` (live and removed), sorted by id.
  init<R: Record>(_ records: [String: R], removed: [R]) {
    var all = Array(records.values)
    all.reserveCapacity(records.count + removed.count)
    for record in removed where records[record.id] == nil { all.append(record) }
    let order = SectionBody.order(of: all.map(\.id))
    placements.reserveCapacity(all.count)
    bytes.reserveCapacity(all.count * 256)
    for (position, index) in order.enumerated() {
      let record = all[index]
      let id = record.id
      bytes += [0x20, 0x20, 0x20, 0x20]
      let offset = bytes.count
      var step: Step?
      if let typed = record as? Step {
        RecordLineEncoder.append(typed, to: &bytes)
        step = typed
      } else if let decision = record as? Decision {
        RecordLineEncoder.append(decision, to: &bytes)
      } else {
        bytes += Array(JSONValue.object(R.schema.fields(of: record)).serialized().utf8)
      }
      placements.append(
        SnapshotWriter.Placement(id: id, offset: offset, length: bytes.count - offset, step: step))
      bytes += position == order.count - 1 ? [0x0A] : [UInt8(ascii: ","), 0x0A]
    }
  }

  init() {}

  /// The positions of `ids` in the order of their UTF-8 bytes (the order the index's binary
  /// search expects). Ids of up to 32 bytes (every ULID) are compared as four packed words,
  /// which sorts 50,000 of them without touching a string.
  static func order(of ids: [String]) -> [Int] {
    var keys: [(UInt64, UInt64, UInt64, UInt64, Int, Int)] = []
    keys.reserveCapacity(ids.count)
    for (position, id) in ids.enumerated() {
      var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
      var fits = true
      var text = id
      text.withUTF8 { utf8 in
        guard utf8.count <= 32 else {
          fits = false
          return
        }
        for (offset, byte) in utf8.enumerated() {
          let shift = UInt64(56 - (offset % 8) * 8)
          switch offset / 8 {
          case 0: words.0 |= UInt64(byte) << shift
          case 1: words.1 |= UInt64(byte) << shift
          case 2: words.2 |= UInt64(byte) << shift
          default: words.3 |= UInt64(byte) << shift
          }
        }
      }
      guard fits else {
        return Array(ids.indices).sorted { precedes(ids[$0], ids[$1]) }
      }
      keys.append((words.0, words.1, words.2, words.3, id.utf8.count, position))
    }
    keys.sort { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }
    return keys.map(\.5)
  }

  /// Whether `left`'s UTF-8 bytes sort before `right`'s.
  static func precedes(_ left: String, _ right: String) -> Bool {
    let fast = left.utf8.withContiguousStorageIfAvailable { first in
      right.utf8.withContiguousStorageIfAvailable { second in
        let common = min(first.count, second.count)
        if common > 0, let a = first.baseAddress, let b = second.baseAddress {
          let order = memcmp(a, b, common)
          if order != 0 { return order < 0 }
        }
        return first.count < second.count
      }
    }
    if let fast = fast, let result = fast { return result }
    return left.utf8.lexicographicallyPrecedes(right.utf8)
  }
}

/// Every section's body, the steps and the decisions made at once on two threads.
private final class SectionBodies: @unchecked Sendable {
  /// Written by one thread each before `concurrentPerform` returns; read after.
  private var bodies: [RecordKind: SectionBody] = [:]
  private let lock = NSLock()

  init(state: StoreState) {
    var aside: [RecordKind: [any Record]] = [:]
    for (key, record) in state.removed { aside[key.kind, default: []].append(record) }
    let removed = aside
    let groups: [[RecordKind]] = [[.step], RecordKind.allCases.filter { $0 != .step }]
    DispatchQueue.concurrentPerform(iterations: groups.count) { group in
      for kind in groups[group] {
        func body<R: Record>(_ type: R.Type) -> SectionBody {
          SectionBody(
            state[keyPath: R.section], removed: (removed[kind] ?? []).compactMap { $0 as? R })
        }
        let made = body(kind.recordType)
        lock.withLock { bodies[kind] = made }
      }
    }
  }

  var size: Int { lock.withLock { bodies.values.reduce(0) { $0 + $1.bytes.count } } }

  func take(_ kind: RecordKind) -> SectionBody {
    lock.withLock { bodies.removeValue(forKey: kind) ?? SectionBody() }
  }
}
