import Foundation
import Testing

@testable import RhythmCore

/// `RecordIDGenerator`: ULIDs, unique, time-sorted, every random character drawn.
@Suite("Record ids")
struct RecordIDTests {
  @Test("system ids are valid, unique, sorted by time, and every random position varies")
  func systemIDs() {
    var generator = RecordIDGenerator()
    let start = Date(timeIntervalSince1970: 1_764_000_000)
    let ids = (0..<4_000).map { generator.next(at: start.addingTimeInterval(Double($0 / 100))) }
    #expect(ids.allSatisfy(RecordIDGenerator.isValid))
    #expect(Set(ids).count == ids.count)
    #expect(ids.map { $0.prefix(10) } == ids.map { $0.prefix(10) }.sorted())
    for position in 10..<26 {
      let symbols = Set(ids.map { Array($0.utf8)[position] })
      #expect(symbols.count == 32, "position \(position)")
    }
  }

  @Test("a derived id stays what every device and version makes of it")
  func derivedIDs() {
    let date = Date(timeIntervalSince1970: 1_764_000_000)
    // Made before system ids drew two numbers instead of sixteen: seeded ones did not change.
    #expect(
      RecordIDGenerator.derived(at: date, from: "weekly/2026-12-01")
        == "01kav9ft00p56akq1zzfpj95f4")
  }
}
