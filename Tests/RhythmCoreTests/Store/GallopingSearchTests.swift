import Testing

@testable import RhythmCore

@Suite("Galloping search: the first position not before, from any start")
struct GallopingSearchTests {
  @Test("equals a scan from the start position, for random sorted values and starts")
  func equalsScan() {
    var random = SplitMix64(seed: 77)
    for _ in 0..<500 {
      let values = (0..<Int(random.next() % 40)).map { _ in Int(random.next() % 30) }.sorted()
      let wanted = Int(random.next() % 32)
      let from = values.isEmpty ? 0 : Int(random.next() % UInt64(values.count + 1))
      let found = GallopingSearch.lowerBound(from: from, count: values.count) {
        values[$0] < wanted
      }
      let scanned = (from..<values.count).first { values[$0] >= wanted } ?? values.count
      #expect(found == scanned, "\(values) \(wanted) from \(from)")
    }
  }

  @Test("an item the search looks at and cannot read ends it with nil; others are not read")
  func unreadable() {
    // From 0 the search looks at 0, 2, 6, then halves 7..<10 (8, 7): never at 3.
    #expect(GallopingSearch.lowerBound(from: 0, count: 10) { $0 == 6 ? nil : $0 < 7 } == nil)
    #expect(GallopingSearch.lowerBound(from: 0, count: 10) { $0 == 3 ? nil : $0 < 7 } == 7)
  }
}
