import Foundation
import Testing

@testable import RhythmCore

private func day(_ text: String) -> Day {
  guard let day = Day.parse(text) else {
    Issue.record("not a day: \(text)")
    return Day(ordinal: 0)
  }
  return day
}

private func instant(_ text: String) -> Date {
  guard let date = ISOInstant.parse(text) else {
    Issue.record("not an instant: \(text)")
    return Date(timeIntervalSince1970: 0)
  }
  return date
}

private func fact(
  _ owner: String, _ due: String, _ status: Step.Status, _ completedAt: String? = nil,
  _ cadence: String? = nil
) -> StepFacts {
  StepFacts(
    owner: owner, due: day(due), status: status, completedAt: completedAt.map(instant),
    cadence: cadence)
}

/// A hand-built set in New York (UTC-5 in November).
///
/// Now is Wednesday 2026-11-25 10:00 local;
/// the window is the two weeks ending today: 2026-11-12 … 2026-11-25.
private enum Sample {
  static let zone = TimeZone(identifier: "America/New_York") ?? .gmt
  static let now = instant("2026-11-25T15:00:00Z")
  static let today = day("2026-11-25")
  static let window = InsightWindow.ending(on: today, weeks: 2)
  /// ana is in two teams, ben in one, cal in none.
  static let teams = ["ana": ["marketing", "sales"], "ben": ["sales"], "cal": []]

  static let facts = [
    // 1. ana: due on the window's first day, done that afternoon: due, done, on time.
    fact("ana", "2026-11-12", .done, "2026-11-12T20:00:00Z", "pipe"),
    // 2. ana: due the day before the window (done late): outside the window, counts nowhere.
    fact("ana", "2026-11-11", .done, "2026-11-13T15:00:00Z", "pipe"),
    // 3. ana: done at 23:59 New York time on the due day (04:59Z the next day): on time.
    fact("ana", "2026-11-20", .done, "2026-11-21T04:59:00Z", "weekly"),
    // 4. ana: done at 00:00 New York time the day after: done, late.
    fact("ana", "2026-11-20", .done, "2026-11-21T05:00:00Z", "weekly"),
    // 5. ana: dropped: counts nowhere.
    fact("ana", "2026-11-18", .dropped, "2026-11-17T12:00:00Z", "pipe"),
    // 6. ben: due today (the window's last day), still open: due, not overdue yet.
    fact("ben", "2026-11-25", .open, nil, "pipe"),
    // 7. ben: open since October, outside the window, from no cadence: overdue only.
    fact("ben", "2026-10-01", .open),
    // 8. ben: due in the window, done after the window ended: due, done, late.
    fact("ben", "2026-11-16", .done, "2026-11-30T12:00:00Z", "pipe"),
    // 9. ben: due yesterday, open: due and overdue.
    fact("ben", "2026-11-24", .open, nil, "weekly"),
    // 10. cal (no team, no cadence): due, done, on time.
    fact("cal", "2026-11-13", .done, "2026-11-13T18:00:00Z"),
    // 11. dan: due tomorrow, open: nothing due in the window, nothing overdue, so no row.
    fact("dan", "2026-11-26", .open, nil, "pipe"),
  ]
}

@Suite("Insights")
struct InsightsTests {
  @Test func windowEndsOnTheDayGiven() {
    #expect(Sample.window == InsightWindow(start: day("2026-11-12"), end: day("2026-11-25")))
    let quarter = InsightWindow.ending(on: Sample.today, weeks: 13)
    #expect(quarter.start == day("2026-08-27"))  // 25 Nov − 91 days + 1
    #expect(quarter.end == Sample.today)
  }

