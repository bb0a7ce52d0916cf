import Foundation

extension Store {
  /// Rewrites the snapshot, index and stamps from the snapshot, its stamps and the tail, or
  /// from the journals alone when there are no stamps for the snapshot. The previous snapshot
  /// is kept in `backups/` (a hard link, no copy).
  /// - Throws: what reading throws, and `.io` when a file cannot be written (the journals
  ///   are untouched, and the old snapshot stays whole).
  public func compact() throws(RhythmError) {
    try lock.withLock(exclusive: true) { () throws(RhythmError) in
      try write(try compactionState())
    }
  }

  /// Rewrites the snapshot and index when they lag behind the journals, if it can. They are
  /// caches: when they cannot be written (a full disk, a read-only folder) a warning says so,
  /// this store stops trying, and its view stands on the journals, so that no read fails for
  /// want of a write and no saved change is reported as failed.
  /// - Parameter saved: whether a change was just saved (the warning says it was).
  /// - Throws: what reading throws (a damaged file is an error, never a warning).
  func updateCache(afterSaving saved: Bool) throws(RhythmError) {
    guard needsCompaction else { return }
    var failure: RhythmError?
    do throws(RhythmError) {
      try lock.withLock(exclusive: true) { () throws(RhythmError) in
        let replayed = try compactionState()
        do throws(RhythmError) { try write(replayed) } catch { failure = error }
        Discard.inBackground(consume replayed)
      }
    } catch {
      // No lock to write under (a read-only folder) is a write failure; the rest is reading.
      guard case .io(let path, _) = error, path == layout.lockPath else { throw error }
      failure = error
    }
    guard let failure else { return }
    cacheFailure = failure
    let (file, reason) = cacheProblem(failure)
    let problem = "the cache (\(file)) could not be updated: \(reason)"
    warn(saved ? "saved; " + problem : "warning: " + problem + "; read the journals instead")
    try standOnJournals()
  }

  /// Rebuilds the snapshot from the journals alone, moving a damaged snapshot aside first
  /// (it is never overwritten).
  public func rebuild() throws(RhythmError) {
    try lock.withLock(exclusive: true) { () throws(RhythmError) in
      if FileIO.exists(layout.snapshotPath) {
        try FileIO.makeFolder(layout.backupsFolder)
        let aside = layout.backupsFolder + "/store-\(backupStamp())-before-rebuild.json"
        try FileIO.move(layout.snapshotPath, to: aside, failing: failingWrites == .backup)
      }
      FileIO.remove(layout.indexPath)
      snapshot = nil
      index = nil
      stampsFile = nil
      positions = [:]
      tail = []
      tailByRecord = [:]
      latestStamp = nil
      try write(try replayJournals())
    }
  }

  /// The snapshot and tail read afresh, as what the next snapshot is written from: the
  /// records the tail touches, to be spliced into the snapshot's lines (`SnapshotSplice`),
  /// when there are the snapshot's stamps and index; else the whole state, the snapshot with
  /// its stamps and the tail applied, or every journal replayed when there are no stamps for
  /// the snapshot (a store written before they were kept, or a lost file).
  private func compactionState() throws(RhythmError) -> Compaction {
    compactedStamps = nil
    try readSnapshot()
    // Without a snapshot every journal is read from its first line, at once.
    if snapshot == nil { return .whole(try replayJournals()) }
    // Without its stamps, only a replay of every journal gives the right values.
    guard stampsFile != nil else { return .whole(try replayJournals()) }
    // Lines far past the snapshot are replayed at once, not read as operations first.
    if try hasLongTail() {
      if let splice = try longTailSplice() { return .spliced(splice) }
      return .whole(try longTailState())
    }
    try readTails()
    if let splice = try tailSplice() { return .spliced(splice) }
    return .whole(try snapshotState())
  }

  /// After a failed rewrite: reads the files again (whatever the failure left is whole) and,
  /// when the snapshot cannot give the right values (the tail holds an operation older than
  /// it), works from the journals alone.
  private func standOnJournals() throws(RhythmError) {
    let loadedState = state
    try lock.withLock(exclusive: false) { () throws(RhythmError) in
      try readSnapshot()
      try readTails()
      if hasOlderTailOperation, stampsFile == nil {
        snapshot = nil
        index = nil
        positions = [:]
        tail = []
        tailByRecord = [:]
        latestStamp = nil
        try readTails()
      }
    }
    // A state loaded before was kept current; one built over the older snapshot was not.
    state = snapshot == nil ? nil : loadedState
  }

  /// The cache file a failed rewrite was writing, as the user knows it, and why it failed.
  private func cacheProblem(_ error: RhythmError) -> (file: String, reason: String) {
    guard case .io(let path, let reason) = error else { return ("store.json", error.description) }
    if path == layout.lockPath { return ("store.json", reason) }
    if path.hasPrefix(layout.indexPath) { return ("store.idx", reason) }
    if path.hasPrefix(layout.stampsPath) { return ("store.stamps", reason) }
    if path.hasPrefix(layout.backupsFolder) { return ("backups/", reason) }
    if path.hasPrefix(layout.snapshotPath) { return ("store.json", reason) }
    return ((path as NSString).lastPathComponent, reason)
  }

  /// Every record of the snapshot (removed ones too), with its stamps and the tail applied.
  func snapshotState() throws(RhythmError) -> StoreState {
    var state = StoreState()
    state.snapshotStamp = snapshot?.header.stamp
    if let snapshot {
      for kind in RecordKind.allCases { try load(kind.recordType, from: snapshot, into: &state) }
    }
    // Only the records the tail touches need their stamps: the others' entries are copied
    // into the next stamps file as they are.
    takeTailStamps(into: &state)
    if let stampsFile {
      compactedStamps = (stampsFile, tailByRecord.keys.compactMap(Store.recordKey))
    }
    for operation in tail { state.apply(operation) }
    return state
  }

