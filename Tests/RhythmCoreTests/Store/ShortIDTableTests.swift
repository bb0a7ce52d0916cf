import Foundation
import Testing

@testable import RhythmCore

@Suite("Short id table")
struct ShortIDTableTests {
  /// The plain definition: sort the reversed ids; each needs one byte more than it shares with
  /// either neighbour, at least 4, at most all of it.
  private func referenceLengths(_ ids: [String]) -> [Int] {
    let reversed = ids.map { Array($0.utf8.reversed()) }
    let order = reversed.indices.sorted { reversed[$0].lexicographicallyPrecedes(reversed[$1]) }
    var lengths = [Int](repeating: 4, count: ids.count)
    for (rank, position) in order.enumerated() {
      var needed = 4
      for neighbour in [rank - 1, rank + 1] where neighbour >= 0 && neighbour < order.count {
        let other = reversed[order[neighbour]]
        var common = 0
        while common < other.count, common < reversed[position].count,
          other[common] == reversed[position][common]
        {
          common += 1
        }
        needed = max(needed, common + 1)
      }
      lengths[position] = min(needed, reversed[position].count)
    }
    return lengths
  }

  @Test("lengths match the definition, with clashing endings, short ids and 4-byte ids")
  func matchesDefinition() {
    var generator = SystemRandomNumberGenerator()
    let letters = Array("0123456789abcdefghjkmnpqrstvwxyz")
    var ids: [String] = []
    for _ in 0..<3_000 {
      ids.append(String((0..<26).map { _ in letters.randomElement(using: &generator) ?? "0" }))
    }
    // Endings shared over 4, 5, 6 and 7 bytes, an id that is another's whole ending, short ids.
    ids += [
      "01aaaaaaaaaaaaaaaaaaaxyzw", "01baaaaaaaaaaaaaaaaaaxyzw", "01aaaaaaaaaaaaaaaaaqqxyzw",
      "01aaaaaaaaaaaaaaaaapqxyzw", "01aaaaaaaaaaaaaaaa7pqxyzw", "xyzw", "abc", "zz",
      "01cccccccccccccccccccc5678", "5678",
    ]
    let table = ShortIDTable(ids)
    let expected = referenceLengths(ids)
    for (id, length) in zip(ids, expected) {
      #expect(table.length(of: id) == length, "\(id)")
    }
    #expect(ShortIDs.lengths(for: ids) == expected)
    #expect(table.length(of: "01zzzzzzzzzzzzzzzzzzzzzzzz") == nil)
    #expect(table.shortForm(of: "01zzzzzzzzzzzzzzzzzzzzzzzz") == "zzzz")
    #expect(table.shortForm(of: "01aaaaaaaaaaaaaaaaaqqxyzw") == "qqxyzw")
  }
}
