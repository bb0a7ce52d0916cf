import Testing

@testable import RhythmCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
  guard let day = Day(year: year, month: month, day: dayOfMonth) else {
    Issue.record("no such day \(year)-\(month)-\(dayOfMonth)")
    return Day(ordinal: 0)
  }
  return day
}

/// Wednesday 25 November 2026.
private let wednesday = day(2026, 11, 25)

@Suite("DateShorthand")
struct DateShorthandTests {
  @Test func isoDates() throws {
    #expect(try DateShorthand.parse("2026-12-01", today: wednesday) == day(2026, 12, 1))
    #expect(try DateShorthand.parse(" 2024-02-29 ", today: wednesday) == day(2024, 2, 29))
    #expect(throws: RhythmError.invalidDate("2026-02-29")) {
      try DateShorthand.parse("2026-02-29", today: wednesday)
    }
  }

  @Test func relativeWords() throws {
    #expect(try DateShorthand.parse("today", today: wednesday) == wednesday)
    #expect(try DateShorthand.parse("Tomorrow", today: wednesday) == day(2026, 11, 26))
    #expect(try DateShorthand.parse("YESTERDAY", today: wednesday) == day(2026, 11, 24))
  }

  @Test(arguments: [
    ("mon", 30), ("monday", 30), ("tue", 1), ("tuesday", 1), ("wed", 2), ("Wednesday", 2),
    ("thu", 26), ("thursday", 26), ("fri", 27), ("FRIDAY", 27), ("sat", 28), ("saturday", 28),
    ("sun", 29), ("sunday", 29),
  ])
  func weekdaysAreStrictlyAfterToday(text: String, dayOfMonth: Int) throws {
    let month = dayOfMonth >= 25 ? 11 : 12
    #expect(try DateShorthand.parse(text, today: wednesday) == day(2026, month, dayOfMonth))
  }

  @Test func offsets() throws {
    #expect(try DateShorthand.parse("+3d", today: wednesday) == day(2026, 11, 28))
    #expect(try DateShorthand.parse("+2w", today: wednesday) == day(2026, 12, 9))
    #expect(try DateShorthand.parse("-1d", today: wednesday) == day(2026, 11, 24))
    #expect(try DateShorthand.parse("+0d", today: wednesday) == wednesday)
    #expect(try DateShorthand.parse("+1m", today: wednesday) == day(2026, 12, 25))
    #expect(try DateShorthand.parse("+2m", today: wednesday) == day(2027, 1, 25))
    #expect(try DateShorthand.parse("-11m", today: wednesday) == day(2025, 12, 25))
    #expect(try DateShorthand.parse("+1y", today: wednesday) == day(2027, 11, 25))
  }

  @Test func monthOffsetsClampToMonthEnd() throws {
    #expect(try DateShorthand.parse("+1m", today: day(2026, 1, 31)) == day(2026, 2, 28))
    #expect(try DateShorthand.parse("+1m", today: day(2024, 1, 31)) == day(2024, 2, 29))
    #expect(try DateShorthand.parse("+3m", today: day(2026, 1, 31)) == day(2026, 4, 30))
    #expect(try DateShorthand.parse("-1m", today: day(2026, 3, 31)) == day(2026, 2, 28))
    #expect(try DateShorthand.parse("+1y", today: day(2024, 2, 29)) == day(2025, 2, 28))
  }

  @Test func periodEnds() throws {
    #expect(try DateShorthand.parse("eow", today: wednesday) == day(2026, 11, 29))
    #expect(try DateShorthand.parse("eow", today: day(2026, 11, 29)) == day(2026, 11, 29))
    #expect(try DateShorthand.parse("eow", today: day(2026, 11, 30)) == day(2026, 12, 6))
    #expect(try DateShorthand.parse("eom", today: wednesday) == day(2026, 11, 30))
    #expect(try DateShorthand.parse("EOM", today: day(2024, 2, 3)) == day(2024, 2, 29))
    #expect(try DateShorthand.parse("eom", today: day(2026, 2, 3)) == day(2026, 2, 28))
    #expect(try DateShorthand.parse("eoq", today: wednesday) == day(2026, 12, 31))
    #expect(try DateShorthand.parse("eoq", today: day(2026, 1, 1)) == day(2026, 3, 31))
    #expect(try DateShorthand.parse("eoq", today: day(2026, 4, 1)) == day(2026, 6, 30))
    #expect(try DateShorthand.parse("eoq", today: day(2026, 9, 30)) == day(2026, 9, 30))
    #expect(try DateShorthand.parse("eoy", today: wednesday) == day(2026, 12, 31))
  }

  @Test func monthDayForms() throws {
    #expect(try DateShorthand.parse("12-01", today: wednesday) == day(2026, 12, 1))
    #expect(try DateShorthand.parse("dec 1", today: wednesday) == day(2026, 12, 1))
    #expect(try DateShorthand.parse("1 Dec", today: wednesday) == day(2026, 12, 1))
    #expect(try DateShorthand.parse("december 1st", today: wednesday) == day(2026, 12, 1))
    #expect(try DateShorthand.parse("nov 25", today: wednesday) == wednesday)
    // Already past this year: next year.
    #expect(try DateShorthand.parse("nov 24", today: wednesday) == day(2027, 11, 24))
    #expect(try DateShorthand.parse("3-15", today: wednesday) == day(2027, 3, 15))
    // 29 February waits for the next leap year.
    #expect(try DateShorthand.parse("feb 29", today: wednesday) == day(2028, 2, 29))
    #expect(try DateShorthand.parse("02-29", today: day(2024, 1, 10)) == day(2024, 2, 29))
  }

  @Test(arguments: [
    "", "next week", "fri2", "+3", "+d", "3d", "+3x", "++3d", "+99999d", "13-01", "feb 30",
    "dec", "2026-13-01", "2026-1-1", "tomorow",
  ])
  func rejectsAnythingElse(text: String) {
    #expect(throws: RhythmError.invalidDate(text)) {
      try DateShorthand.parse(text, today: wednesday)
    }
  }
}