  @Test func windowParsing() throws {
    for weeks in [4, 13, 26, 52, 7] {
      #expect(
        try InsightWindow.parse("\(weeks)w", today: Sample.today)
          == InsightWindow.ending(on: Sample.today, weeks: weeks))
    }
    #expect(try InsightWindow.parse(" 13W ", today: Sample.today).start == day("2026-08-27"))
    for text in ["13", "w", "0w", "13d", "-4w", "999w", "abc", ""] {
      #expect(throws: RhythmError.self) { try InsightWindow.parse(text, today: Sample.today) }
    }
  }

  @Test func rowsByOwner() {
    let rows = Insights.rows(
      for: Sample.facts, by: .owner, window: Sample.window, now: Sample.now,
      timeZone: Sample.zone, teamsByOwner: Sample.teams)
    #expect(
      rows == [
        // ana: 1, 3, 4 due; all done; 1 and 3 on time.
        InsightRow(key: "ana", due: 3, done: 3, onTime: 2, overdue: 0),
        // ben: 6, 8, 9 due; 8 done late; 7 and 9 overdue.
        InsightRow(key: "ben", due: 3, done: 1, onTime: 0, overdue: 2),
        // cal: 10.
        InsightRow(key: "cal", due: 1, done: 1, onTime: 1, overdue: 0),
      ])
    #expect(rows[0].completionRate == 1.0)
    #expect(rows[0].onTimeRate == 2.0 / 3.0)
    #expect(rows[1].completionRate == 1.0 / 3.0)
    #expect(rows[1].onTimeRate == 0.0)
  }

  @Test func rowsByTeamCountAPersonInBothTeams() {
    let rows = Insights.rows(
      for: Sample.facts, by: .team, window: Sample.window, now: Sample.now,
      timeZone: Sample.zone, teamsByOwner: Sample.teams)
    #expect(
      rows == [
        // marketing = ana.
        InsightRow(key: "marketing", due: 3, done: 3, onTime: 2, overdue: 0),
        // sales = ana + ben: 3 + 3 due, 3 + 1 done, 2 + 0 on time, 0 + 2 overdue.
        InsightRow(key: "sales", due: 6, done: 4, onTime: 2, overdue: 2),
      ])
  }

  @Test func rowsByCadenceLeaveOutStepsFromNoCadence() {
    let rows = Insights.rows(
      for: Sample.facts, by: .cadence, window: Sample.window, now: Sample.now,
      timeZone: Sample.zone, teamsByOwner: Sample.teams)
    #expect(
      rows == [
        // pipe: 1 (on time), 6 (open), 8 (late); 2 is outside, 5 dropped, 11 not due yet.
        InsightRow(key: "pipe", due: 3, done: 2, onTime: 1, overdue: 0),
        // weekly: 3 (on time), 4 (late), 9 (open, overdue).
        InsightRow(key: "weekly", due: 3, done: 2, onTime: 1, overdue: 1),
      ])
  }

  @Test func onTimeIsJudgedInTheGivenZone() {
    // In UTC, step 3 (04:59Z on the 21st) is a day late: ana has one on-time step, not two.
    let rows = Insights.rows(
      for: Sample.facts, by: .owner, window: Sample.window, now: Sample.now,
      timeZone: TimeZone(identifier: "UTC") ?? .gmt, teamsByOwner: Sample.teams)
    #expect(rows.first == InsightRow(key: "ana", due: 3, done: 3, onTime: 1, overdue: 0))
  }

  @Test func ratesAreNilWhenNothingWasDue() {
    let rows = Insights.rows(
      for: [fact("ben", "2026-10-01", .open)], by: .owner, window: Sample.window,
      now: Sample.now, timeZone: Sample.zone, teamsByOwner: [:])
    #expect(rows == [InsightRow(key: "ben", due: 0, done: 0, onTime: 0, overdue: 1)])
    #expect(rows[0].completionRate == nil)
    #expect(rows[0].onTimeRate == nil)
  }

  @Test func weeklyTrend() {
    // ISO weeks ending with the week of Wed 25 Nov (counted through the 25th):
    // 2–8 Nov: nothing due. 9–15 Nov: 1 on time, 2 late, 10 on time → 2/3.
    // 16–22 Nov: 3 on time, 4 late, 8 late (5 dropped) → 1/3. 23–25 Nov: 6, 9 open → 0.
    let trend = Insights.trend(
      for: Sample.facts, weeks: 4, endingOn: Sample.today, timeZone: Sample.zone)
    #expect(trend == [nil, 2.0 / 3.0, 1.0 / 3.0, 0.0])
    #expect(
      Insights.trend(for: Sample.facts, weeks: 0, endingOn: Sample.today, timeZone: Sample.zone)
        .isEmpty)
  }

  @Test func factsFromAStoreStateSkipDeletedStepsAndFollowTheReview() {
    var state = StoreState()
    let created = instant("2026-11-01T09:00:00Z")
    state.reviews["r1"] = Review(id: "r1", cadence: "pipe", occurrence: created, status: .held)
    var kept = Step(
      id: "s1", title: "Kept", owner: "ana", due: day("2026-11-20"), createdAt: created,
      review: "r1")
    kept.status = .done
    kept.completedAt = instant("2026-11-19T10:00:00Z")
    var removed = Step(
      id: "s2", title: "Removed", owner: "ana", due: day("2026-11-20"), createdAt: created)
    removed.deleted = true
    state.steps = ["s1": kept, "s2": removed]
    #expect(
      StepFacts.all(in: state)
        == [
          StepFacts(
            owner: "ana", due: day("2026-11-20"), status: .done, completedAt: kept.completedAt,
            cadence: "pipe")
        ])
  }

  @Test func manyStepsAddUp() {
    let facts = (0..<100_000).map { index in
      fact(
        "p\(index % 40)", Day(ordinal: Sample.today.ordinal - Int32(index % 200)).description,
        index % 3 == 0 ? .open : .done, "2026-11-20T12:00:00Z", "c\(index % 5)")
    }
    let rows = Insights.rows(
      for: facts, by: .team, window: InsightWindow.ending(on: Sample.today, weeks: 13),
      now: Sample.now, timeZone: Sample.zone,
      teamsByOwner: Dictionary(uniqueKeysWithValues: (0..<40).map { ("p\($0)", ["t\($0 % 4)"]) }))
    #expect(rows.count == 4)
    // Due days cycle over 200 days, 91 of which are in the window: 500 steps each.
    let due = rows.map(\.due).reduce(0, +)
    #expect(due == 45_500)
  }
}
