import Foundation

/// The shortest unique ending (see ``ShortIDs``) of each id of a set, looked up by id.
///
/// An id needs more than 4 characters only when another id ends with the same 4, so the table
/// groups ids by their last 4 bytes (one hash of a number per id, no sorting, no string made)
/// and works an id's length out from its few neighbours when asked. Ids are random at the
/// end, so nearly every group holds one id.
public struct ShortIDTable: Sendable {
  /// The ids, in the order given.
  private var ids: [String] = []
  /// The first id (an index into `ids`) of each group, by its last 4 bytes.
  private var heads: [UInt32: Int32] = [:]
  /// The next id in the same group, or -1.
  private var next: [Int32] = []
  /// Ids under 4 bytes (shown whole, and in no group: they cannot clash with a 4-byte ending).
  private var shortOnes: Set<String> = []

  /// An empty table.
  public init() {}

  /// The table of `ids`.
  public init(_ ids: [String]) {
    self.ids = ids
    next = [Int32](repeating: -1, count: ids.count)
    heads.reserveCapacity(ids.count)
    for (position, id) in ids.enumerated() {
      guard let ending = ShortIDTable.ending(of: id) else {
        shortOnes.insert(id)
        continue
      }
      if let head = heads.updateValue(Int32(position), forKey: ending) {
        next[position] = head
      }
    }
  }

  /// The length of `id`'s short form, or nil when `id` is not in the table.
  public func length(of id: String) -> Int? {
    let count = id.utf8.count
    guard let ending = ShortIDTable.ending(of: id) else {
      return shortOnes.contains(id) ? count : nil
    }
    var copies = 0
    var longestShared = 0
    var position = heads[ending] ?? -1
    while position >= 0 {
      let other = ids[Int(position)]
      if other == id {
        copies += 1
      } else {
        longestShared = max(longestShared, ShortIDTable.sharedEnding(id, other))
      }
      position = next[Int(position)]
    }
    guard copies > 0 else { return nil }
    if copies > 1 { return count }
    return min(max(ShortIDs.minimumLength, longestShared + 1), count)
  }

  /// The short form of `id`: its shortest unique ending, or its last 4 characters when it is
  /// not in the table.
  public func shortForm(of id: String) -> String {
    String(id.suffix(length(of: id) ?? ShortIDs.minimumLength))
  }

  /// The last 4 bytes of an id of 4 bytes or more.
  private static func ending(of id: String) -> UInt32? {
    var id = id
    return id.withUTF8 { bytes in
      let count = bytes.count
      guard count >= ShortIDs.minimumLength else { return nil }
      return UInt32(bytes[count - 4]) << 24 | UInt32(bytes[count - 3]) << 16
        | UInt32(bytes[count - 2]) << 8 | UInt32(bytes[count - 1])
    }
  }

  /// How many bytes two ids share at their ends.
  private static func sharedEnding(_ left: String, _ right: String) -> Int {
    var count = 0
    for (a, b) in zip(left.utf8.reversed(), right.utf8.reversed()) {
      guard a == b else { break }
      count += 1
    }
    return count
  }
}
