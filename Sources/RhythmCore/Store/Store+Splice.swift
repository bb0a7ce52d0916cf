import Foundation

/// Compactions that cost what the tail touches (`SnapshotSplice`): with the snapshot's stamps
/// and index, only the records the lines past the snapshot touch are decoded (with their
/// stamps), the lines are applied to them, and the next snapshot, index and stamps are the
/// old ones with those records' lines and entries put in. No whole state is made: a
/// compaction's state is only written (the view keeps the one it had, and reads the rest
/// through the index). Without stamps, an index, or with a snapshot of another schema, the
/// compaction reads the whole state (`Store+Compaction`).
extension Store {
  /// What a compaction writes: a whole state, or the records its tail touched spliced into
  /// the snapshot.
  enum Compaction {
    case whole(StoreState)
    case spliced(SnapshotSplice)
  }

  /// The splice for the tail just read (`readTails`), when one can be made.
  func tailSplice() throws(RhythmError) -> SnapshotSplice? {
    let keys = Set(tailByRecord.keys.compactMap(Store.recordKey))
    guard let (snapshot, index, stampsFile) = splicing(keys) else { return nil }
    var part = try snapshot.part(holding: keys, index: index)
    takeTailStamps(into: &part)
    for operation in tail { part.apply(operation) }
    let changed = StoreState.records(of: part, from: keys)
    compactedStamps = (stampsFile, Array(changed))
    return SnapshotSplice(snapshot: snapshot, index: index, part: part, touched: changed)
  }

  /// The splice for the lines past the snapshot, left unread (more than a command carries:
  /// `Store+LongTail`), replayed onto the records they touch; `nil` when none can be made
  /// (then nothing was read).
  func longTailSplice() throws(RhythmError) -> SnapshotSplice? {
    guard splicesCompactions, snapshot != nil, index != nil, stampsFile != nil else { return nil }
    let keys = try Journal.touchedRecords(folder: layout.journalFolder, from: positions)
    guard let (snapshot, index, stampsFile) = splicing(keys) else { return nil }
    // The records' lines are decoded while their stamps are found (on the other core).
    let (read, found) = try AtOnce.run(
      { () throws(RhythmError) in try snapshot.part(holding: keys, index: index) },
      { () throws(RhythmError) in stampsFile.entries(for: keys) })
    let (replayed, changed) = try replayLongTail(
      onto: read, touching: keys, stamps: found, base: stampsFile)
    return SnapshotSplice(snapshot: snapshot, index: index, part: replayed, touched: changed)
  }

  /// The snapshot, index and stamps a splice of records `keys` is made from, when it can be.
  private func splicing(_ keys: Set<RecordKey>) -> (SnapshotReader, StepIndex, StampsFile)? {
    guard splicesCompactions, let snapshot, let index, let stampsFile,
      SnapshotSplice.fits(snapshot, touching: keys)
    else { return nil }
    return (snapshot, index, stampsFile)
  }

  /// Writes the snapshot `splice` makes, its index and stamps (`write(stampsFrom:writing:)`).
  func write(_ splice: SnapshotSplice) throws(RhythmError) {
    try write(stampsFrom: splice.part) { (header, sink) throws(RhythmError) in
      let steps = try splice.write(header: header, to: sink)
      return BackgroundBytes { steps.encode() }
    }
  }

  /// The record a tail key ("kind/id", `key(_:_:)`) names.
  static func recordKey(_ key: String) -> RecordKey? {
    guard let slash = key.firstIndex(of: "/"),
      let kind = RecordKind(rawValue: String(key[..<slash]))
    else { return nil }
    return RecordKey(kind: kind, id: String(key[key.index(after: slash)...]))
  }
}
