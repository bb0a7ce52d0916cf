import Foundation

/// The store's steps that the cockpit does not hold as full `Step` values (the older finished
/// ones, most of a large store), as compact columns: what the triage list sorts, filters and
/// draws by, with owners and tag lists interned and each step's line in the snapshot kept, so
/// that a full step is decoded only when one is shown in the detail pane or edited.
///
/// At 50,000 steps the columns take a few MB where full steps took tens of MB. Built from a
/// ``StepArchiveSource`` (off the main thread: the cockpit answers keys meanwhile).
public struct StepArchive: Sendable {
  /// Each step's id, in id order.
  public private(set) var ids: [String] = []
  /// Each step's title.
  public private(set) var titles: [String] = []
  private var successes: [UInt32] = []
  private var owners: [UInt16] = []
  private var tagLists: [UInt16] = []
  private var dues: [Int32] = []
  private var statuses: [Step.Status] = []
  private var createdAts: [Date] = []
  private var lineStarts: [Int] = []
  private var lineLengths: [Int32] = []
  /// Interned values the columns refer to by number.
  private var strings: [String] = []
  private var tagValues: [[String]] = []
  private let snapshot: Data
  /// Positions of steps now held in full elsewhere (taken in for an edit): no longer listed.
  public private(set) var leftOut = Set<Int>()
  /// Every position, by due day, then creation, then id (the triage list's default order),
  /// worked out where the archive is built; `nil` for an archive built here.
  public private(set) var dueOrder: [Int32]?

  /// An archive of no steps.
  public init() {
    snapshot = Data()
  }

  fileprivate init(snapshot: Data) {
    self.snapshot = snapshot
  }

  /// How many steps it holds.
  public var count: Int { ids.count }

  // MARK: - Columns

  /// The owner's handle of the step at `position`.
  public func owner(at position: Int) -> String { strings[Int(owners[position])] }
  /// The due day of the step at `position`.
  public func due(at position: Int) -> Day { Day(ordinal: dues[position]) }
  /// The status of the step at `position`.
  public func status(at position: Int) -> Step.Status { statuses[position] }
  /// When the step at `position` was created.
  public func createdAt(at position: Int) -> Date { createdAts[position] }
  /// The tags of the step at `position`.
  public func tags(at position: Int) -> [String] { tagValues[Int(tagLists[position])] }
  /// The success criterion of the step at `position`.
  public func success(at position: Int) -> String? {
    successes[position] == UInt32.max ? nil : strings[Int(successes[position])]
  }

  /// Stops listing the step `id` (it is held in full now).
  public mutating func leaveOut(_ id: String) {
    if let position = position(of: id) { leftOut.insert(position) }
  }

  /// Whether the step at `position` is listed (not left out).
  public func lists(_ position: Int) -> Bool {
    !leftOut.contains(position)
  }

