import Foundation

/// A Rhythm store: per-device operation journals, replayed into typed records, with a snapshot
/// and an index as caches for a fast start. Every change is an operation appended to this
/// device's journal and flushed to disk before `commit` returns.
///
/// Reading is lazy: a command that lists one owner's steps reads the index and those steps'
/// lines, not the whole store; the cockpit calls `loadState()` for everything.
public final class Store {
  /// Operations past the snapshot before a command rewrites the snapshot (in a store of up
  /// to 128 times as many steps: see `compactionTail`).
  public static let compactionThreshold = 512

  public let layout: StoreLayout
  /// Whether a long tail makes the next command rewrite the snapshot (off for bulk loads,
  /// which compact once at the end).
  public var compactsAutomatically = true
  public let clock: Clock
  /// Who the operations this process makes are by.
  public let person: String
  /// Things worth telling the user that did not stop the command (a torn journal line, a
  /// cache that could not be rewritten), each a sentence starting with what it is ("warning:",
  /// "saved;", "note:").
  public internal(set) var warnings: [String] = []
  /// Told of each new warning as it happens (a command prints it on standard error).
  public var onWarning: ((String) -> Void)?

  let lock: FileLock
  var snapshot: SnapshotReader?
  var index: StepIndex?
  /// The snapshot's per-field stamps (`store.stamps`), when they belong to this snapshot.
  var stampsFile: StampsFile?
  /// The stamps file a compaction state was read over and the records its tail changed: the
  /// next stamps file copies every other entry from it.
  var compactedStamps: (base: StampsFile, changed: [RecordKey])?
  /// Operations past the snapshot, in stamp order.
  var tail: [Operation] = []
  /// Tail operations by record ("kind/id").
  var tailByRecord: [String: [Operation]] = [:]
  /// How far each journal has been read (snapshot and tail).
  var positions: [String: JournalPosition] = [:]
  /// Whether there is no snapshot and the journals were left unread at opening, to be
  /// replayed at once into the first snapshot (instead of read into a tail first).
  var journalsUnread = false
  /// Whether the journal lines past the snapshot were left unread at opening, being more than
  /// a command carries: the compaction replays them at once (`Store+LongTail`).
  var tailUnread = false
  /// The greatest stamp seen.
  var latestStamp: Stamp?
  /// The whole state, once someone asked for it; kept current by commits and refreshes.
  var state: StoreState?
  /// Typed sections already decoded (for commands that do not load everything).
  var sectionCache: [RecordKind: Any] = [:]
  var idGenerator = RecordIDGenerator()
  /// The kind of file whose writes fail on purpose (`RHYTHM_FAIL_WRITE`, a test seam).
  var failingWrites: StoreFile?
  /// Whether a compaction splices what its tail touched into the snapshot (`Store+Splice`);
  /// off, it reads the whole state (tests compare the two).
  var splicesCompactions = true
  /// Why the snapshot could not be rewritten, once it could not: this store then stops trying
  /// and works from the journals (the next process tries again).
  var cacheFailure: RhythmError?

  private init(layout: StoreLayout, clock: Clock, person: String, failingWrites: StoreFile?) {
    self.layout = layout
    self.clock = clock
    self.person = person
    self.failingWrites = failingWrites
    lock = FileLock(path: layout.lockPath)
  }

  // MARK: - Opening

  /// Opens the store in `folder`.
  /// - Throws: `.noStore` when there is none; `.corrupt` for a damaged file (left untouched).
  public static func open(
    at folder: String, clock: Clock, person: String? = nil
  ) throws(RhythmError) -> Store {
    try open(at: folder, clock: clock, person: person, failingWrites: StoreFile.failing())
  }

