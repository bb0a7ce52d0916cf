import Foundation
import Testing

@testable import RhythmCore

@Suite("Schedule time")
struct ScheduleTimeTests {
  private func instants(_ rule: String, _ start: String, _ zone: String, limit: Int) throws
    -> [String]
  {
    try CadenceFixture.instants(rule, start: start, zone: zone, limit: limit)
  }

  @Test func wallTimeIsKeptAcrossDSTInNewYork() throws {
    #expect(
      try instants("weekly mon 10:00", "2026-03-02T10:00", "America/New_York", limit: 3)
        == ["2026-03-02T10:00:00-05:00", "2026-03-09T10:00:00-04:00", "2026-03-16T10:00:00-04:00"])
    #expect(
      try instants("weekly fri 10:00", "2026-10-23T10:00", "America/New_York", limit: 3)
        == ["2026-10-23T10:00:00-04:00", "2026-10-30T10:00:00-04:00", "2026-11-06T10:00:00-05:00"])
  }

  @Test func springForwardMovesByTheGap() throws {
    #expect(
      try instants("daily 02:30", "2026-03-07T00:00", "America/New_York", limit: 3)
        == ["2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"])
    #expect(
      try instants("daily 02:30", "2026-03-28T00:00", "Europe/Berlin", limit: 3)
        == ["2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00"])
    #expect(
      try instants("daily 02:15", "2026-10-03T00:00", "Australia/Sydney", limit: 3)
        == ["2026-10-03T02:15:00+10:00", "2026-10-04T03:15:00+11:00", "2026-10-05T02:15:00+11:00"])
  }

  @Test func fallBackTakesTheFirstInstant() throws {
    #expect(
      try instants("daily 01:30", "2026-10-31T00:00", "America/New_York", limit: 3)
        == ["2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"])
    #expect(
      try instants("daily 02:30", "2026-10-24T00:00", "Europe/Berlin", limit: 3)
        == ["2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"])
    #expect(
      try instants("daily 02:30", "2026-04-04T00:00", "Australia/Sydney", limit: 3)
        == ["2026-04-04T02:30:00+11:00", "2026-04-05T02:30:00+11:00", "2026-04-06T02:30:00+10:00"])
  }

  @Test func wallTimeConversionAtTheEdges() {
    let zone = CadenceFixture.zone("America/New_York")
    let cases = [
      ("2026-03-08T01:59:59", "2026-03-08T06:59:59Z"),
      ("2026-03-08T02:00:00", "2026-03-08T07:00:00Z"),  // does not exist: 03:00 EDT
      ("2026-03-08T03:00:00", "2026-03-08T07:00:00Z"),
      ("2026-11-01T00:59:59", "2026-11-01T04:59:59Z"),
      ("2026-11-01T01:00:00", "2026-11-01T05:00:00Z"),  // twice: the EDT one
      ("2026-11-01T02:00:00", "2026-11-01T07:00:00Z"),
    ]
    for (wall, utc) in cases {
      #expect(ISOInstant.format(CadenceFixture.local(wall).instant(in: zone)) == utc, "\(wall)")
    }
  }

  @Test func leapDayYearly() throws {
    #expect(
      try CadenceFixture.days("yearly feb 29 10:00", start: "2024-01-01T00:00", limit: 3)
        == ["2024-02-29", "2028-02-29", "2032-02-29"])
    #expect(
      try CadenceFixture.days("FREQ=YEARLY", start: "2096-02-29T10:00", limit: 3)
        == ["2096-02-29", "2104-02-29", "2108-02-29"])
  }

  @Test func theThirtyFirstSkipsShortMonths() throws {
    let expected = [
      "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31", "2026-10-31",
      "2026-12-31",
    ]
    #expect(
      try CadenceFixture.days("monthly 31st", start: "2026-01-01T10:00", limit: 7) == expected)
    #expect(
      try CadenceFixture.days("FREQ=MONTHLY", start: "2026-01-31T10:00", limit: 7) == expected)
  }

  @Test func negativeMonthDays() throws {
    #expect(
      try CadenceFixture.days("FREQ=MONTHLY;BYMONTHDAY=-1", start: "2027-12-01T10:00", limit: 4)
        == ["2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31"])
    #expect(
      try CadenceFixture.days("FREQ=MONTHLY;BYMONTHDAY=-2", start: "2026-01-01T10:00", limit: 3)
        == ["2026-01-30", "2026-02-27", "2026-03-30"])
    #expect(
      try CadenceFixture.days("FREQ=MONTHLY;BYMONTHDAY=-31", start: "2026-01-01T10:00", limit: 3)
        == ["2026-01-01", "2026-03-01", "2026-05-01"])
  }

  @Test func negativeSetPositions() throws {
    #expect(
      try CadenceFixture.days(
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", start: "2026-01-01T10:00", limit: 6)
        == ["2026-01-01", "2026-01-30", "2026-02-02", "2026-02-27", "2026-03-02", "2026-03-31"])
    #expect(
      try CadenceFixture.days(
        "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1", start: "2026-01-01T10:00", limit: 3)
        == ["2026-01-02", "2026-01-09", "2026-01-16"])
    #expect(
      try CadenceFixture.days(
        "FREQ=YEARLY;BYMONTH=12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-3", start: "2026-01-01T10:00",
        limit: 2) == ["2026-12-29", "2027-12-29"])
  }

  @Test func countCountsFromTheStartOnly() throws {
    // The start (a Thursday) is no Monday, so it is not an occurrence and not counted.
    #expect(
      try CadenceFixture.days("FREQ=WEEKLY;BYDAY=MO;COUNT=3", start: "2026-01-01T10:00")
        == ["2026-01-05", "2026-01-12", "2026-01-19"])
    // Days of period 0 before the start are not counted either.
    #expect(
      try CadenceFixture.days("FREQ=MONTHLY;BYMONTHDAY=1,20;COUNT=2", start: "2026-01-10T10:00")
        == ["2026-01-20", "2026-02-01"])
    let schedule = try CadenceFixture.schedule("FREQ=DAILY;COUNT=5", start: "2026-01-01T10:00")
    #expect(
      schedule.occurrences(after: CadenceFixture.instant("2026-01-03T12:00:00Z"), limit: 10).map {
        ISOInstant.format($0)
      } == ["2026-01-03T15:00:00Z", "2026-01-04T15:00:00Z", "2026-01-05T15:00:00Z"])
  }

  @Test func untilInItsThreeForms() throws {
    let start = "2026-01-01T10:00"
    let byDay = try CadenceFixture.days("FREQ=DAILY;UNTIL=20260103", start: start)
    let byLocal = try CadenceFixture.days("FREQ=DAILY;UNTIL=20260103T100000", start: start)
    let beforeTen = try CadenceFixture.days("FREQ=DAILY;UNTIL=20260103T095959", start: start)
    let byInstant = try CadenceFixture.days("FREQ=DAILY;UNTIL=20260103T150000Z", start: start)
    #expect(byDay == ["2026-01-01", "2026-01-02", "2026-01-03"])
    #expect(byLocal == byDay)
    #expect(beforeTen == ["2026-01-01", "2026-01-02"])
    #expect(byInstant == byDay)
  }

  @Test func rangesAreHalfOpenAndSkipAhead() throws {
    let schedule = try CadenceFixture.schedule("weekly mon 10:00", start: "2026-03-02T10:00")
    let range =
      CadenceFixture.instant(
        "2026-03-09T14:00:00Z")..<CadenceFixture.instant("2026-03-23T14:00:00Z")
    #expect(
      schedule.occurrences(in: range).map { ISOInstant.format($0) }
        == ["2026-03-09T14:00:00Z", "2026-03-16T14:00:00Z"])
    #expect(
      schedule.next(after: CadenceFixture.instant("2126-03-09T14:00:00Z")).map {  // a Saturday
        ISOInstant.format($0, in: schedule.timeZone)
      } == "2126-03-11T10:00:00-04:00")
    #expect(
      schedule.next(after: CadenceFixture.instant("1990-01-01T00:00:00Z")) == schedule.startInstant)
  }

  @Test func rulesThatNeverMatchEnd() throws {
    let schedule = try CadenceFixture.schedule(
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start: "2026-01-01T10:00")
    #expect(Array(schedule.occurrences()).isEmpty)
    let daily = try CadenceFixture.schedule(
      "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31", start: "2026-01-01T10:00")
    #expect(daily.next(after: CadenceFixture.instant("2026-01-01T00:00:00Z")) == nil)
  }

  /// Speed is measured by the benchmark (`Benchmarks/run.sh`), not here.
  @Test func tenThousandWeeklyOccurrencesAreAllWeekly() throws {
    let schedule = try CadenceFixture.schedule("weekly mon 10:00", start: "2026-03-02T10:00")
    let result = schedule.occurrences(
      after: CadenceFixture.instant("2026-01-01T00:00:00Z"), limit: 10_000)
    #expect(result.count == 10_000)
    #expect(zip(result, result.dropFirst()).allSatisfy { $0 < $1 })
    let zone = TimeZone(identifier: "America/New_York") ?? .gmt
    #expect(result.allSatisfy { Day(containing: $0, in: zone).isoWeekday == 1 })
  }

  @Test func textErrors() {
    #expect(throws: RhythmError.unknownTimeZone("Mars/Olympus")) {
      try Schedule(rule: "daily 09:00", start: "2026-01-01T10:00", timeZone: "Mars/Olympus")
    }
    #expect(
      throws: RhythmError.invalidValue(
        field: "start", value: "2026-13-01T10:00", expected: "YYYY-MM-DDTHH:MM[:SS]")
    ) {
      try Schedule(rule: "daily 09:00", start: "2026-13-01T10:00", timeZone: "UTC")
    }
  }
}
