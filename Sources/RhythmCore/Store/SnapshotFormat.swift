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

/// Writes a snapshot of a state's records (removed ones too) to a file as it lays them out, and
/// records where each section and each step's line is. Steps and decisions, most of a large
/// store, are written straight to bytes (`RecordLineEncoder`), the rest through their schema;
/// a section's lines are made a block at a time, two blocks at once on two threads, and go to
/// the file as they are made: the snapshot is never whole in memory, nor are its records
/// copied.
struct SnapshotWriter {
  /// Where one step's line sits in the written file, and what the index keeps of it.
  struct StepPlacement {
    var id: String
    var offset: Int
    var length: Int
    var owner: String
    var review: String?
    /// `StepIndex.statusCode(_:)` of the step.
    var status: UInt8
    var due: Int32
    /// `Int64.min` when not completed.
    var completedMillis: Int64
  }

  /// Records of a section made on one thread at a time.
  static let block = 2_048
  /// Records of a section below which a second thread is not worth it (a review's line, made
  /// through its schema, takes microseconds: 1,700 of them are worth two threads).
  static let worthSplitting = 256

  private(set) var sections: [RecordKind: Range<Int>] = [:]
  /// The steps' lines, in file order (by id).
  private(set) var steps: [StepPlacement] = []
  /// The file's size and `ContentChecksum`.
  private(set) var size = 0
  private(set) var checksum: UInt64 = 0

  /// Writes the records of `state` with `header` to `sink`.
  init(state: StoreState, header: SnapshotHeader, to sink: FileSink) throws(RhythmError) {
    let entries = SnapshotWriter.entries
    var removed: [RecordKind: [any Record]] = [:]
    for (key, record) in state.removed { removed[key.kind, default: []].append(record) }
    try sink.append("{\n")
    for (position, entry) in entries.enumerated() {
      let comma = position == entries.count - 1 ? "" : ","
      try sink.append("  \"\(entry.key)\": ")
      if let kind = entry.kind {
        func write<R: Record>(_ type: R.Type) throws(RhythmError) {
          try place(
            state[keyPath: R.section], removed: (removed[kind] ?? []).compactMap { $0 as? R },
            comma: comma, to: sink)
        }
        // The two large kinds by name, so that their code is made for their types.
        switch kind {
        case .step:
          try place(
            state.steps, removed: (removed[kind] ?? []).compactMap { $0 as? Step }, comma: comma,
            to: sink)
        case .decision:
          try place(
            state.decisions, removed: (removed[kind] ?? []).compactMap { $0 as? Decision },
            comma: comma, to: sink)
        default: try write(kind.recordType)
        }
      } else {
        try sink.append(SnapshotWriter.headerValue(entry.key, header) + comma + "\n")
      }
    }
    try sink.append("}\n")
    size = sink.offset
    checksum = try sink.checksum()
  }

  /// The file's keys in the order it lists them (sorted): a section's name with its kind, or a
  /// header value's.
  static let entries: [(key: String, kind: RecordKind?)] = {
    var entries: [(key: String, kind: RecordKind?)] =
      RecordKind.allCases.map { (SnapshotFormat.sectionName($0), $0) }
    entries += [("journals", nil), ("schemaVersion", nil), ("stamp", nil)]
    return entries.sorted { $0.key < $1.key }
  }()

  /// Appends a record's line (its JSON object, without indentation or comma): steps and
  /// decisions straight to bytes, the rest through their schema.
  static func appendLine<R: Record>(_ record: R, to bytes: inout [UInt8]) {
    if let step = record as? Step {
      RecordLineEncoder.append(step, to: &bytes)
    } else if let decision = record as? Decision {
      RecordLineEncoder.append(decision, to: &bytes)
    } else {
      bytes += Array(JSONValue.object(R.schema.fields(of: record)).serialized().utf8)
    }
  }

  /// Writes one section: its records (live, then removed ones not live) sorted by id.
  private mutating func place<R: Record>(
    _ records: [String: R], removed: [R], comma: String, to sink: FileSink
  ) throws(RhythmError) {
    let lines = SectionLines(records, removed: removed)
    guard lines.count > 0 else {
      sections[R.kind] = sink.offset..<sink.offset + 2
      try sink.append("[]" + comma + "\n")
      return
    }
    let start = sink.offset
    try sink.append("[\n")
    if R.self == Step.self { steps.reserveCapacity(lines.count) }
    var first = 0
    while first < lines.count {
      let end = min(lines.count, first + 2 * SnapshotWriter.block)
      let blocks = lines.count >= SnapshotWriter.worthSplitting ? 2 : 1
      let results = BlockResults(count: blocks)
      let begin = first
      DispatchQueue.concurrentPerform(iterations: blocks) { part in
        let range =
          (begin + (end - begin) * part / blocks)..<(begin + (end - begin) * (part + 1) / blocks)
        results.put(part, lines.encode(range))
      }
      for part in 0..<blocks {
        var made = results.take(part)
        let shift = sink.offset
        for index in made.steps.indices { made.steps[index].offset += shift }
        steps += made.steps
        try sink.append(made.bytes)
      }
      first = end
    }
    try sink.append("  ]")
    sections[R.kind] = start..<sink.offset
    try sink.append(comma + "\n")
  }

