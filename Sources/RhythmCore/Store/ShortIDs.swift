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
    let reversed = ids.map { Array($0.utf8.reversed()) }
    let order = reversed.indices.sorted { reversed[$0].lexicographicallyPrecedes(reversed[$1]) }
    var lengths = [Int](repeating: minimumLength, count: ids.count)
    for (rank, position) in order.enumerated() {
      var needed = minimumLength
      for neighbour in [rank - 1, rank + 1] where neighbour >= 0 && neighbour < order.count {
        let common = commonPrefix(reversed[position], reversed[order[neighbour]])
        needed = max(needed, common + 1)
      }
      lengths[position] = min(needed, reversed[position].count)
    }
    return lengths
  }

  /// The short forms of `ids`, keyed by id.
  public static func map(_ ids: [String]) -> [String: String] {
    var result: [String: String] = [:]
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

  private static func commonPrefix(_ left: [UInt8], _ right: [UInt8]) -> Int {
    var count = 0
    while count < left.count, count < right.count, left[count] == right[count] { count += 1 }
    return count
  }
}
