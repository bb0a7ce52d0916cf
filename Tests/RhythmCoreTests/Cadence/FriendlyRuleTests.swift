import Foundation
import Testing

@testable import RhythmCore

@Suite("Friendly rules")
struct FriendlyRuleTests {
  struct Case: Sendable, CustomStringConvertible {
    let text: String
    let rrule: String
    let first: [String]
    var description: String { text }
  }

  /// Each form from Thursday 1 January 2026, 08:00 in New York.
  static let cases: [Case] = [
    Case(
      text: "daily 09:00", rrule: "FREQ=DAILY",
      first: [
        "2026-01-01T09:00:00-05:00", "2026-01-02T09:00:00-05:00", "2026-01-03T09:00:00-05:00",
      ]
    ),
    Case(
      text: "weekdays 09:15", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      first: [
        "2026-01-01T09:15:00-05:00", "2026-01-02T09:15:00-05:00", "2026-01-05T09:15:00-05:00",
      ]
    ),
    Case(
      text: "weekly mon 10:00", rrule: "FREQ=WEEKLY;BYDAY=MO",
      first: [
        "2026-01-05T10:00:00-05:00", "2026-01-12T10:00:00-05:00", "2026-01-19T10:00:00-05:00",
      ]
    ),
    Case(
      text: "weekly mon,thu 10:00", rrule: "FREQ=WEEKLY;BYDAY=MO,TH",
      first: [
        "2026-01-01T10:00:00-05:00", "2026-01-05T10:00:00-05:00", "2026-01-08T10:00:00-05:00",
      ]
    ),
    Case(
      text: "every 2 weeks thu 16:00", rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
      first: [
        "2026-01-01T16:00:00-05:00", "2026-01-15T16:00:00-05:00", "2026-01-29T16:00:00-05:00",
      ]
    ),
    Case(
      text: "monthly 15th 10:00", rrule: "FREQ=MONTHLY;BYMONTHDAY=15",
      first: [
        "2026-01-15T10:00:00-05:00", "2026-02-15T10:00:00-05:00", "2026-03-15T10:00:00-04:00",
      ]
    ),
    Case(
      text: "monthly first mon 10:00", rrule: "FREQ=MONTHLY;BYDAY=1MO",
      first: [
        "2026-01-05T10:00:00-05:00", "2026-02-02T10:00:00-05:00", "2026-03-02T10:00:00-05:00",
      ]
    ),
    Case(
      text: "monthly second tue", rrule: "FREQ=MONTHLY;BYDAY=2TU",
      first: [
        "2026-01-13T08:00:00-05:00", "2026-02-10T08:00:00-05:00", "2026-03-10T08:00:00-04:00",
      ]
    ),
    Case(
      text: "monthly last fri 16:00", rrule: "FREQ=MONTHLY;BYDAY=-1FR",
      first: [
        "2026-01-30T16:00:00-05:00", "2026-02-27T16:00:00-05:00", "2026-03-27T16:00:00-04:00",
      ]
    ),
    Case(
      text: "monthly last business day", rrule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      first: [
        "2026-01-30T08:00:00-05:00", "2026-02-27T08:00:00-05:00", "2026-03-31T08:00:00-04:00",
      ]
    ),
    Case(
      text: "quarterly first mon 09:30", rrule: "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO",
      first: [
        "2026-01-05T09:30:00-05:00", "2026-04-06T09:30:00-04:00", "2026-07-06T09:30:00-04:00",
        "2026-10-05T09:30:00-04:00",
      ]
    ),
    Case(
      text: "quarterly last business day 16:00",
      rrule: "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      first: [
        "2026-03-31T16:00:00-04:00", "2026-06-30T16:00:00-04:00", "2026-09-30T16:00:00-04:00",
        "2026-12-31T16:00:00-05:00",
      ]
    ),
    Case(
      text: "yearly jan 15 10:00", rrule: "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15",
      first: [
        "2026-01-15T10:00:00-05:00", "2027-01-15T10:00:00-05:00", "2028-01-15T10:00:00-05:00",
      ]
    ),
  ]

  @Test(arguments: cases)
  func compilesAndExpands(_ form: Case) throws {
    let compiled = try Rule.compile(form.text)
    #expect(compiled.rule.description == form.rrule)
    let occurrences = try CadenceFixture.instants(
      form.text, start: "2026-01-01T08:00", limit: form.first.count)
    #expect(occurrences == form.first)
    // The compiled RRULE with the compiled start expands the same way.
    let start = compiled.start(on: CadenceFixture.local("2026-01-01T08:00"))
    let again = try CadenceFixture.instants(
      form.rrule, start: start.description, limit: form.first.count)
    #expect(again == form.first)
  }

  @Test func timesAndSpellings() throws {
    #expect(try Rule.compile("weekly mon 10:00").time == TimeOfDay(hour: 10, minute: 0))
    #expect(try Rule.compile("monthly second tue").time == nil)
    #expect(try Rule.compile("Weekly Monday at 9:30").time == TimeOfDay(hour: 9, minute: 30))
    #expect(try Rule.compile("weekly mon, thu").rule.description == "FREQ=WEEKLY;BYDAY=MO,TH")
    #expect(try Rule.compile("weekly mon-fri").rule == Rule.compile("weekdays").rule)
    #expect(
      try Rule.compile("every other week tue").rule.description == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    )
    #expect(try Rule.compile("monthly last day").rule.description == "FREQ=MONTHLY;BYMONTHDAY=-1")
    #expect(
      try Rule.compile("yearly 29 feb").rule.description == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")
    #expect(try Rule.compile("RRULE:FREQ=DAILY;COUNT=3").rule.description == "FREQ=DAILY;COUNT=3")
  }

  @Test(arguments: [
    ("weekly mnday", "cannot read 'weekly mnday': try 'weekly mon 10:00'"),
    (
      "weekly mon 25:00",
      "cannot read 'weekly mon 25:00': '25:00' is not a time of day (try 'weekly mon 10:00')"
    ),
    ("montly first mon", "cannot read 'montly first mon': try 'monthly first mon 10:00'"),
    (
      "monthly last busines day",
      "cannot read 'monthly last busines day': try 'monthly last business day 16:00'"
    ),
    ("monthly 32nd", "cannot read 'monthly 32nd': try 'monthly 15th 10:00'"),
    ("monthly last fry", "cannot read 'monthly last fry': try 'monthly last fri 16:00'"),
    ("quartely first mon", "cannot read 'quartely first mon': try 'quarterly first mon 09:30'"),
    ("every 2 wekks thu", "cannot read 'every 2 wekks thu': try 'every 2 weeks thu 16:00'"),
    ("yearly feb 30", "cannot read 'yearly feb 30': try 'yearly jan 15 10:00'"),
    ("dayly 9:00", "cannot read 'dayly 9:00': try 'daily 09:00'"),
    ("banana", "cannot read 'banana': try 'weekly mon 10:00'"),
  ])
  func rejectsWithTheClosestExample(_ text: String, _ message: String) {
    #expect(throws: RhythmError.invalidRule(message)) { try Rule.compile(text) }
  }

  @Test(arguments: [
    ("weekly mon 10:00", "every Monday at 10:00"),
    ("weekly mon,thu 10:00", "every Monday and Thursday at 10:00"),
    ("weekdays 09:15", "every weekday at 09:15"),
    ("daily 09:00", "every day at 09:00"),
    ("every 2 weeks thu 16:00", "every 2 weeks on Thursday at 16:00"),
    ("monthly 15th 10:00", "the 15th of each month at 10:00"),
    ("monthly first mon 10:00", "the first Monday of each month at 10:00"),
    ("monthly last fri 16:00", "the last Friday of each month at 16:00"),
    ("monthly last business day 17:00", "the last business day of each month at 17:00"),
    ("quarterly first mon 09:30", "the first Monday of each quarter at 09:30"),
    ("quarterly last business day 16:00", "the last business day of each quarter at 16:00"),
    ("yearly jan 15 10:00", "every year on January 15 at 10:00"),
    ("FREQ=MONTHLY;BYDAY=-2MO", "the second-to-last Monday of each month at 10:00"),
    ("FREQ=WEEKLY;COUNT=4;BYDAY=TU", "every Tuesday at 10:00, 4 times"),
    ("FREQ=MONTHLY;BYDAY=1MO,3MO", "by the rule FREQ=MONTHLY;BYDAY=1MO,3MO at 10:00"),
  ])
  func describesInWords(_ text: String, _ words: String) throws {
    let compiled = try Rule.compile(text)
    #expect(compiled.rule.describe(at: compiled.time ?? TimeOfDay(hour: 10, minute: 0)) == words)
  }
}
