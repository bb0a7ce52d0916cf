import Foundation

extension Store {
  /// Makes `changes` as operations in this device's journal. When it returns, they are on disk
  /// (flushed with `fsync`) and visible to this store's reads.
  ///
  /// Holds the writers' lock throughout, so the values `prepare` sees are current, no other
  /// writer interleaves, and a torn last line left by a crash of this device is cut off first.
  /// - Parameter prepare: turns the store's current view into the changes to make, under the
  ///   lock (so a check such as "is this step open?" cannot go stale).
  @discardableResult
  public func commit(
    _ prepare: (Store) throws(RhythmError) -> [Change]
  ) throws(RhythmError) -> [Operation] {
    try commit(prepare, marking: { (undoes: nil, redoes: nil) })
  }

  /// `commit(_:)`, with undo/redo markers (read after `prepare` ran) set on the operations.
  func commit(
    _ prepare: (Store) throws(RhythmError) -> [Change],
    marking: () -> (undoes: String?, redoes: String?)
  ) throws(RhythmError) -> [Operation] {
    let operations = try lock.withLock(exclusive: true) { () throws(RhythmError) -> [Operation] in
      try readTails()
      let changes = try prepare(self)
      guard !changes.isEmpty else { return [] }
      let device = try deviceID()
      let marks = marking()
      var operations: [Operation] = []
      var previous = try latestOwnStamp(device: device)
      for change in changes {
        let stamp = Stamp.next(after: previous, now: clock.now, device: device)
        previous = stamp
        operations.append(
          Operation(
            id: newID(), kind: change.kind, record: change.id, fields: change.fields,
            prior: try priorValues(for: change), stamp: stamp, person: person,
            undoes: marks.undoes, redoes: marks.redoes, change: change))
      }
      try append(operations, device: device)
      return operations
    }
    // Saved: from here on nothing reports a failure. The caches are brought up to date if they
    // can be, else a warning says they could not.
    do {
      try updateCache(afterSaving: true)
    } catch {
      warn("saved; but the store could not be read again: \(error)")
    }
    return operations
  }

  /// Makes `changes` (see `commit(_:)`).
  @discardableResult
  public func commit(_ changes: [Change]) throws(RhythmError) -> [Operation] {
    try commit { _ in changes }
  }

  /// Appends operations to this device's journal, durably, and takes them into the view.
  /// A failed append leaves nothing of itself: the journal is cut back to where it was.
  func append(_ operations: [Operation], device: String) throws(RhythmError) {
    var bytes: [UInt8] = []
    for operation in operations {
      operation.write(into: &bytes)
      bytes.append(0x0A)
    }
    let whole = try appendLines(bytes, device: device)
    var position = positions[device] ?? JournalPosition(bytes: 0, lines: 0)
    if position.bytes == whole {
      position.bytes += bytes.count
      position.lines += operations.count
      positions[device] = position
      for operation in operations { addToTail(operation) }
    } else {
      try readTails()
    }
  }

  /// Appends `bytes` (whole journal lines) to this device's journal, durably, first cutting a
  /// torn last line off. Returns the length the journal had before (its whole lines). A failed
  /// append leaves nothing of itself: the journal is cut back to that length.
  func appendLines(_ bytes: [UInt8], device: String) throws(RhythmError) -> Int {
    let path = layout.journalPath(for: device)
    try FileIO.makeFolder(layout.journalFolder)
    let whole = try Journal.wholeLinesLength(of: path)
    if FileIO.size(path) > whole {
      try FileIO.truncate(path, to: whole)  // a torn line from a crash: never reported done
      warnings.removeAll { $0.hasPrefix("warning: " + path + ":") }
    }
    do {
      try FileIO.appendDurably(bytes, to: path, failing: failingWrites == .journal)
    } catch {
      // Reported as not saved, so not left to be found (and duplicated by a retry) later.
      do {
        if FileIO.size(path) > whole { try FileIO.truncate(path, to: whole) }
      } catch let repair {
        throw .message(
          "\(error); cutting the unfinished write off failed too (\(repair)), so it may have "
            + "been saved: look with `rhythm step list` before trying again")
      }
      throw error
    }
    return whole
  }

  /// The values the changed fields have now (null where unset); empty for a new record.
  func priorValues(for change: Change) throws(RhythmError) -> [String: JSONValue] {
    guard !change.isCreation else { return [:] }
    func prior<R: Record>(_ type: R.Type) throws(RhythmError) -> [String: JSONValue] {
      guard let current = try currentRecord(R.self, id: change.id) else { return [:] }
      var prior: [String: JSONValue] = [:]
      for path in change.fields.keys { prior[path] = R.schema.value(at: path, of: current) }
      return prior
    }
    return try prior(change.kind.recordType)
  }

  /// This machine's device id for this store, made on the first write.
  func deviceID() throws(RhythmError) -> String {
    if let data = try FileIO.read(layout.devicePath) {
      let text = String(decoding: data, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      if !text.isEmpty { return text }
    }
    let device = String(newID().suffix(8))
    try FileIO.replaceAtomically(layout.devicePath, with: Array((device + "\n").utf8))
    return device
  }

  /// The greatest stamp seen, including this device's last line (it may be past the view).
  func latestOwnStamp(device: String) throws(RhythmError) -> Stamp? {
    let own = try Journal.lastOperation(of: layout.journalPath(for: device))?.stamp
    switch (latestStamp, own) {
    case (let seen?, let mine?): return max(seen, mine)
    case (let seen?, nil): return seen
    case (nil, let mine): return mine
    }
  }

  // MARK: - Live sharing

  /// Takes in what other processes appended since the last look. Returns the new state when
  /// the whole state is loaded and something changed, else `nil`. Cheap when nothing changed:
  /// one `stat` per journal.
  public func refresh() throws(RhythmError) -> StoreState? {
    let devices = Journal.devices(in: layout.journalFolder)
    let grown = devices.contains { device in
      FileIO.size(layout.journalPath(for: device)) > (positions[device]?.bytes ?? 0)
    }
    guard grown else { return nil }
    let fresh = try lock.withLock(exclusive: false) { () throws(RhythmError) in try readTails() }
    guard !fresh.isEmpty else { return nil }
    // An operation older than the snapshot (from another device, through git) may beat fields
    // whose stamps the snapshot does not keep: without `store.stamps` (which `readTails` merged
    // them with), replay, as every command would.
    if state != nil, stampsFile == nil, let snapshotStamp = state?.snapshotStamp,
      fresh.contains(where: { $0.stamp < snapshotStamp })
    {
      state = try lock.withLock(exclusive: false) { () throws(RhythmError) in
        try replayJournals()
      }
    }
    return state
  }
}