  /// `open(at:clock:person:)`, with the writes to one kind of file made to fail (tests).
  static func open(
    at folder: String, clock: Clock, person: String?, failingWrites: StoreFile?
  ) throws(RhythmError) -> Store {
    let layout = StoreLayout(folder: folder)
    guard FileIO.exists(layout.journalFolder) || FileIO.exists(layout.snapshotPath) else {
      throw .noStore(path: layout.folder)
    }
    let store = Store(
      layout: layout, clock: clock, person: person ?? Store.defaultPerson(),
      failingWrites: failingWrites)
    try store.load()
    return store
  }

  /// Creates an empty store in `folder` (made 0700, with a `.gitignore` for the caches). A
  /// folder that is already there is made 0700 too, with a note in `warnings` when it was not.
  /// - Throws: `.storeExists` when `folder` already holds a store.
  public static func create(
    at folder: String, clock: Clock, person: String? = nil
  ) throws(RhythmError) -> Store {
    let layout = StoreLayout(folder: folder)
    if FileIO.exists(layout.journalFolder) || FileIO.exists(layout.snapshotPath) {
      throw .storeExists(path: layout.folder)
    }
    let existed = FileIO.exists(layout.folder)
    try FileIO.makeFolder(layout.folder)
    var note: String?
    if existed, let previous = try FileIO.restrict(layout.folder, to: 0o700) {
      note = "note: made \(layout.folder) private (0700; it was 0\(String(previous, radix: 8)))"
    }
    try FileIO.makeFolder(layout.journalFolder)
    if !FileIO.exists(layout.gitignorePath) {
      try FileIO.replaceAtomically(layout.gitignorePath, with: Array(StoreLayout.gitignore.utf8))
    }
    let store = try open(at: folder, clock: clock, person: person)
    if let note { store.warn(note) }
    return store
  }

  /// Rebuilds the snapshot of the store in `folder` from its journals, without reading the
  /// snapshot first (it may be the damaged file): the old one is moved to `backups/`.
  public static func rebuild(
    at folder: String, clock: Clock, person: String? = nil
  ) throws(RhythmError) {
    try rebuild(at: folder, clock: clock, person: person, failing: StoreFile.failing())
  }

  /// `rebuild(at:clock:person:)`, with the writes to one kind of file made to fail (tests).
  static func rebuild(
    at folder: String, clock: Clock, person: String? = nil, failing: StoreFile?
  ) throws(RhythmError) {
    let layout = StoreLayout(folder: folder)
    guard FileIO.exists(layout.journalFolder) else { throw .noStore(path: layout.folder) }
    try Store(
      layout: layout, clock: clock, person: person ?? defaultPerson(), failingWrites: failing
    ).rebuild()
  }

