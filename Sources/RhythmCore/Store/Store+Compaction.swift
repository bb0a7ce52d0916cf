import Foundation

extension Store {
  /// Rewrites the snapshot and index from the snapshot and the tail, or from the journals
  /// alone when the tail holds an operation older than the snapshot. The previous snapshot is
  /// kept in `backups/` (a hard link, no copy).
  public func compact() throws(RhythmError) {
    try lock.withLock(exclusive: true) { () throws(RhythmError) in
      try readSnapshot()
      try readTails()
      let fromJournals = snapshot == nil || hasOlderTailOperation
      let replayed = fromJournals ? try replayJournals() : try snapshotState()
      try write(replayed)
    }
  }

  /// Rebuilds the snapshot from the journals alone, moving a damaged snapshot aside first
  /// (it is never overwritten).
  public func rebuild() throws(RhythmError) {
    try lock.withLock(exclusive: true) { () throws(RhythmError) in
      if FileIO.exists(layout.snapshotPath) {
        try FileIO.makeFolder(layout.backupsFolder)
        let aside = layout.backupsFolder + "/store-\(backupStamp())-before-rebuild.json"
        guard rename(layout.snapshotPath, aside) == 0 else {
          throw .io(path: layout.snapshotPath, reason: "cannot move it to backups/")
        }
      }
      FileIO.remove(layout.indexPath)
      snapshot = nil
      index = nil
      positions = [:]
      tail = []
      tailByRecord = [:]
      latestStamp = nil
      try write(try replayJournals())
    }
  }

  /// Every record of the snapshot (removed ones too), with the tail applied.
  private func snapshotState() throws(RhythmError) -> StoreState {
    var state = StoreState()
    state.snapshotStamp = snapshot?.header.stamp
    if let snapshot {
      for kind in RecordKind.allCases { try load(kind.recordType, from: snapshot, into: &state) }
    }
    for operation in tail { state.apply(operation) }
    return state
  }

  func load<R: Record>(
    _ type: R.Type, from snapshot: SnapshotReader, into state: inout StoreState
  ) throws(RhythmError) {
    state.load(try snapshot.decodeSection(R.self))
  }

  /// Replays every journal from its first line: the same `apply` a cockpit's state uses.
  func replayJournals() throws(RhythmError) -> StoreState {
    let read = try Journal.readTails(folder: layout.journalFolder, from: [:])
    for warning in read.warnings where !warnings.contains(warning) { warnings.append(warning) }
    positions = read.positions
    latestStamp = read.operations.lazy.map(\.stamp).max()
    return StoreState.replaying(read.operations)
  }

  /// Writes `replayed` as the new snapshot and index, then reads them back as the view.
  private func write(_ replayed: StoreState) throws(RhythmError) {
    let header = SnapshotHeader(journals: positions, stamp: latestStamp)
    let records = replayed.fieldMaps()
    let writer = SnapshotWriter(records: records, header: header)
    if FileIO.exists(layout.snapshotPath) {
      try FileIO.makeFolder(layout.backupsFolder)
      _ = FileIO.hardLink(
        layout.snapshotPath, to: layout.backupsFolder + "/store-\(backupStamp()).json")
      pruneBackups(keeping: 5)
    }
    try FileIO.replaceAtomically(layout.snapshotPath, with: writer.bytes)
    guard let identity = FileIO.identity(layout.snapshotPath) else {
      throw .io(path: layout.snapshotPath, reason: "cannot stat the new snapshot")
    }
    var cadenceOfReview: [String: String] = [:]
    for (id, fields) in records[.review] ?? [:] {
      if let cadence = fields["cadence"]?.stringValue { cadenceOfReview[id] = cadence }
    }
    let indexBytes = StepIndex.encode(
      writer: writer, header: header, identity: identity, cadenceOfReview: cadenceOfReview)
    try FileIO.replaceAtomically(layout.indexPath, with: indexBytes)
    let loadedState = state
    try readSnapshot()
    try readTails()
    state = loadedState
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
