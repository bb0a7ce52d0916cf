import Foundation
import Testing

@testable import RhythmCore

@Suite("Quarters")
struct QuarterTests {
  private let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)

  @Test("typed forms read as one quarter; anything else is refused")
  func parse() {
    for text in ["2026-Q4", "2026Q4", "2026 q4", "q4", "Q4"] {
      #expect(Quarter(parsing: text, today: today)?.description == "2026-Q4", "\(text)")
    }
    for text in ["2026-Q5", "Q0", "26Q4", "2026", "spring", "Q"] {
      #expect(Quarter(parsing: text, today: today) == nil, "\(text)")
    }
  }

  @Test("bounds, neighbours and the quarter of a day")
  func bounds() throws {
    let quarter = Quarter(containing: today)
    #expect(quarter.description == "2026-Q4")
    #expect(quarter.start == Day(year: 2026, month: 10, day: 1))
    #expect(quarter.end == Day(year: 2026, month: 12, day: 31))
    #expect(quarter.next.description == "2027-Q1")
    #expect(quarter.previous.description == "2026-Q3")
    #expect(try #require(Quarter(year: 2027, number: 1)).previous == quarter)
    #expect(quarter.contains(today) && !quarter.contains(quarter.next.start))
    #expect(quarter < quarter.next)
  }
}