  /// Where the step `id` is, if the archive holds it.
  public func position(of id: String) -> Int? {
    var low = 0
    var high = ids.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if ids[middle] == id { return middle }
      if ids[middle] < id { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  /// The full step at `position`, decoded from its snapshot line.
  public func step(at position: Int) -> Step? {
    let start = lineStarts[position]
    return StepArchiveSource.decode(
      snapshot, line: start..<(start + Int(lineLengths[position])))
  }

  // MARK: - Building

  fileprivate struct Interner {
    var numbers: [String: Int] = [:]
    var tagNumbers: [[String]: Int] = [[]: 0]
  }

  fileprivate mutating func append(_ step: Step, line: Range<Int>, interner: inout Interner) {
    append(
      id: step.id, owner: step.owner, due: step.due.ordinal, status: step.status,
      fields: ArchivedFields(
        title: step.title, success: step.success, tags: step.tags, createdAt: step.createdAt),
      line: line, interner: &interner)
  }

  fileprivate mutating func append(
    id: String, owner: String, due: Int32, status: Step.Status, fields: ArchivedFields,
    line: Range<Int>, interner: inout Interner
  ) {
    func number(_ text: String) -> Int {
      if let known = interner.numbers[text] { return known }
      strings.append(text)
      interner.numbers[text] = strings.count - 1
      return strings.count - 1
    }
    ids.append(id)
    titles.append(fields.title)
    successes.append(fields.success.map { UInt32(number($0)) } ?? UInt32.max)
    owners.append(UInt16(truncatingIfNeeded: number(owner)))
    if tagValues.isEmpty { tagValues.append([]) }
    let tags: Int
    if let known = interner.tagNumbers[fields.tags] {
      tags = known
    } else {
      tagValues.append(fields.tags)
      tags = tagValues.count - 1
      interner.tagNumbers[fields.tags] = tags
    }
    tagLists.append(UInt16(truncatingIfNeeded: tags))
    dues.append(due)
    statuses.append(status)
    createdAts.append(fields.createdAt)
    lineStarts.append(line.lowerBound)
    lineLengths.append(Int32(line.count))
  }

  /// Works out ``dueOrder``.
  fileprivate mutating func sortByDue() {
    let dues = self.dues
    let createdAts = self.createdAts
    var order = (0..<Int32(count)).map { $0 }
    // Positions are in id order, so the position breaks the last tie as the id would.
    order.sort {
      let (left, right) = (Int($0), Int($1))
      if dues[left] != dues[right] { return dues[left] < dues[right] }
      if createdAts[left] != createdAts[right] { return createdAts[left] < createdAts[right] }
      return left < right
    }
    dueOrder = order
  }
}

/// What the archive keeps of a step that the index does not hold: read from its snapshot line.
struct ArchivedFields {
  var title: String
  var success: String?
  var tags: [String]
  var createdAt: Date

  /// Strings of the previous line, shared with the next one when it repeats them.
  struct Reuse {
    var success: String?
    var tags: (bytes: [UInt8], values: [String])?
    var skipped: (bytes: [UInt8], values: [String])?
  }

  /// The fields on `line`, the step `id`'s: only the four are made, every other value is
  /// stepped over. `nil` when the line is not plain (an escape, a value of another shape, a
  /// field named twice) or not `id`'s: the whole step is then decoded.
  static func scan(
    _ line: UnsafeRawBufferPointer, id: String, reusing reuse: inout Reuse
  ) -> ArchivedFields? {
    var scanner = LineScanner(bytes: line)
    var title: String?
    var success: String?
    var tags: [String]?
    var createdAt: Date?
    var seen = (id: false, success: false)
    scanner.skipSpace()
    guard scanner.take(UInt8(ascii: "{")) else { return nil }
    while true {
      scanner.skipSpace()
      guard let key = scanner.stringBytes() else { return nil }
      scanner.skipSpace()
      guard scanner.take(UInt8(ascii: ":")) else { return nil }
      scanner.skipSpace()
      if LineScanner.equals("id", key) {
        guard !seen.id, let value = scanner.stringBytes(), LineScanner.equals(id, value) else {
          return nil
        }
        seen.id = true
      } else if LineScanner.equals("title", key) {
        guard title == nil, let value = scanner.string() else { return nil }
        title = value
      } else if LineScanner.equals("success", key) {
        guard !seen.success, scanner.optionalString(into: &success, reusing: &reuse.success)
        else { return nil }
        seen.success = true
      } else if LineScanner.equals("tags", key) {
        guard tags == nil, let value = scanner.stringArray(reusing: &reuse.tags) else {
          return nil
        }
        tags = value
      } else if LineScanner.equals("createdAt", key) {
        guard createdAt == nil, let value = scanner.instant() else { return nil }
        createdAt = value
      } else if !skipValue(&scanner, reuse: &reuse) {
        return nil
      }
      scanner.skipSpace()
      if scanner.take(UInt8(ascii: ",")) { continue }
      guard scanner.take(UInt8(ascii: "}")), seen.id, let title, let createdAt else {
        return nil
      }
      return ArchivedFields(title: title, success: success, tags: tags ?? [], createdAt: createdAt)
    }
  }

  /// Steps over a string, a string array, `true`, `false` or `null`.
  private static func skipValue(_ scanner: inout LineScanner, reuse: inout Reuse) -> Bool {
    guard scanner.index < scanner.bytes.count else { return false }
    switch scanner.bytes[scanner.index] {
    case UInt8(ascii: "\""): return scanner.stringBytes() != nil
    case UInt8(ascii: "["): return scanner.stringArray(reusing: &reuse.skipped) != nil
    default:
      var flag: Bool?
      return scanner.bool(into: &flag)
    }
  }
}

/// What a ``StepArchive`` is built from: the step index and the snapshot bytes, and the steps
/// the cockpit holds in full instead (left out). It can be sent to another thread; it also
/// gives one archived step in full, before the archive is built, when an edit needs it.
public struct StepArchiveSource: @unchecked Sendable {
  // The index and the snapshot bytes are immutable values: reading them from two threads is
  // safe (`StepIndex` is not marked Sendable only because it is declared elsewhere).
  private let index: StepIndex
  private let snapshot: Data
  /// Index positions of the steps held in full.
  private let held: Set<Int>

  init(index: StepIndex, snapshot: Data, held: Set<Int>) {
    self.index = index
    self.snapshot = snapshot
    self.held = held
  }

  /// The archive: every live step of the index not held in full. Id, owner, due day and
  /// status come from the index; of each line only the title, success criterion, tags and
  /// creation are read (a line that is not plain is decoded whole).
  public func build() -> StepArchive {
    var archive = StepArchive(snapshot: snapshot)
    var interner = StepArchive.Interner()
    var positions: [Int] = []
    positions.reserveCapacity(index.count)
    index.scan { position, _, status, _, _, _ in
      if status != 3, !held.contains(position) { positions.append(position) }
    }
    var reuse = ArchivedFields.Reuse()
    snapshot.withUnsafeBytes { raw in
      for position in positions {
        let entry = index.entry(at: position)
        let line = entry.line
        guard line.upperBound <= raw.count else { continue }
        let status: Step.Status = entry.status == 1 ? .done : entry.status == 2 ? .dropped : .open
        let owner = Int(entry.owner) < index.strings.count ? index.strings[Int(entry.owner)] : nil
        if let owner,
          let fields = ArchivedFields.scan(
            UnsafeRawBufferPointer(rebasing: raw[line]), id: entry.id, reusing: &reuse)
        {
          archive.append(
            id: entry.id, owner: owner, due: entry.due, status: status, fields: fields,
            line: line, interner: &interner)
          continue
        }
        guard let step = StepArchiveSource.decode(snapshot, line: line), step.isLive else {
          continue
        }
        archive.append(step, line: line, interner: &interner)
      }
    }
    archive.sortByDue()
    StepArchiveSource.releasePages(of: snapshot)
    return archive
  }

  /// Lets the pages of the mapped snapshot that were read go: they stay in the page cache,
  /// and a line read again (the detail pane) is mapped back in, but they no longer count as
  /// the cockpit's resident memory (the snapshot is most of it at 50,000 steps).
  private static func releasePages(of snapshot: Data) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    snapshot.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, page > 0, Int(bitPattern: base) % page == 0 else {
        return
      }
      let length = (raw.count / page) * page
      guard length > 0 else { return }
      _ = madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED)
    }
  }

  /// The snapshot version of the step `id` when the archive holds it (not held in full).
  public func step(_ id: String) -> Step? {
    guard let position = index.position(of: id), !held.contains(position) else { return nil }
    return StepArchiveSource.decode(snapshot, line: index.entry(at: position).line)
  }

  /// The step on `line` of `snapshot`.
  static func decode(_ snapshot: Data, line: Range<Int>) -> Step? {
    guard line.upperBound <= snapshot.count else { return nil }
    let fast = snapshot.withUnsafeBytes { raw in
      RecordLineDecoder.decode(UnsafeRawBufferPointer(rebasing: raw[line]))
    }
    return fast ?? (try? RecordCoding.makeDecoder().decode(Step.self, from: snapshot[line]))
  }
}

