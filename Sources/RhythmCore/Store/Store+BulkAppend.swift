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
  /// and index, when they need it. Returns whether the caches are up to date; when not, the
  /// caller's usual rewrite tries again from the files and says what failed.
  func writeCachesAfterBulkAppend(_ operations: [Operation]) -> Bool {
    guard needsCompaction else { return true }
    do throws(RhythmError) {
      try write(records: try records(after: operations))
      return true
    } catch {
      return false
    }
  }

  /// The records the snapshot holds after `operations` (the last of the tail), as field maps:
  /// the state before them (the snapshot and the rest of the tail), with the records they
  /// create added as the operations wrote them. No state is built for those records, and
  /// their fields are not made again: an import of 50,000 steps needs neither. Operations
  /// that change records, or reach records that fields arrived for before, and a tail holding
  /// older operations, are replayed as every compaction does.
  private func records(
    after operations: [Operation]
  ) throws(RhythmError) -> [RecordKind: [String: [String: JSONValue]]] {
    let earlier = tail.count - operations.count
    guard earlier >= 0, tail[earlier...].lazy.map(\.id).elementsEqual(operations.lazy.map(\.id)),
      !hasOlderTailOperation
    else { return try currentState().fieldMaps() }
    var records: [RecordKind: [String: [String: JSONValue]]]
    do {
      let before =
        snapshot == nil
        ? StoreState.replaying(tail[..<earlier]) : try snapshotState(applying: tail[..<earlier])
      records = before.fieldMaps()
      for operation in operations {
        guard operation.change?.isCreation == true,
          records[operation.kind]?[operation.record] == nil,
          before.orphans[RecordKey(kind: operation.kind, id: operation.record)] == nil
        else { return try currentState().fieldMaps() }
        records[operation.kind, default: [:]][operation.record] = operation.fields
      }
    }
    return records
  }

  /// The state of the snapshot and the tail, or of every journal when the tail holds an
  /// operation older than the snapshot.
  private func currentState() throws(RhythmError) -> StoreState {
    if snapshot == nil { return StoreState.replaying(tail) }  // the tail is every journal
    return hasOlderTailOperation ? try replayJournals() : try snapshotState(applying: tail[...])
  }
}
