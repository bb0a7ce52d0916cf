import Foundation

/// The stamps of one record's fields, kept small: the fields a record was made with share the
/// stamp of its creation (`base`, for the schema fields whose bit is set in `made`), and only
/// fields written since (or map keys) have their own entry. A store of 50,000 records made
/// once and never changed holds 50,000 of these, not half a million dictionary entries.
struct FieldStamps: Sendable, Equatable {
  /// The stamp of the fields in `made`, unless `fields` has a newer word on them.
  var base: Stamp?
  /// Bit `i`: the schema's field `i` was written at `base`.
  var made: UInt64 = 0
  /// Fields (and map keys: `values.2026-11-23`) with their own stamp.
  var fields: [String: Stamp] = [:]

  /// Stamps with one entry per path (what a record settled from held fields gets).
  init(fields: [String: Stamp]) {
    self.fields = fields
  }

  /// Every field in `made` written at `base`.
  init(base: Stamp, made: UInt64) {
    self.base = base
    self.made = made
  }

  /// The stamp that wrote `path`, if any.
  func stamp<R: Record>(at path: String, in schema: RecordSchema<R>) -> Stamp? {
    if let own = fields[path] { return own }
    guard let base, made != 0, let position = schema.position(of: path), position < 64 else {
      return nil
    }
    return made & (1 << UInt64(position)) != 0 ? base : nil
  }

  /// Every path with its stamp (the shared ones spelled out), for writing them down.
  func all<R: Record>(in schema: RecordSchema<R>) -> [String: Stamp] {
    var result = fields
    if let base {
      for (position, field) in schema.fields.enumerated()
      where position < 64 && made & (1 << UInt64(position)) != 0 && result[field.name] == nil {
        result[field.name] = base
      }
    }
    return result
  }
}