// MARK: - Short ids

extension StepArchiveSource {
  /// The short ids of every step of the store and of `others` (records of any kind; steps
  /// the index already holds are skipped), exactly as a ``ShortIDTable`` of all of them gives
  /// them, without making 200,000 id strings: the index holds each snapshot step's short
  /// length, and only ids sharing their last four characters with one of the few others are
  /// worked out again.
  public func shortIDs(adding others: some Sequence<String>) -> StoreShortIDs {
    let extras = others.filter { index.position(of: $0) == nil }
    var endings = Set<UInt32>()
    for id in extras {
      let bytes = Array(id.utf8)
      if bytes.count >= ShortIDs.minimumLength { endings.insert(StoreShortIDs.ending(bytes[...])) }
    }
    var neighbours: [String] = []
    if !endings.isEmpty {
      index.withIDBytes { _, bytes in
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end >= ShortIDs.minimumLength else { return }
        let ending =
          UInt32(bytes[end - 4]) << 24 | UInt32(bytes[end - 3]) << 16
          | UInt32(bytes[end - 2]) << 8 | UInt32(bytes[end - 1])
        if endings.contains(ending) {
          neighbours.append(
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self))
        }
      }
    }
    return StoreShortIDs(source: self, table: ShortIDTable(extras + neighbours))
  }

  /// The short length the index holds for the step `id`, if it holds the step.
  fileprivate func indexedShortLength(of id: String) -> Int? {
    index.position(of: id).map { Int(index.entry(at: $0).shortLength) }
  }
}

/// The short forms of a store's ids (see ``ShortIDs``), read from the step index for the
/// snapshot's steps, or from a ``ShortIDTable`` alone when there is no index.
public struct StoreShortIDs: Sendable {
  private let source: StepArchiveSource?
  private let table: ShortIDTable

  /// Short ids of `ids` alone.
  public init(_ ids: [String] = []) {
    source = nil
    table = ShortIDTable(ids)
  }

  fileprivate init(source: StepArchiveSource, table: ShortIDTable) {
    self.source = source
    self.table = table
  }

  /// The length of `id`'s short form, or nil when `id` is not one of the store's.
  public func length(of id: String) -> Int? {
    let listed = table.length(of: id)
    guard let indexed = source?.indexedShortLength(of: id) else { return listed }
    return max(indexed, listed ?? 0)
  }

  /// The short form of `id`: its shortest unique ending, or its last 4 characters when it is
  /// not one of the store's.
  public func shortForm(of id: String) -> String {
    String(id.suffix(length(of: id) ?? ShortIDs.minimumLength))
  }

  /// The last four bytes of an id, as one number.
  fileprivate static func ending(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    let end = bytes.endIndex
    return UInt32(bytes[end - 4]) << 24 | UInt32(bytes[end - 3]) << 16
      | UInt32(bytes[end - 2]) << 8 | UInt32(bytes[end - 1])
  }
}
