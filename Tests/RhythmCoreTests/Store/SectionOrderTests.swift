import Foundation
import Testing

@testable import RhythmCore

/// The order records are written in, in the snapshot and in `store.stamps`.
@Suite("Section order")
struct SectionOrderTests {
  @Test("ids sort by their UTF-8 bytes: ULIDs, prefixes, ids past 32 bytes and non-ASCII ones")
  func orderIsByteOrder() {
    var random = SplitMix64(seed: 20_261_130_5)
    let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz") + ["é", "Ω", "~", " "]
    for round in 0..<200 {
      var ids: [String] = []
      for _ in 0..<Int(random.next() % 60) {
        if random.next() % 4 == 0, let known = ids.randomElement(using: &random) {
          // A prefix of an id or one longer by a few characters.
          let cut = Int(random.next() % UInt64(known.count + 1))
          ids.append(random.next() % 2 == 0 ? String(known.prefix(cut)) : known + "0z")
          continue
        }
        // Mostly ULID-sized, some past 32 bytes (then every id is compared as text).
        let length = round % 5 == 0 ? Int(random.next() % 40) : 26
        let limit = round % 3 == 0 ? alphabet.count : 32
        ids.append(
          String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(limit))] }))
      }
      let expected = Array(ids.indices).sorted { left, right in
        let (a, b) = (Array(ids[left].utf8), Array(ids[right].utf8))
        return a.lexicographicallyPrecedes(b) || (a == b && left < right)
      }
      #expect(SectionOrder.order(of: ids) == expected, "\(ids)")
    }
  }
}
