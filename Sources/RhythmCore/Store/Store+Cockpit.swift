import Foundation

extension Store {
  /// What the cockpit works on at scale: every record, but of the steps only those it needs
  /// in full (open, deleted, due or closed on or after `cutoff`, or changed since the
  /// snapshot), with what builds the rest as a compact ``StepArchive``. The held steps carry
  /// the same values and stamps as in `loadState()`: they are read from the snapshot and the
  /// whole tail is applied. Nothing is kept here: the store stays lazy, so the cockpit's
  /// memory is its state, not the store's too.
  /// - Returns: the state, and the archive's source (`nil` when every step is in the state:
  ///   no index, or the whole state was loaded already).
  public func workingState(stepsFrom cutoff: Day) throws(RhythmError) -> (
    state: StoreState, archive: StepArchiveSource?
  ) {
    guard state == nil, let snapshot, let index else { return (try loadState(), nil) }
    var loaded = StoreState()
    loaded.snapshotStamp = snapshot.header.stamp
    var held = Set<Int>()
    try loadSections(of: snapshot, into: &loaded) { (loaded) throws(RhythmError) in
      held = heldStepPositions(in: index, from: cutoff)
      var steps: [Step] = []
      steps.reserveCapacity(held.count)
      for position in held.sorted() {
        let line = index.entry(at: position).line
        guard let step = StepArchiveSource.decode(snapshot.data, line: line) else {
          _ = try snapshot.decodeSection(Step.self)  // names the bad line
          throw .io(
            path: layout.snapshotPath,
            reason: "a step could not be read: run `rhythm store rebuild`")
        }
        steps.append(step)
      }
      loaded.load([steps])
    }
    takeTailStamps(into: &loaded)
    for operation in tail { loaded.apply(operation) }
    return (loaded, StepArchiveSource(index: index, snapshot: snapshot.data, held: held))
  }

  /// Index positions of the steps the working state holds in full.
  private func heldStepPositions(in index: StepIndex, from cutoff: Day) -> Set<Int> {
    var held = Set<Int>()
    let cutoffMillis = Int64(cutoff.start(in: .gmt).timeIntervalSince1970 * 1000) - 86_400_000
    index.scan { position, _, status, due, completed, _ in
      if status == 0 || status == 3 || due >= cutoff.ordinal || completed >= cutoffMillis {
        held.insert(position)
      }
    }
    for key in tailByRecord.keys where key.hasPrefix("step/") {
      if let position = index.position(of: String(key.dropFirst(5))) { held.insert(position) }
    }
    return held
  }

  /// The stamp of the snapshot the store reads now: it changes when the snapshot is rewritten
  /// (a compaction), after which operations seen before may have left the tail.
  public var snapshotStamp: Stamp? { snapshot?.header.stamp }

  /// The operations past the snapshot whose ids are not in `seen` (those another process
  /// appended, read by `refresh()` or a commit), in stamp order; `seen` takes them in, and
  /// forgets ids no longer in the tail.
  public func unseenOperations(_ seen: inout Set<String>) -> [Operation] {
    var fresh: [Operation] = []
    var current = Set<String>()
    current.reserveCapacity(tail.count)
    for operation in tail {
      current.insert(operation.id)
      if !seen.contains(operation.id) { fresh.append(operation) }
    }
    seen = current
    return fresh
  }
}
