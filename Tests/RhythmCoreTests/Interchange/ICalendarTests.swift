import Foundation
import Testing

@testable import RhythmCore

@Suite("iCalendar export")
struct ICalendarTests {
  static let stamp = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()
  static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current

  static func cadence(rule: String = "FREQ=WEEKLY;BYDAY=MO") -> Cadence {
    Cadence(
      id: "01cad", title: "Marketing weekly; all hands", rule: rule, start: "2026-03-02T10:00:00",
      timeZone: "Europe/Berlin", durationMinutes: 90, facilitator: "maria",
      participants: ["maria", "sam"],
      agenda: [AgendaSection("Check-in", minutes: 5), AgendaSection("Topics, open", minutes: 85)])
  }

  static func review(
    _ id: String, _ occurrence: String, _ status: Review.Status, movedTo: String? = nil
  )
    -> Review
  {
    var review = Review(
      id: id, cadence: "01cad", occurrence: ISOInstant.parse(occurrence) ?? Date(), status: status)
    review.movedTo = movedTo.flatMap { ISOInstant.parse($0) }
    return review
  }

  static let people = [
    "maria": Person(handle: "maria", name: "Maria Lopez", email: "maria@example.com")
  ]

  static func unfolded(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
  }

  @Test func oneEventWithZoneDurationRuleExdatesAndAMovedInstance() throws {
    let reviews = [
      Self.review("r1", "2026-11-30T09:00:00Z", .skipped),
      Self.review("r2", "2026-12-07T09:00:00Z", .moved, movedTo: "2026-12-08T13:00:00Z"),
      Self.review("r3", "2026-12-14T09:00:00Z", .skipped),
      Self.review("r4", "2026-09-07T08:00:00Z", .skipped),  // before the window
      Self.review("r5", "2026-11-23T09:00:00Z", .held),
    ]
    let text = try ICalendar.document(
      cadences: [Self.cadence()], reviews: reviews, people: Self.people, stamp: Self.stamp,
      exceptionsFrom: Self.stamp.addingTimeInterval(-8 * 7 * 86_400))
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let lines = Self.unfolded(text)
    let events = lines.indices.filter { lines[$0] == "BEGIN:VEVENT" }
    #expect(events.count == 2)
    let main = Array(lines[events[0]...].prefix { $0 != "END:VEVENT" })
    #expect(
      main == [
        "BEGIN:VEVENT", "UID:01cad@rhythm", "DTSTAMP:20261125T090000Z",
        "DTSTART;TZID=Europe/Berlin:20260302T100000", "DURATION:PT1H30M",
        "RRULE:FREQ=WEEKLY;BYDAY=MO",
        "EXDATE;TZID=Europe/Berlin:20261130T100000,20261214T100000",
        "SUMMARY:Marketing weekly\\; all hands",
        "DESCRIPTION:Agenda:\\nCheck-in (5 min)\\nTopics\\, open (85 min)",
        "ORGANIZER;CN=Maria Lopez:mailto:maria@example.com",
        "ATTENDEE;CN=Maria Lopez:mailto:maria@example.com",
        "ATTENDEE;CN=sam:mailto:sam@rhythm.invalid",
      ])
    let moved = Array(lines[events[1]...].prefix { $0 != "END:VEVENT" })
    #expect(moved.contains("RECURRENCE-ID;TZID=Europe/Berlin:20261207T100000"))
    #expect(moved.contains("DTSTART;TZID=Europe/Berlin:20261208T140000"))
    #expect(moved.contains("UID:01cad@rhythm"))
    #expect(!moved.contains { $0.hasPrefix("RRULE") })
  }

  @Test func timeZoneHasTheTransitionsInBetween() throws {
    let text = try ICalendar.document(
      cadences: [Self.cadence()], reviews: [], people: [:], stamp: Self.stamp)
    let lines = Self.unfolded(text)
    guard let begin = lines.firstIndex(of: "BEGIN:VTIMEZONE"),
      let end = lines.firstIndex(of: "END:VTIMEZONE")
    else {
      Issue.record("no VTIMEZONE")
      return
    }
    let zone = Array(lines[begin...end])
    #expect(zone[1] == "TZID:Europe/Berlin")
    // Spring forward 2026-03-29 02:00 CET, fall back 2026-10-25 03:00 CEST.
    let spring = zone.firstIndex(of: "DTSTART:20260329T020000")
    let autumn = zone.firstIndex(of: "DTSTART:20261025T030000")
    #expect(spring != nil && autumn != nil)
    if let spring, let autumn {
      #expect(zone[spring - 1] == "BEGIN:DAYLIGHT")
      #expect(zone[spring + 1] == "TZOFFSETFROM:+0100")
      #expect(zone[spring + 2] == "TZOFFSETTO:+0200")
      #expect(zone[autumn - 1] == "BEGIN:STANDARD")
      #expect(zone[autumn + 1] == "TZOFFSETFROM:+0200")
      #expect(zone[autumn + 2] == "TZOFFSETTO:+0100")
    }
  }

  @Test func dtstartIsTheFirstOccurrenceNotAStartTheRuleSkips() throws {
    var cadence = Self.cadence()
    cadence.start = "2026-11-25T10:00:00"  // a Wednesday; the rule picks Mondays
    let lines = Self.unfolded(
      try ICalendar.document(cadences: [cadence], reviews: [], people: [:], stamp: Self.stamp))
    #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20261130T100000"))
    let none = Self.cadence(rule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260301")  // before the start
    let empty = try ICalendar.document(
      cadences: [none], reviews: [], people: [:], stamp: Self.stamp)
    #expect(!empty.contains("BEGIN:VEVENT"))
  }

  @Test func untilBecomesUTC() throws {
    let day = try Self.cadence(rule: "FREQ=WEEKLY;UNTIL=20261231;BYDAY=MO").schedule()
    #expect(ICalendar.rrule(day) == "FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=MO")
    let summer = try Self.cadence(rule: "FREQ=WEEKLY;UNTIL=20260701T100000;BYDAY=MO").schedule()
    #expect(ICalendar.rrule(summer) == "FREQ=WEEKLY;UNTIL=20260701T080000Z;BYDAY=MO")
  }

  @Test func removedCadencesAreLeftOut() throws {
    var gone = Self.cadence()
    gone.deleted = true
    let text = try ICalendar.document(cadences: [gone], reviews: [], people: [:], stamp: Self.stamp)
    #expect(!text.contains("BEGIN:VEVENT"))
    #expect(!text.contains("BEGIN:VTIMEZONE"))
  }

  @Test func foldingKeepsLinesWithin75OctetsAndUTF8Whole() {
    for line in [
      "DESCRIPTION:" + String(repeating: "abcdefghij", count: 20),
      "SUMMARY:" + String(repeating: "é€", count: 60),
      "SUMMARY:" + String(repeating: "🎯", count: 40),
      "SHORT:line",
    ] {
      let folded = ICalendar.fold(line)
      let physical = folded.components(separatedBy: "\r\n")
      for (index, part) in physical.enumerated() {
        #expect(part.utf8.count <= 75, "\(part)")
        if index > 0 { #expect(part.hasPrefix(" ")) }
      }
      #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
    let ascii = ICalendar.fold(String(repeating: "x", count: 150)).components(separatedBy: "\r\n")
    #expect(ascii.map(\.utf8.count) == [75, 75, 2])
  }

  @Test func valuesAreEscapedAndDurationsWritten() {
    #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    #expect(ICalendar.duration(minutes: 90) == "PT1H30M")
    #expect(ICalendar.duration(minutes: 45) == "PT45M")
    #expect(ICalendar.duration(minutes: 120) == "PT2H")
    #expect(ICalendar.parameter("Lopez, Maria") == "\"Lopez, Maria\"")
    #expect(ICalendar.offsetText(-16_200) == "-0430")
  }
}
