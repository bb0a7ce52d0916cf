import Foundation
import Testing

@testable import RhythmCore

@Suite("RRULE text")
struct RuleTextTests {
  @Test(arguments: [
    ("RRULE:FREQ=monthly;byday=-1fr", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("BYDAY=TH,MO;INTERVAL=2;FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"),
    ("FREQ=WEEKLY;INTERVAL=1;WKST=MO", "FREQ=WEEKLY"),
    ("FREQ=WEEKLY;WKST=SU;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2;WKST=SU"),
    ("FREQ=MONTHLY;BYMONTHDAY=-1,1,15", "FREQ=MONTHLY;BYMONTHDAY=1,15,-1"),
    ("FREQ=MONTHLY;BYSETPOS=-1,1;BYDAY=MO,TU", "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,-1"),
    (
      "FREQ=YEARLY;BYMONTH=6,7;COUNT=10;UNTIL=", ""
    ),
    ("FREQ=DAILY;UNTIL=19971224T000000Z", "FREQ=DAILY;UNTIL=19971224T000000Z"),
    ("FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231"),
    ("FREQ=DAILY;UNTIL=20261231T170000", "FREQ=DAILY;UNTIL=20261231T170000"),
    ("FREQ=YEARLY;COUNT=10;BYMONTH=7,6", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7"),
  ])
  func printsCanonically(_ text: String, _ canonical: String) throws {
    if canonical.isEmpty {
      #expect(throws: RhythmError.self) { try Rule(rrule: text) }
    } else {
      let rule = try Rule(rrule: text)
      #expect(rule.description == canonical)
      #expect(try Rule(rrule: rule.description) == rule)
    }
  }

  @Test(arguments: [
    ("FREQ=HOURLY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
    ("FREQ=DAILY;BYHOUR=9", "BYHOUR is not supported"),
    ("INTERVAL=2", "FREQ is missing"),
    ("FREQ=DAILY;COUNT=3;UNTIL=20261231", "COUNT and UNTIL cannot both be given"),
    ("FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO needs FREQ=MONTHLY or YEARLY"),
    ("FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY cannot be used with FREQ=WEEKLY"),
    ("FREQ=MONTHLY;BYDAY=6MO", "the ordinal must be 1…5"),
    ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0: expected"),
    ("FREQ=MONTHLY;BYMONTH=13", "BYMONTH=13: expected"),
    ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BYxxx part"),
    ("FREQ=DAILY;COUNT=0", "COUNT=0: expected"),
    ("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice"),
    ("FREQ=DAILY;UNTIL=2026-12-31", "UNTIL=2026-12-31: expected"),
  ])
  func rejectsWithAReason(_ text: String, _ reason: String) {
    do {
      _ = try Rule(rrule: text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.description.contains(reason), "\(error)")
      #expect(error.description.hasPrefix("cannot read '\(text)'"))
    }
  }
}
