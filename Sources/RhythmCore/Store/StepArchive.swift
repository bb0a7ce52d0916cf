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
    func number(_ text: String) -> Int {
      if let known = interner.numbers[text] { return known }
      strings.append(text)
      interner.numbers[text] = strings.count - 1
      return strings.count - 1
    }
    ids.append(step.id)
    titles.append(step.title)
    successes.append(step.success.map { UInt32(number($0)) } ?? UInt32.max)
    owners.append(UInt16(truncatingIfNeeded: number(step.owner)))
    if tagValues.isEmpty { tagValues.append([]) }
    let tags: Int
    if let known = interner.tagNumbers[step.tags] {
      tags = known
    } else {
      tagValues.append(step.tags)
      tags = tagValues.count - 1
      interner.tagNumbers[step.tags] = tags
    }
    tagLists.append(UInt16(truncatingIfNeeded: tags))
    dues.append(step.due.ordinal)
    statuses.append(step.status)
    createdAts.append(step.createdAt)
    lineStarts.append(line.lowerBound)
    lineLengths.append(Int32(line.count))
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

  /// The archive: every live step of the index not held in full.
  public func build() -> StepArchive {
    var archive = StepArchive(snapshot: snapshot)
    var interner = StepArchive.Interner()
    var positions: [Int] = []
    positions.reserveCapacity(index.count)
    index.scan { position, _, status, _, _, _ in
      if status != 3, !held.contains(position) { positions.append(position) }
    }
    var reuse = RecordLineDecoder.Reuse()
    snapshot.withUnsafeBytes { raw in
      for position in positions {
        let line = index.entry(at: position).line
        let step =
          RecordLineDecoder.decode(UnsafeRawBufferPointer(rebasing: raw[line]), reusing: &reuse)
          ?? (try? RecordCoding.makeDecoder().decode(Step.self, from: snapshot[line]))
        guard let step, step.isLive else { continue }
        archive.append(step, line: line, interner: &interner)
      }
    }
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
