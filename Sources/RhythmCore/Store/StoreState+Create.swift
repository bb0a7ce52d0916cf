import Foundation

extension StoreState {
  /// Applies the creation of `record` (`raw`: its journal form) at `stamp`. A record not seen
  /// before is filed as it is, typed, every field it was made with stamped `stamp`: what
  /// building it from `raw` gives, without reading the JSON back (an import creates 50,000 at
  /// once). One already there, or with fields that arrived before it, takes the fields as any
  /// operation's do.
  mutating func create<R: Record>(_ record: R, stamp: Stamp, raw: [String: JSONValue]) {
    var made: UInt64 = 0
    var allPlaced = true
    for name in raw.keys where name != "id" {
      if let position = R.schema.position(of: name), position < 64 {
        made |= 1 << UInt64(position)
      } else {
        allPlaced = false
      }
    }
    if allPlaced, create(record, stamp: stamp, made: made) { return }
    apply(R.self, id: record.id, stamp: stamp, edits: R.schema.edits(from: raw), raw: raw)
  }
}
