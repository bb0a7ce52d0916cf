import Foundation

/// Checkpoints (`Checkpoint`): written by the devices that write, now and then, into the shared
/// journal folder; a fresh clone starts from the best one instead of replaying every journal.
extension Store {
  /// Journal lines past the newest checkpoint before a compaction writes this device's.
  public static let checkpointInterval = 100_000

  /// On a store with no snapshot: takes the best checkpoint as its snapshot, stamps and index,
  /// so that only the journal lines past it are read and the first command is as fast as on
  /// a warm store. Returns whether it did.
  func adoptCheckpoint() throws(RhythmError) -> Bool {
    guard !FileIO.exists(layout.snapshotPath), let best = Checkpoint.best(in: layout) else {
      return false
    }
    return try lock.withLock(exclusive: true) { () throws(RhythmError) -> Bool in
      guard !FileIO.exists(layout.snapshotPath) else { return false }
      let paths = layout.checkpointPaths(for: best.device)
      // The stamps first: a snapshot without its stamps would be read, stamps without their
      // snapshot never are. Hard links when they can be (neither git nor the store ever
      // writes a file in place: both write a new one and rename it), copies otherwise.
      for (source, destination) in [
        (paths.stamps, layout.stampsPath), (paths.snapshot, layout.snapshotPath),
      ] {
        FileIO.remove(destination)
        if (try? FileIO.hardLink(source, to: destination)) != nil { continue }
        guard let bytes = try FileIO.read(source) else { return false }
        try FileIO.replaceAtomically(destination, with: bytes)
      }
      adoptIndex(from: paths.index)
      return true
    }
  }

  /// Takes the checkpoint's index at `path` as `store.idx` when it describes the snapshot just
  /// adopted, by content (the checksum of its bytes: it was written for the author's file),
  /// rebound to this snapshot file so that reads trust it at once. One that does not match (a
  /// checkpoint caught between two writes, a damaged file) is left: with no index, the first
  /// command rebuilds it from the snapshot, its stamps and the journals.
  private func adoptIndex(from path: String) {
    FileIO.remove(layout.indexPath)
    guard let identity = FileIO.identity(layout.snapshotPath),
      let snapshot = try? Data(
        contentsOf: URL(fileURLWithPath: layout.snapshotPath), options: .alwaysMapped),
      StepIndex.read(path: path, matching: identity, snapshot: snapshot) != nil,
      let bytes = try? FileIO.read(path)
    else { return }
    try? FileIO.replaceAtomically(layout.indexPath, with: StepIndex.rebound(bytes, to: identity))
  }

  /// Writes this device's checkpoint from the snapshot, index and stamps just written
  /// (`header`), when
  /// the journals hold `checkpointInterval` lines past the newest checkpoint there is (or
  /// always, when `force`). Only a device that writes makes checkpoints (one with a device
  /// id): a clone that only reads adds nothing to the shared folder.
  /// - Returns: the checkpoint's snapshot path, when one was written.
  @discardableResult
  func writeCheckpoint(header: SnapshotHeader, force: Bool) throws(RhythmError) -> String? {
    guard force || FileIO.exists(layout.devicePath) else { return nil }
    let lines = header.journals.values.reduce(0) { $0 + $1.lines }
    if !force {
      let newest = Checkpoint.all(in: layout).map(\.lines).max() ?? 0
      guard lines - newest >= Store.checkpointInterval else { return nil }
    }
    let device = try deviceID()
    let paths = layout.checkpointPaths(for: device)
    try FileIO.makeFolder(layout.checkpointFolder)
    guard let snapshot = try FileIO.read(layout.snapshotPath),
      let stamps = try FileIO.read(layout.stampsPath)
    else { return nil }
    // The snapshot first and the stamps last: a reader goes by the stamps file's header, and
    // takes the stamps only with the snapshot they are tied to, and the index only when it
    // matches the snapshot's bytes. Whichever files a reader (or a commit) catches between
    // two writes, it never pairs mismatched ones.
    try FileIO.replaceAtomically(paths.snapshot, with: snapshot)
    if let index = try FileIO.read(layout.indexPath) {
      try FileIO.replaceAtomically(paths.index, with: index)
    } else {
      FileIO.remove(paths.index)
    }
    try FileIO.replaceAtomically(paths.stamps, with: stamps)
    return paths.snapshot
  }

  /// Compacts, then writes this device's checkpoint whatever its interval
  /// (`rhythm store checkpoint`).
  /// - Returns: the checkpoint's snapshot path and the journal lines it covers.
  public func checkpoint() throws(RhythmError) -> (path: String, lines: Int) {
    try compact()
    return try lock.withLock(exclusive: true) { () throws(RhythmError) -> (String, Int) in
      guard let header = snapshot?.header, stampsFile != nil,
        let path = try writeCheckpoint(header: header, force: true)
      else {
        throw .io(path: layout.snapshotPath, reason: "no snapshot with its stamps to checkpoint")
      }
      return (path, header.journals.values.reduce(0) { $0 + $1.lines })
    }
  }
}
