import Foundation

extension Store {
  /// `commit(_:)` for many changes at once, such as an import: the journal lines are written
  /// straight from the typed changes (a creation's from its record, with no dictionary or
  /// `Operation` made) and appended in one write with one `fsync` (that append is the commit:
  /// it is all there, or a failed write is cut off and nothing is). When that makes the caches
  /// due, the snapshot, index and stamps are rewritten once, under the same lock, from the
  /// snapshot's records with the new ones filed into them directly, never read back.
  ///
  /// Failures after the append never report the change as failed: a cache that cannot be
  /// written goes the way of every commit's (one warning, reads stand on the journals).
  /// Returns the number of operations made.
  @discardableResult
  public func commitInBulk(
    _ prepare: (Store) throws(RhythmError) -> [Change]
  ) throws(RhythmError) -> Int {
    var cachesWritten = false
    let count = try lock.withLock(exclusive: true) { () throws(RhythmError) -> Int in
      try readTails()
      var changes = try prepare(self)
      guard !changes.isEmpty else { return 0 }
      let device = try deviceID()
      var previous = try latestOwnStamp(device: device)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(changes.count * 512)  // a step's line is about 400 bytes
      var made: [Made] = []
      made.reserveCapacity(changes.count)
      for change in changes {
        let stamp = Stamp.next(after: previous, now: clock.now, device: device)
        previous = stamp
        made.append(try writeLine(of: change, stamp: stamp, into: &bytes))
      }
      let start = positions[device] ?? JournalPosition(bytes: 0, lines: 0)
      let whole = try appendLines(bytes, device: device)
      let appended = bytes.count
      bytes = []  // written: let go before the caches are
      let count = changes.count
      guard start.bytes == whole, state == nil, cachesDue(adding: count) else {
        try readTails()  // the new lines, read back as any other process's are
        return count
      }
      positions[device] = JournalPosition(bytes: whole + appended, lines: start.lines + count)
      let latest = latestStamp
      if let last = previous, latestStamp.map({ last > $0 }) ?? true { latestStamp = last }
      sectionCache = [:]
      cachesWritten = writeCaches(filing: &changes, &made)
      if !cachesWritten {
        // The view takes the new lines as any other process's (the usual rewrite follows).
        positions[device] = start
        latestStamp = latest
        do {
          try readTails()
        } catch {
          warn("saved; but the store could not be read again: \(error)")
        }
      }
      return count
    }
    if !cachesWritten {
      // Saved: from here on nothing reports a failure (see `commit(_:)`).
      do {
        try updateCache(afterSaving: true)
      } catch {
        warn("saved; but the store could not be read again: \(error)")
      }
    }
    return count
  }

  /// What one change's line made: its stamp, and for a creation the fields it wrote.
  private struct Made {
    var stamp: Stamp
    /// The creation's fields as a mask (see `Operation.writeCreation`); `nil` for an update,
    /// or a creation whose fields a mask cannot hold.
    var fields: UInt64?
  }

  /// Appends the journal line of `change` made at `stamp` (with its newline).
  private func writeLine(
    of change: Change, stamp: Stamp, into bytes: inout [UInt8]
  ) throws(RhythmError) -> Made {
    let id = newID()
    var fields: UInt64?
    if let step = change.created as? Step {  // an import's: the writer specialised for steps
      fields = Operation.writeCreation(of: step, id: id, stamp: stamp, person: person, into: &bytes)
    } else if let record = change.created {
      fields = Operation.writeCreation(
        of: record, id: id, stamp: stamp, person: person, into: &bytes)
    } else {
      Operation(
        id: id, kind: change.kind, record: change.id, fields: change.fields,
        prior: try priorValues(for: change), stamp: stamp, person: person
      ).write(into: &bytes)
    }
    bytes.append(0x0A)
    return Made(stamp: stamp, fields: fields)
  }

  /// Whether `count` more operations past the snapshot make the caches due (see
  /// `needsCompaction`): then the bulk path writes them from the records it files.
  private func cachesDue(adding count: Int) -> Bool {
    guard compactsAutomatically, cacheFailure == nil else { return false }
    guard snapshot != nil else { return true }
    return index == nil || tail.count + count > Store.compactionThreshold
      || (stampsFile == nil && hasOlderTailOperation)
  }

  /// Just after the bulk append of `changes`, under the writers' lock, with the positions
  /// past it: writes the snapshot, index and stamps from the snapshot and tail with the
  /// changes filed in (typed: no journal line is read back), `changes` and `made` let go once
  /// filed. Returns whether they were written; when not, the caller's usual rewrite tries
  /// again from the files and says what failed.
  private func writeCaches(filing changes: inout [Change], _ made: inout [Made]) -> Bool {
    do throws(RhythmError) {
      var state: StoreState
      if snapshot == nil {
        state = StoreState.replaying(tail)  // the tail is every journal
      } else if hasOlderTailOperation {
        try write(try replayJournals())  // every journal, the new lines too
        return true
      } else {
        state = try snapshotState()
        if let carried = compactedStamps {
          compactedStamps = (carried.base, Self.keys(of: changes, after: carried.changed))
        }
      }
      let steps = changes.count { $0.kind == .step && $0.isCreation }
      state.steps.reserveCapacity(state.steps.count + steps)
      state.stamps.reserveCapacity(state.stamps.count + changes.count)
      for (change, made) in zip(changes, made) { file(change, made, into: &state) }
      // The records are in the state now: held once while it is written. Freeing 50,000
      // changes, and the state after, is left to another thread.
      var filed: [Change] = []
      swap(&filed, &changes)
      Discard.inBackground(consume filed)
      made = []
      try write(state)
      Discard.inBackground(consume state)
      return true
    } catch {
      return false
    }
  }

  /// `changed` and the records `changes` change, each once. A new record's key is new (a
  /// fresh id, or a handle checked to be unused), unless the tail touched it already.
  private static func keys(of changes: [Change], after changed: [RecordKey]) -> [RecordKey] {
    var seen = Set(changed)
    var keys = changed
    keys.reserveCapacity(changed.count + changes.count)
    for change in changes {
      let key = RecordKey(kind: change.kind, id: change.id)
      if change.isCreation, seen.isEmpty || !seen.contains(key) {
        keys.append(key)
      } else if seen.insert(key).inserted {
        keys.append(key)
      }
    }
    return keys
  }

  /// Applies one change of the bulk to `state`: a new record is filed as it is, typed.
  private func file(_ change: Change, _ made: Made, into state: inout StoreState) {
    if state.latestStamp.map({ made.stamp > $0 }) ?? true { state.latestStamp = made.stamp }
    func create<R: Record>(_ record: R, fields: UInt64) {
      if !state.create(record, stamp: made.stamp, made: fields) {
        change.apply(&state, made.stamp)
      }
    }
    if let step = change.created as? Step, let fields = made.fields {
      create(step, fields: fields)
    } else if let record = change.created, let fields = made.fields {
      create(record, fields: fields)
    } else {
      change.apply(&state, made.stamp)
    }
  }
}
