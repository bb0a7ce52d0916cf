import Foundation

/// A store far behind its journals (a fresh clone tens of thousands of lines past its
/// checkpoint, a device back after months away): the lines past the snapshot are more than a
/// command carries, so the first command compacts. Then they are not read as `Operation`s at
/// opening and again under the compaction's lock: they are counted (newlines only), and the
/// compaction replays them once, byte-level, as `JournalReplay` replays a whole store, onto
/// the snapshot's records they touch with those records' stamps (`StoreState.part`), then
/// puts those records back into the snapshot's. Per field the greatest stamp wins whatever the
/// order lines are applied in, so the result is the state a replay of every journal gives,
/// stamps included.
extension Store {
  /// Whether the journal lines past the snapshot are more than a command carries
  /// (`compactionTail`), so that the next compaction is certain.
  func hasLongTail() throws(RhythmError) -> Bool {
    guard snapshot != nil else { return false }
    return try Journal.hasLines(
      moreThan: compactionTail, folder: layout.journalFolder, from: positions)
  }

  /// The snapshot's records, with the stamps of those the lines past it touch, and those lines
  /// replayed onto them (`JournalReplay`): the state the next snapshot holds. Leaves the tail
  /// empty and the positions at the end of the lines replayed.
  func longTailState() throws(RhythmError) -> StoreState {
    guard let snapshot, let stampsFile else { return try replayJournals() }
    // The snapshot's sections are read while the lines past it are looked over and the
    // stamps of the records they touch found (on the other core).
    let folder = layout.journalFolder
    let from = positions
    let (loaded, (touched, found)) = try AtOnce.run(
      { () throws(RhythmError) -> StoreState in
        var state = StoreState()
        state.snapshotStamp = snapshot.header.stamp
        func read<R: Record>(_ type: R.Type) throws(RhythmError) {
          state.load(try snapshot.decodeSection(R.self))
        }
        for kind in RecordKind.allCases { try read(kind.recordType) }
        return state
      },
      { () throws(RhythmError) in
        let keys = try Journal.touchedRecords(folder: folder, from: from)
        return (keys, stampsFile.entries(for: keys))
      })
    var state = consume loaded
    // The records the lines touch, with their stamps before any line is applied (a line
    // older than the snapshot meets them), are replayed apart and put back.
    let (replayed, changed) = try replayLongTail(
      onto: state.part(holding: touched), touching: touched, stamps: found, base: stampsFile)
    state.replaceRecords(changed, from: replayed)
    return state
  }

  /// `part`, holding the records `touched` that the lines past the snapshot touch, given
  /// their stamps (`found`: before any line is applied, as a line older than the snapshot
  /// meets them), with those lines replayed onto it; and every record it holds or held. The
  /// next stamps file copies the entries of every other record from `base`
  /// (`compactedStamps`).
  func replayLongTail(
    onto part: consuming StoreState, touching touched: Set<RecordKey>,
    stamps found: [(key: RecordKey, entry: StampsFile.Entry)], base: StampsFile
  ) throws(RhythmError) -> (state: StoreState, changed: Set<RecordKey>) {
    var part = part
    part.stamps.reserveCapacity(found.count)
    for (key, entry) in found { part.take(entry, for: key) }
    let replayed = try replayLongTail(onto: consume part)
    let changed = StoreState.records(of: replayed, from: touched)
    compactedStamps = (base, Array(changed))
    return (replayed, changed)
  }

  /// Replays the lines past the snapshot onto `part` (holding every record they touch, with
  /// its stamps), and leaves the tail empty and the positions at the end of the lines.
  func replayLongTail(onto part: consuming StoreState) throws(RhythmError) -> StoreState {
    let read = try JournalReplay.replay(
      folder: layout.journalFolder, from: positions, onto: part)
    for warning in read.warnings { warn("warning: " + warning) }
    positions = read.positions
    if let stamp = read.latestStamp, latestStamp.map({ stamp > $0 }) ?? true {
      latestStamp = stamp
    }
    tail = []
    tailByRecord = [:]
    sectionCache = [:]
    tailUnread = false
    return read.state
  }
}
