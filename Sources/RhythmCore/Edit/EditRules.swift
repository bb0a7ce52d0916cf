import Foundation

/// The checks every surface applies to what people type, in one place.
public enum EditRules {
  /// The handle in `typed`: trimmed, without a leading `@`, lower-cased.
  public static func handle(_ typed: String) -> String {
    let trimmed = typed.trimmingCharacters(in: .whitespaces)
    return (trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed).lowercased()
  }

  /// The tag in `typed`, without a leading `#`.
  public static func tag(_ typed: String) -> String {
    let trimmed = typed.trimmingCharacters(in: .whitespaces)
    return trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
  }

  /// `text` trimmed, refused when empty.
  /// - Throws: `.invalidValue` naming `field` when nothing is left.
  public static func text(_ text: String, field: String) throws(RhythmError) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      throw field == "title" ? .emptyTitle : .message("the \(field) is empty")
    }
    return trimmed
  }

  /// The handle of a live person.
  /// - Throws: `.unknownPerson` when there is none.
  public static func person(_ typed: String, in reader: some RecordReader) throws(RhythmError)
    -> String
  {
    let handle = handle(typed)
    guard try reader.live(Person.self, id: handle) != nil else { throw .unknownPerson(handle) }
    return handle
  }

  /// A rating of a review, 1 to 10.
  public static func rating(_ value: Int) throws(RhythmError) -> Int {
    guard (1...10).contains(value) else {
      throw .invalidValue(
        field: "rating", value: String(value), expected: "a whole number from 1 to 10")
    }
    return value
  }
}
