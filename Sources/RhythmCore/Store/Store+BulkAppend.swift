import Foundation

extension Store {
  /// `commit(_:)` for many changes at once, such as an import: the operations are encoded
  /// straight to bytes and appended in one write with one `fsync` (that append is the commit:
  /// it is all there, or a failed write is cut off and nothing is), then the snapshot and index
  /// are rewritten once, under the same lock, from the view the append has just extended,
  /// without reading the new journal lines back.
  ///
  /// Failures after the append never report the change as failed: a cache that cannot be
  /// written goes the way of every commit's (one warning, reads stand on the journals).
  @discardableResult
  public func commitInBulk(
    _ prepare: (Store) throws(RhythmError) -> [Change]
  ) throws(RhythmError) -> [Operation] {
    try commit(prepare, marking: { (undoes: nil, redoes: nil) }, inBulk: true)
  }

  /// Just after the bulk append of `operations`, under the writers' lock: writes the snapshot
  /// and index, when they need it, from the view the append has just extended (the snapshot
  /// with the tail applied: the new records are applied as typed changes, never read back).
  /// Returns whether the caches are up to date; when not, the caller's usual rewrite tries
  /// again from the files and says what failed.
  func writeCachesAfterBulkAppend(_ operations: [Operation]) -> Bool {
    guard needsCompaction else { return true }
    do throws(RhythmError) {
      try write(try currentState())
      return true
    } catch {
      return false
    }
  }

  /// The state of the snapshot and the tail, or of every journal when the tail holds an
  /// operation older than the snapshot.
  private func currentState() throws(RhythmError) -> StoreState {
    if snapshot == nil { return StoreState.replaying(tail) }  // the tail is every journal
    return hasOlderTailOperation ? try replayJournals() : try snapshotState()
  }
}