  /// The person operations are by: `RHYTHM_USER`, else the login name.
  public static func defaultPerson(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    for key in ["RHYTHM_USER", "USER", "LOGNAME"] {
      if let value = environment[key], !value.isEmpty { return value }
    }
    // The login name of the user id, when the environment names no one.
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      let login = String(cString: name)
      if !login.isEmpty { return login }
    }
    return "someone"
  }

  /// Reads the snapshot and index and the journal tails past them, then rewrites the snapshot
  /// and index when they are stale or missing, if it can (reading never needs a write).
  private func load() throws(RhythmError) {
    // A fresh clone starts from the best checkpoint, if it can write it down.
    _ = try? adoptCheckpoint()
    try lock.withLock(exclusive: false) { () throws(RhythmError) in
      try readSnapshot()
      let devices = Journal.devices(in: layout.journalFolder)
      if snapshot == nil,
        devices.contains(where: { FileIO.size(layout.journalPath(for: $0)) > 0 })
      {
        journalsUnread = true
      } else if compactsAutomatically, try hasLongTail() {
        tailUnread = true
      } else {
        try readTails()
      }
    }
    try updateCache(afterSaving: false)
    if journalsUnread || tailUnread {
      // The replay could not be written down: read the journals into the view as they are.
      journalsUnread = false
      _ = try lock.withLock(exclusive: false) { () throws(RhythmError) in try readTails() }
    }
  }

  /// Reads `store.json` and `store.idx` when they are there.
  func readSnapshot() throws(RhythmError) {
    snapshot = nil
    index = nil
    stampsFile = nil
    tail = []
    tailByRecord = [:]
    positions = [:]
    latestStamp = nil
    sectionCache = [:]
    guard let identity = FileIO.identity(layout.snapshotPath) else { return }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: layout.snapshotPath), options: .alwaysMapped)
    } catch {
      throw .io(path: layout.snapshotPath, reason: "cannot read")
    }
    if let index = StepIndex.read(path: layout.indexPath, matching: identity, snapshot: data) {
      guard index.header.schemaVersion <= SnapshotFormat.schemaVersion else {
        throw .unsupportedSchema(path: layout.snapshotPath, version: index.header.schemaVersion)
      }
      snapshot = SnapshotReader(
        path: layout.snapshotPath, data: data, sections: index.sections, header: index.header)
      self.index = index
    } else {
      snapshot = try SnapshotReader(path: layout.snapshotPath, data: data)
    }
    positions = snapshot?.header.journals ?? [:]
    latestStamp = snapshot?.header.stamp
    stampsFile = snapshot.flatMap { StampsFile.read(path: layout.stampsPath, header: $0.header) }
  }

  /// Reads journal lines past `positions` into the tail.
  @discardableResult
  func readTails() throws(RhythmError) -> [Operation] {
    tailUnread = false
    let read = try Journal.readTails(folder: layout.journalFolder, from: positions)
    for warning in read.warnings { warn("warning: " + warning) }
    positions = read.positions
    let fresh = read.operations.sorted { $0.stamp < $1.stamp }
    for operation in fresh { addToTail(operation) }
    return fresh
  }

  func addToTail(_ operation: Operation) {
    if let last = tail.last, operation.stamp < last.stamp {
      tail.append(operation)
      tail.sort { $0.stamp < $1.stamp }
    } else {
      tail.append(operation)
    }
    tailByRecord[Store.key(operation.kind, operation.record), default: []].append(operation)
    if latestStamp.map({ operation.stamp > $0 }) ?? true { latestStamp = operation.stamp }
    sectionCache[operation.kind] = nil
    if state != nil {
      takeSnapshotStamps(into: &state, for: [operation])
      state?.apply(operation)
    }
  }

  /// Whether the snapshot should be rewritten: none yet, no index, a long tail, or a tail
  /// operation older than the snapshot (it came from another device through git) when there
  /// are no snapshot stamps to merge it with (then only a replay gives the right values).
  var needsCompaction: Bool {
    guard compactsAutomatically, cacheFailure == nil else { return false }
    if snapshot == nil { return journalsUnread || !tail.isEmpty }
    return tailUnread || index == nil || tail.count > compactionTail
      || (stampsFile == nil && hasOlderTailOperation)
  }

  /// The tail a command carries before it rewrites the snapshot: `compactionThreshold`, or a
  /// 128th of the steps when that is more. A rewrite costs what the whole store holds, a tail
  /// what it holds at each command: in proportion, a large store's compaction still pays for
  /// itself, and a fresh clone or a pull that brings a thousand operations into a team's
  /// 200,000 steps merges them (`Store+Merge`) instead of rewriting every record at once.
  var compactionTail: Int { max(Store.compactionThreshold, (index?.count ?? 0) / 128) }

  var hasOlderTailOperation: Bool {
    guard let snapshotStamp = snapshot?.header.stamp else { return false }
    return tail.contains { $0.stamp < snapshotStamp }
  }

  /// Keeps `text` in `warnings` (once) and passes it on to `onWarning`.
  func warn(_ text: String) {
    guard !warnings.contains(text) else { return }
    warnings.append(text)
    onWarning?(text)
  }

  static func key(_ kind: RecordKind, _ id: String) -> String {
    kind.rawValue + "/" + id
  }

  /// A new record id made now.
  public func newID() -> String {
    idGenerator.next(at: clock.now)
  }
}
