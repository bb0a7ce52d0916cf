import Foundation

/// Some records of a state, taken out to have operations applied to them alone and put back:
/// `apply` reads and writes only the record it names (its section entry, removed copy, stamps
/// and held fields), so applying operations to a part holding every record they touch and
/// putting those records back equals applying them to the whole state, without copying or
/// hashing into the whole state's large sections for each one.
extension StoreState {
  /// A state holding only the records `keys` name (live or removed, with their stamps and held
  /// fields), their fields counting as written at the same snapshot stamp.
  func part(holding keys: Set<RecordKey>) -> StoreState {
    var part = StoreState()
    part.snapshotStamp = snapshotStamp
    for (kind, ids) in Self.idsByKind(keys) {
      func copy<R: Record>(_ type: R.Type) {
        let section = self[keyPath: R.section]
        var taken: [String: R] = [:]
        taken.reserveCapacity(ids.count)
        for id in ids {
          if let record = section[id] { taken[id] = record }
        }
        part[keyPath: R.section] = taken
      }
      // Steps are most of a large store: their copy is specialized, not generic.
      if kind == .step { copy(Step.self) } else { copy(kind.recordType) }
    }
    if !removed.isEmpty || !stamps.isEmpty || !orphans.isEmpty {
      for key in keys {
        if let record = removed[key] { part.removed[key] = record }
        if let known = stamps[key] { part.stamps[key] = known }
        if let held = orphans[key] { part.orphans[key] = held }
      }
    }
    return part
  }

  /// Every record a part holds or held, as it stands in `part` now: those of `keys` (the
  /// records it was made holding) and any it made or stamped since.
  static func records(of part: StoreState, from keys: Set<RecordKey>) -> Set<RecordKey> {
    keys.union(part.stamps.keys).union(part.orphans.keys)
  }

  /// Puts the records `keys` name back as they stand in `part` (one gone from `part` goes
  /// from here too), and takes its latest stamp when it is newer. `keys` holds every record
  /// `part` holds (`records(of:from:)`).
  mutating func replaceRecords(_ keys: Set<RecordKey>, from part: StoreState) {
    for (kind, ids) in Self.idsByKind(keys) {
      func move<R: Record>(_ type: R.Type) {
        // Out of the state while it changes: no key path per record, and never shared.
        var section: [String: R] = [:]
        swap(&section, &self[keyPath: R.section])
        let theirs = part[keyPath: R.section]
        for id in ids { section[id] = theirs[id] }
        swap(&section, &self[keyPath: R.section])
      }
      if kind == .step { move(Step.self) } else { move(kind.recordType) }
    }
    if !removed.isEmpty || !part.removed.isEmpty {
      for key in keys { removed[key] = part.removed[key] }
    }
    // A state read from a snapshot has no stamps or held fields of its own: the part's
    // (all of them records of `keys`) are all there are.
    if stamps.isEmpty {
      stamps = part.stamps
    } else {
      for key in keys { stamps[key] = part.stamps[key] }
    }
    if orphans.isEmpty {
      orphans = part.orphans
    } else {
      for key in keys { orphans[key] = part.orphans[key] }
    }
    if let stamp = part.latestStamp, latestStamp.map({ stamp > $0 }) ?? true {
      latestStamp = stamp
    }
  }

  /// The ids of `keys`, by kind.
  private static func idsByKind(_ keys: Set<RecordKey>) -> [RecordKind: [String]] {
    var result: [RecordKind: [String]] = [:]
    for key in keys { result[key.kind, default: []].append(key.id) }
    return result
  }
}