  func load<R: Record>(
    _ type: R.Type, from snapshot: SnapshotReader, into state: inout StoreState
  ) throws(RhythmError) {
    state.load(try snapshot.decodeSection(R.self))
  }

  /// Replays every journal from its first line (`JournalReplay`: the same `apply` a cockpit's
  /// state uses, the lines read on both cores).
  func replayJournals() throws(RhythmError) -> StoreState {
    let read = try JournalReplay.replay(folder: layout.journalFolder)
    for warning in read.warnings { warn("warning: " + warning) }
    positions = read.positions
    latestStamp = read.latestStamp
    tail = []
    tailByRecord = [:]
    journalsUnread = false
    compactedStamps = nil
    return read.state
  }

  /// Writes `replayed` as the new snapshot and index, then reads them back as the view. A failure
  /// to write the new snapshot leaves the old one and its index; the old index is removed
  /// just before the new snapshot takes its place, so that no failure or crash leaves it
  /// beside a snapshot it does not describe (a failed index write leaves no index).
  func write(_ replayed: StoreState) throws(RhythmError) {
    try write(stampsFrom: replayed) { (header, sink) throws(RhythmError) in
      let writer = try SnapshotWriter(state: replayed, header: header, to: sink)
      // The index needs only where the lines are: made while the file goes to disk.
      return BackgroundBytes {
        StepIndex.encode(
          writer: writer, header: header, cadenceOfReview: Store.cadenceOfReview(in: replayed))
      }
    }
  }

  /// `write(_:)` for what a compaction read: a whole state, or a splice.
  func write(_ compaction: Compaction) throws(RhythmError) {
    switch compaction {
    case .whole(let replayed): try write(replayed)
    case .spliced(let splice): try write(splice)
    }
  }

  /// `write(_:)`, the snapshot written by `writing` (which gives the index's bytes, being made),
  /// and the stamps file made from `stamped`'s stamps (those of the records `compactedStamps`
  /// names, when it is set).
  func write(
    stampsFrom stamped: StoreState,
    writing: (SnapshotHeader, FileSink) throws(RhythmError) -> BackgroundBytes
  ) throws(RhythmError) {
    let header = SnapshotHeader(journals: positions, stamp: latestStamp)
    let backup = FileIO.exists(layout.snapshotPath) ? try keepBackup() : nil
    // The stamps only read the state, as the snapshot and index do: made meanwhile.
    let stamps = encodeStamps(stamped, header: header)
    let indexing: BackgroundBytes
    do {
      indexing = try FileIO.replaceAtomically(
        layout.snapshotPath, failing: failingWrites == .snapshot,
        beforeRename: { FileIO.remove(layout.indexPath) },
        writing: { (sink) throws(RhythmError) in try writing(header, sink) })
    } catch {
      if let backup { FileIO.remove(backup) }  // the snapshot it copies is still there
      throw error
    }
    if backup != nil { pruneBackups(keeping: 5) }
    guard let identity = FileIO.identity(layout.snapshotPath) else {
      throw .io(path: layout.snapshotPath, reason: "cannot stat the new snapshot")
    }
    guard var indexBytes = indexing.result() else {
      throw .io(path: layout.indexPath, reason: "the index was not made")
    }
    StepIndex.stamp(identity, into: &indexBytes)
    try FileIO.replaceAtomically(
      layout.indexPath, with: indexBytes, failing: failingWrites == .index)
    try writeStamps(stamps)
    do throws(RhythmError) {
      try writeCheckpoint(header: header, force: false)
    } catch {
      warn("note: the checkpoint could not be written (\(error)); the next compaction tries again")
    }
    let loadedState = state
    try readSnapshot()
    try readTails()
    state = loadedState
  }

  /// The cadence of every review of `state`, removed ones too (what the index keeps).
  private static func cadenceOfReview(in state: StoreState) -> [String: String] {
    var cadenceOfReview = state.reviews.mapValues(\.cadence)
    for (key, record) in state.removed where key.kind == .review {
      if let review = record as? Review { cadenceOfReview[key.id] = review.cadence }
    }
    return cadenceOfReview
  }

  /// Keeps the snapshot about to be replaced in `backups/` (a hard link, no copy); the snapshot
  /// is not replaced without it. Returns the backup's path.
  private func keepBackup() throws(RhythmError) -> String {
    try FileIO.makeFolder(layout.backupsFolder)
    let stamp = backupStamp()
    var path = layout.backupsFolder + "/store-\(stamp).json"
    var attempt = 1
    while FileIO.exists(path) {  // two rewrites in the same millisecond
      attempt += 1
      path = layout.backupsFolder + "/store-\(stamp)-\(attempt).json"
    }
    try FileIO.hardLink(layout.snapshotPath, to: path, failing: failingWrites == .backup)
    return path
  }

  private func backupStamp() -> String {
    String(Int64(Date().timeIntervalSince1970 * 1000)) + "-\(getpid())"
  }

  private func pruneBackups(keeping count: Int) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.backupsFolder)) ?? []
    let snapshots = names.filter { $0.hasPrefix("store-") && !$0.contains("before-rebuild") }
      .sorted()
    for name in snapshots.dropLast(count) {
      FileIO.remove(layout.backupsFolder + "/" + name)
    }
  }
}
