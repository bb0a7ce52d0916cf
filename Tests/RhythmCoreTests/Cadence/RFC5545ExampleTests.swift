import Foundation
import Testing

@testable import RhythmCore

/// RFC 5545 section 3.8.5.3's examples that the subset covers, all with
/// DTSTART;TZID=America/New_York, reproduced day by day.
@Suite("RFC 5545 examples")
struct RFC5545ExampleTests {
  private func days(_ rule: String, _ start: String, limit: Int = 500) throws -> [String] {
    try CadenceFixture.days(rule, start: start, limit: limit)
  }

  @Test func dailyForTenOccurrences() throws {
    let expected = (2...11).map { "1997-09-" + (($0 < 10) ? "0\($0)" : "\($0)") }
    #expect(try days("FREQ=DAILY;COUNT=10", "1997-09-02T09:00") == expected)
  }

  @Test func dailyUntilDecember24() throws {
    let result = try days("FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02T09:00")
    #expect(result.count == 113)
    #expect(result.first == "1997-09-02")
    #expect(result.last == "1997-12-23")
  }

  @Test func everyOtherDay() throws {
    #expect(
      try days("FREQ=DAILY;INTERVAL=2", "1997-09-02T09:00", limit: 5)
        == ["1997-09-02", "1997-09-04", "1997-09-06", "1997-09-08", "1997-09-10"])
  }

  @Test func everyTenDaysFiveTimes() throws {
    #expect(
      try days("FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02T09:00")
        == ["1997-09-02", "1997-09-12", "1997-09-22", "1997-10-02", "1997-10-12"])
  }

  @Test func everyDayInJanuaryForThreeYears() throws {
    let yearly = try days(
      "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
      "1998-01-01T09:00")
    let daily = try days("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", "1998-01-01T09:00")
    #expect(yearly.count == 93)
    #expect(yearly == daily)
    #expect(yearly.allSatisfy { $0.dropFirst(5).hasPrefix("01-") })
    #expect(yearly.last == "2000-01-31")
  }

  @Test func weeklyForTenOccurrences() throws {
    let result = try CadenceFixture.instants("FREQ=WEEKLY;COUNT=10", start: "1997-09-02T09:00")
    #expect(
      result == [
        "1997-09-02T09:00:00-04:00", "1997-09-09T09:00:00-04:00", "1997-09-16T09:00:00-04:00",
        "1997-09-23T09:00:00-04:00", "1997-09-30T09:00:00-04:00", "1997-10-07T09:00:00-04:00",
        "1997-10-14T09:00:00-04:00", "1997-10-21T09:00:00-04:00", "1997-10-28T09:00:00-05:00",
        "1997-11-04T09:00:00-05:00",
      ])
  }

  @Test func weeklyUntilDecember24() throws {
    let result = try days("FREQ=WEEKLY;UNTIL=19971224T000000Z", "1997-09-02T09:00")
    #expect(result.count == 17)
    #expect(result.last == "1997-12-23")
  }

  @Test func everyOtherWeek() throws {
    #expect(
      try days("FREQ=WEEKLY;INTERVAL=2;WKST=SU", "1997-09-02T09:00", limit: 10)
        == [
          "1997-09-02", "1997-09-16", "1997-09-30", "1997-10-14", "1997-10-28", "1997-11-11",
          "1997-11-25", "1997-12-09", "1997-12-23", "1998-01-06",
        ])
  }

  @Test func tuesdayAndThursdayForFiveWeeks() throws {
    let expected = [
      "1997-09-02", "1997-09-04", "1997-09-09", "1997-09-11", "1997-09-16", "1997-09-18",
      "1997-09-23", "1997-09-25", "1997-09-30", "1997-10-02",
    ]
    #expect(
      try days("FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00")
        == expected)
    #expect(try days("FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00") == expected)
  }

  @Test func everyOtherWeekMondayWednesdayFriday() throws {
    let result = try days(
      "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", "1997-09-01T09:00")
    #expect(
      result == [
        "1997-09-01", "1997-09-03", "1997-09-05", "1997-09-15", "1997-09-17", "1997-09-19",
        "1997-09-29", "1997-10-01", "1997-10-03", "1997-10-13", "1997-10-15", "1997-10-17",
        "1997-10-27", "1997-10-29", "1997-10-31", "1997-11-10", "1997-11-12", "1997-11-14",
        "1997-11-24", "1997-11-26", "1997-11-28", "1997-12-08", "1997-12-10", "1997-12-12",
        "1997-12-22",
      ])
  }

  @Test func everyOtherWeekTuesdayThursdayEightTimes() throws {
    #expect(
      try days("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00")
        == [
          "1997-09-02", "1997-09-04", "1997-09-16", "1997-09-18", "1997-09-30", "1997-10-02",
          "1997-10-14", "1997-10-16",
        ])
  }

  @Test func monthlyFirstFriday() throws {
    #expect(
      try days("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05T09:00")
        == [
          "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06",
          "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05",
        ])
    #expect(
      try days("FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "1997-09-05T09:00")
        == ["1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05"])
  }

  @Test func everyOtherMonthFirstAndLastSunday() throws {
    #expect(
      try days("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07T09:00")
        == [
          "1997-09-07", "1997-09-28", "1997-11-02", "1997-11-30", "1998-01-04", "1998-01-25",
          "1998-03-01", "1998-03-29", "1998-05-03", "1998-05-31",
        ])
  }

  @Test func monthlySecondToLastMonday() throws {
    #expect(
      try days("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22T09:00")
        == [
          "1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16",
        ])
  }

  @Test func monthlyThirdToLastDay() throws {
    #expect(
      try days("FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28T09:00", limit: 6)
        == [
          "1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26",
        ])
  }

  @Test func monthlySecondAndFifteenth() throws {
    #expect(
      try days("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "1997-09-02T09:00")
        == [
          "1997-09-02", "1997-09-15", "1997-10-02", "1997-10-15", "1997-11-02", "1997-11-15",
          "1997-12-02", "1997-12-15", "1998-01-02", "1998-01-15",
        ])
  }

  @Test func monthlyFirstAndLastDay() throws {
    #expect(
      try days("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "1997-09-30T09:00")
        == [
          "1997-09-30", "1997-10-01", "1997-10-31", "1997-11-01", "1997-11-30", "1997-12-01",
          "1997-12-31", "1998-01-01", "1998-01-31", "1998-02-01",
        ])
  }

  @Test func everyEighteenMonthsTenthToFifteenth() throws {
    #expect(
      try days(
        "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "1997-09-10T09:00")
        == [
          "1997-09-10", "1997-09-11", "1997-09-12", "1997-09-13", "1997-09-14", "1997-09-15",
          "1999-03-10", "1999-03-11", "1999-03-12", "1999-03-13",
        ])
  }

  @Test func everyTuesdayEveryOtherMonth() throws {
    #expect(
      try days("FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "1997-09-02T09:00", limit: 18)
        == [
          "1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30", "1997-11-04",
          "1997-11-11", "1997-11-18", "1997-11-25", "1998-01-06", "1998-01-13", "1998-01-20",
          "1998-01-27", "1998-03-03", "1998-03-10", "1998-03-17", "1998-03-24", "1998-03-31",
        ])
  }

  @Test func yearlyInJuneAndJuly() throws {
    #expect(
      try days("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10T09:00")
        == [
          "1997-06-10", "1997-07-10", "1998-06-10", "1998-07-10", "1999-06-10", "1999-07-10",
          "2000-06-10", "2000-07-10", "2001-06-10", "2001-07-10",
        ])
  }

  @Test func everyOtherYearInJanuaryFebruaryMarch() throws {
    #expect(
      try days("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10T09:00")
        == [
          "1997-03-10", "1999-01-10", "1999-02-10", "1999-03-10", "2001-01-10", "2001-02-10",
          "2001-03-10", "2003-01-10", "2003-02-10", "2003-03-10",
        ])
  }

  @Test func twentiethMondayOfTheYear() throws {
    #expect(
      try days("FREQ=YEARLY;BYDAY=20MO", "1997-05-19T09:00", limit: 3)
        == ["1997-05-19", "1998-05-18", "1999-05-17"])
  }

  @Test func everyThursdayInMarch() throws {
    #expect(
      try days("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13T09:00", limit: 11)
        == [
          "1997-03-13", "1997-03-20", "1997-03-27", "1998-03-05", "1998-03-12", "1998-03-19",
          "1998-03-26", "1999-03-04", "1999-03-11", "1999-03-18", "1999-03-25",
        ])
  }

  @Test func everyThursdayInSummer() throws {
    let result = try days("FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "1997-06-05T09:00", limit: 14)
    #expect(
      result == [
        "1997-06-05", "1997-06-12", "1997-06-19", "1997-06-26", "1997-07-03", "1997-07-10",
        "1997-07-17", "1997-07-24", "1997-07-31", "1997-08-07", "1997-08-14", "1997-08-21",
        "1997-08-28", "1998-06-04",
      ])
  }

  @Test func fridayTheThirteenthSkipsANonMatchingStart() throws {
    #expect(
      try days("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "1997-09-02T09:00", limit: 5)
        == ["1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"])
  }

  @Test func firstSaturdayAfterFirstSunday() throws {
    #expect(
      try days("FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "1997-09-13T09:00", limit: 10)
        == [
          "1997-09-13", "1997-10-11", "1997-11-08", "1997-12-13", "1998-01-10", "1998-02-07",
          "1998-03-07", "1998-04-11", "1998-05-09", "1998-06-13",
        ])
  }

  @Test func electionDay() throws {
    #expect(
      try days(
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05T09:00",
        limit: 3) == ["1996-11-05", "2000-11-07", "2004-11-02"])
  }

  @Test func bySetPosThirdOfTuesdayWednesdayThursday() throws {
    #expect(
      try days("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04T09:00")
        == ["1997-09-04", "1997-10-07", "1997-11-06"])
  }

  @Test func bySetPosSecondToLastWeekday() throws {
    #expect(
      try days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29T09:00", limit: 7)
        == [
          "1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26",
          "1998-03-30",
        ])
  }

  @Test func weekStartChangesEveryOtherWeek() throws {
    #expect(
      try days("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05T09:00")
        == ["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"])
    #expect(
      try days("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05T09:00")
        == ["1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"])
  }

  @Test func invalidDatesAreIgnored() throws {
    #expect(
      try days("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15T09:00")
        == ["2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30"])
  }
}
