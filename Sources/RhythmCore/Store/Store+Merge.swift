import Foundation

/// Merging operations older than the snapshot (a pull) without a replay: the records they touch
/// get their per-field stamps from `store.stamps` before the operations are applied, so that
/// per field the greatest stamp wins exactly as in a replay of every journal. Only the touched
/// records' stamps are read (a binary search each); the rest of the state keeps counting its
/// fields as written at the snapshot's stamp, which no operation it meets can be older than.
extension Store {
  /// The snapshot stamps of the records `operations` touch, for a state read from the snapshot
  /// the store reads now (`snapshotStamp`); `nil` when there is no `store.stamps` for it (then
  /// an older operation needs a replay, or a compaction, to be right).
  public func snapshotStamps(for operations: some Sequence<Operation>) -> SnapshotStamps? {
    guard let stampsFile else { return nil }
    var result = SnapshotStamps()
    for operation in operations {
      let key = RecordKey(kind: operation.kind, id: operation.record)
      guard result.entries[key] == nil, let entry = stampsFile.entry(key.kind, id: key.id) else {
        continue
      }
      result.entries[key] = entry
    }
    return result
  }

  /// Whether an operation older than the snapshot can be merged without a replay.
  public var mergesOlderOperations: Bool { stampsFile != nil }

  /// Gives a loaded state the snapshot stamps of the records `operations` touch.
  func takeSnapshotStamps(into state: inout StoreState?, for operations: [Operation]) {
    guard state != nil, let stamps = snapshotStamps(for: operations), !stamps.isEmpty else {
      return
    }
    state?.takeStamps(stamps)
  }

  /// Gives a state just read from the snapshot the stamps of the records the tail touches (of
  /// `kind` only, when given), before the tail is applied to it.
  func takeTailStamps(into state: inout StoreState, kind: RecordKind? = nil) {
    guard let stampsFile, !tail.isEmpty else { return }
    for key in tailByRecord.keys {
      guard let slash = key.firstIndex(of: "/"),
        let recordKind = RecordKind(rawValue: String(key[..<slash])),
        kind.map({ $0 == recordKind }) ?? true
      else { continue }
      let id = String(key[key.index(after: slash)...])
      if let entry = stampsFile.entry(recordKind, id: id) {
        state.take(entry, for: RecordKey(kind: recordKind, id: id))
      }
    }
  }

  /// Gives a state just read from the snapshot the stamps of one record, before the tail's
  /// operations on it are applied.
  func takeRecordStamps(into state: inout StoreState, kind: RecordKind, id: String) {
    guard let entry = stampsFile?.entry(kind, id: id) else { return }
    state.take(entry, for: RecordKey(kind: kind, id: id))
  }

  /// Starts encoding `store.stamps` for a snapshot about to be written from `replayed` with
  /// `header`, on another thread.
  func encodeStamps(_ replayed: StoreState, header: SnapshotHeader) -> BackgroundBytes {
    let carried = compactedStamps
    compactedStamps = nil
    return BackgroundBytes {
      carried.map {
        StampsFile.encode(replayed, changed: $0.changed, base: $0.base, header: header)
      } ?? StampsFile.encode(replayed, header: header)
    }
  }

  /// Writes `store.stamps` once `encoding` is done (or removes it when there is to be none).
  func writeStamps(_ encoding: BackgroundBytes) throws(RhythmError) {
    guard let bytes = encoding.result() else {
      FileIO.remove(layout.stampsPath)
      return
    }
    try FileIO.replaceAtomically(layout.stampsPath, with: bytes, failing: failingWrites == .stamps)
  }
}
