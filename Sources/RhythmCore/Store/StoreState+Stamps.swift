import Foundation

/// The stamps of some of a snapshot's records as `store.stamps` keeps them: handed to a state
/// read from that snapshot (whose fields otherwise count as written at the snapshot's stamp)
/// before operations older than the snapshot are applied to those records.
public struct SnapshotStamps: Sendable {
  var entries: [RecordKey: StampsFile.Entry] = [:]

  /// Whether it holds no record's stamps.
  public var isEmpty: Bool { entries.isEmpty }
}

extension StoreState {
  /// Takes in the snapshot stamps of the records in `snapshotStamps`: a record whose stamps
  /// this state does not know gets them; one it knows some stamps of (written by operations
  /// applied since the snapshot, all newer than it) keeps those over the file's. Fields held
  /// for a record not created yet are added, the newer write of a path winning. Taking the
  /// same stamps twice changes nothing.
  public mutating func takeStamps(_ snapshotStamps: SnapshotStamps) {
    for (key, entry) in snapshotStamps.entries { take(entry, for: key) }
  }

  mutating func take(_ entry: StampsFile.Entry, for key: RecordKey) {
    if let file = entry.stamps {
      if var known = stamps[key] {
        if known.base == nil {
          known.base = file.base
          known.made = file.made
        }
        known.fields.merge(file.fields) { max($0, $1) }
        stamps[key] = known
      } else {
        stamps[key] = file
      }
    }
    // Held fields settle when the record is made: once it is here, they were settled.
    guard !entry.held.isEmpty, !holds(key) else { return }
    var held = orphans[key] ?? [:]
    held.merge(entry.held) { $0.stamp < $1.stamp ? $1 : $0 }
    orphans[key] = held
  }

  /// Whether the record `key` names is here, live or removed.
  func holds(_ key: RecordKey) -> Bool {
    func has<R: Record>(_ type: R.Type) -> Bool {
      self[keyPath: R.section][key.id] != nil || removed[key] != nil
    }
    return has(key.kind.recordType)
  }
}
