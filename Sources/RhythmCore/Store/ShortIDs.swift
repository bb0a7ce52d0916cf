import Foundation

/// The short forms of ids that people see and type. Ids are time-sortable ULIDs, so ids made
/// close together share their first ten characters; their last characters are random. Lists
/// therefore show the shortest unique *ending* (at least 4 characters), and a reference may be
/// a unique ending or a unique beginning of an id (see DECISIONS.md).
public enum ShortIDs {
  /// The minimum length of a short id or reference.
  public static let minimumLength = 4

  /// For each id, the length of its shortest unique ending among `ids` (at least 4).
  public static func lengths(for ids: [String]) -> [Int] {
    let table = ShortIDTable(ids)
    return ids.map { table.length(of: $0) ?? minimumLength }
  }

  /// The short forms of `ids`, keyed by id.
  public static func map(_ ids: [String]) -> [String: String] {
    var result: [String: String] = [:]
    result.reserveCapacity(ids.count)
    for (id, length) in zip(ids, lengths(for: ids)) {
      result[id] = String(id.suffix(length))
    }
    return result
  }

  /// Whether a reference typed by a person matches `id` (a beginning or an ending of it,
  /// any case).
  public static func matches(_ reference: String, id: String) -> Bool {
    id.hasSuffix(reference) || id.hasPrefix(reference)
  }

  /// Normalises a typed reference (lower case, trimmed); throws when it is too short.
  public static func normalise(_ reference: String) throws(RhythmError) -> String {
    let text = reference.trimmingCharacters(in: .whitespaces).lowercased()
    guard text.count >= minimumLength else { throw .referenceTooShort(reference) }
    return text
  }
}