  static func headerValue(_ key: String, _ header: SnapshotHeader) -> String {
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
}

extension SnapshotWriter.StepPlacement {
  /// Where `step`'s line is, and what the index keeps of it.
  init(_ step: Step, offset: Int, length: Int) {
    self.init(
      id: step.id, offset: offset, length: length, owner: step.owner, review: step.review,
      status: StepIndex.statusCode(step), due: step.due.ordinal,
      completedMillis: step.completedAt.map(StepIndex.millis) ?? Int64.min)
  }
}

/// One section's records in the order the snapshot lists them (by the UTF-8 bytes of their
/// ids), found where they are kept (no record is copied), and made into lines a block at a
/// time.
private struct SectionLines<R: Record>: @unchecked Sendable {
  /// Where a record is: an index into the section's dictionary, or into `removed`.
  private enum Place {
    case live(Dictionary<String, R>.Index)
    case removed(Int)
  }

  private let records: [String: R]
  private let removed: [R]
  private let order: [Place]

  init(_ records: [String: R], removed: [R]) {
    self.records = records
    self.removed = removed
    var places: [Place] = []
    var ids: [String] = []
    places.reserveCapacity(records.count + removed.count)
    ids.reserveCapacity(records.count + removed.count)
    // The keys and indices in step, so that no record is copied to learn its id.
    for (index, id) in zip(records.indices, records.keys) {
      places.append(.live(index))
      ids.append(id)
    }
    for (position, record) in removed.enumerated() where records[record.id] == nil {
      places.append(.removed(position))
      ids.append(record.id)
    }
    order = SectionOrder.order(of: ids).map { places[$0] }
  }

  var count: Int { order.count }

  /// The lines of the records at `range` of the order (`    {…},\n` each, the very last
  /// without its comma), with where each step's line is from the block's start.
  func encode(_ range: Range<Int>) -> EncodedBlock {
    var block = EncodedBlock()
    block.bytes.reserveCapacity(range.count * 300)
    for position in range {
      let record: R
      switch order[position] {
      case .live(let index): record = records[index].value
      case .removed(let index): record = removed[index]
      }
      block.bytes += [0x20, 0x20, 0x20, 0x20]
      let offset = block.bytes.count
      SnapshotWriter.appendLine(record, to: &block.bytes)
      if let step = record as? Step {
        block.steps.append(
          SnapshotWriter.StepPlacement(
            step, offset: offset, length: block.bytes.count - offset))
      }
      if position == order.count - 1 {
        block.bytes.append(0x0A)
      } else {
        block.bytes += [UInt8(ascii: ","), 0x0A]
      }
    }
    return block
  }
}

/// The lines of a block of records, and where its steps' lines are from its start.
private struct EncodedBlock: Sendable {
  var bytes: [UInt8] = []
  var steps: [SnapshotWriter.StepPlacement] = []
}

/// The order of records in a section.
enum SectionOrder {
  /// The positions of `ids` in the order of their UTF-8 bytes (the order the index's binary
  /// search expects). Ids of up to 32 bytes (every ULID) are compared as four big-endian
  /// words copied from their bytes, which sorts 50,000 of them without touching a string.
  static func order(of ids: [String]) -> [Int] {
    var keys: [PackedID] = []
    keys.reserveCapacity(ids.count)
    for position in ids.indices {
      let packed = ids[position].utf8.withContiguousStorageIfAvailable { utf8 in
        PackedID(utf8, position: position)
      }
      guard let packed = packed ?? nil else {
        return Array(ids.indices).sorted { precedes(ids[$0], ids[$1]) }
      }
      keys.append(packed)
    }
    keys.sort { $0.precedes($1) }
    return keys.map(\.position)
  }

  /// An id of up to 32 bytes as four words that order as its bytes do, with its length (a
  /// shorter id that is a prefix of a longer one comes first) and its position.
  private struct PackedID {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var length: Int
    var position: Int

    /// `nil` for more than 32 bytes.
    init?(_ utf8: UnsafeBufferPointer<UInt8>, position: Int) {
      guard utf8.count <= 32 else { return nil }
      length = utf8.count
      self.position = position
      withUnsafeMutableBytes(of: &words) { raw in raw.copyMemory(from: UnsafeRawBufferPointer(utf8))
      }
      words = (
        UInt64(bigEndian: words.0), UInt64(bigEndian: words.1), UInt64(bigEndian: words.2),
        UInt64(bigEndian: words.3)
      )
    }

    func precedes(_ other: PackedID) -> Bool {
      if words.0 != other.words.0 { return words.0 < other.words.0 }
      if words.1 != other.words.1 { return words.1 < other.words.1 }
      if words.2 != other.words.2 { return words.2 < other.words.2 }
      if words.3 != other.words.3 { return words.3 < other.words.3 }
      return length < other.length
    }
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

/// The blocks made at once, handed back under a lock.
private final class BlockResults: @unchecked Sendable {
  private let lock = NSLock()
  /// Guarded by `lock`.
  private var blocks: [EncodedBlock]

  init(count: Int) {
    blocks = Array(repeating: EncodedBlock(), count: count)
  }

  func put(_ part: Int, _ block: EncodedBlock) {
    lock.withLock { blocks[part] = block }
  }

  func take(_ part: Int) -> EncodedBlock {
    lock.withLock {
      let taken = blocks[part]
      blocks[part] = EncodedBlock()
      return taken
    }
  }
}
