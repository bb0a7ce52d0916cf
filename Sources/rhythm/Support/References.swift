import Foundation
import RhythmCore

/// Finding the record a person names on the command line, and the short id lists show.
enum References {
  /// The live record of `type` that `reference` names: its whole id, or a unique beginning or
  /// ending of 4+ characters.
  /// - Throws: `.notFound`, `.ambiguous` or `.referenceTooShort`, naming `kind`.
  static func record<R: Record>(
    _ type: R.Type, _ reference: String, kind: String, in store: Store
  ) throws(RhythmError) -> R {
    let records = try store.records(R.self)
    let id = try store.resolve(reference, among: records.keys, kind: kind)
    guard let record = records[id] else { throw .notFound(kind: kind, reference: reference) }
    return record
  }

  /// The short form of the id of a record of `type` among that type's live records.
  static func short<R: Record>(_ type: R.Type, id: String, in store: Store) throws(RhythmError)
    -> String
  {
    try shorts(R.self, in: store)[id] ?? id
  }

  /// The short forms of every live record of `type`, by id.
  static func shorts<R: Record>(_ type: R.Type, in store: Store) throws(RhythmError)
    -> [String: String]
  {
    ShortIDs.map(Array(try store.records(R.self).keys))
  }

  /// The id of the review `reference` names, when one is given.
  static func review(_ reference: String?, in store: Store) throws(RhythmError) -> String? {
    try reference.map { (text) throws(RhythmError) in
      try record(Review.self, text, kind: "review", in: store).id
    }
  }

  /// The id of the topic `reference` names, when one is given.
  static func topic(_ reference: String?, in store: Store) throws(RhythmError) -> String? {
    try reference.map { (text) throws(RhythmError) in
      try record(Topic.self, text, kind: "topic", in: store).id
    }
  }

  /// A quarter as typed (`2026-Q4`, `2026Q4`, `q4`).
  static func quarter(_ text: String, today: Day) throws(RhythmError) -> Quarter {
    guard let quarter = Quarter(parsing: text, today: today) else {
      throw .invalidValue(
        field: "quarter", value: text, expected: "a quarter such as 2026-Q4 or Q4")
    }
    return quarter
  }
}
