import Foundation

extension StoreState {
  /// Applies the creation of `record` (`raw`: its journal form) at `stamp`. A record not seen
  /// before is filed as it is, typed, every field stamped `stamp`: what building it from `raw`
  /// gives, without reading the JSON back (an import creates 50,000 at once). One already
  /// there, or with fields that arrived before it, takes the fields as any operation's do.
  mutating func create<R: Record>(_ record: R, stamp: Stamp, raw: [String: JSONValue]) {
    let key = RecordKey(kind: R.kind, id: record.id)
    guard self[keyPath: R.section][record.id] == nil, removed[key] == nil, orphans[key] == nil
    else {
      apply(R.self, id: record.id, stamp: stamp, edits: R.schema.edits(from: raw), raw: raw)
      return
    }
    stamps[key] = raw.mapValues { _ in stamp }
    if record.isLive {
      self[keyPath: R.section][record.id] = record
    } else {
      removed[key] = record
    }
  }
}
