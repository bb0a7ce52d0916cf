import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Cockpit delivery figures in one pass")
struct CockpitSummaryDeliveryTests {
  /// The figures as `Insights.rows` and `Insights.trend` give them over every live step.
  private func expectedRates(_ data: StoreState, now: Date, timeZone: TimeZone) -> (
    owners: [CockpitSummary.Rate], teams: [CockpitSummary.Rate], overall: Double?
  ) {
    let today = Day(containing: now, in: timeZone)
    let endOfWeek = today.adding(days: 7 - today.isoWeekday)
    let live = data.steps.values.filter { $0.isLive && $0.status == .open }
    var open: [String: Int] = [:]
    var overdue: [String: Int] = [:]
    var week: [String: Int] = [:]
    for step in live {
      open[step.owner, default: 0] += 1
      if step.due < today {
        overdue[step.owner, default: 0] += 1
      } else if step.due <= endOfWeek {
        week[step.owner, default: 0] += 1
      }
    }
    let facts = StepFacts.all(in: data)
    let window = InsightWindow.ending(on: today, weeks: CockpitSummary.windowWeeks)
    var teamsByOwner: [String: [String]] = [:]
    for person in data.people.values where person.isLive { teamsByOwner[person.id] = person.teams }
    let ownerRows = Insights.rows(
      for: facts, by: .owner, window: window, now: now, timeZone: timeZone,
      teamsByOwner: teamsByOwner)
    let teamRows = Insights.rows(
      for: facts, by: .team, window: window, now: now, timeZone: timeZone,
      teamsByOwner: teamsByOwner)
    let byOwner = Dictionary(grouping: facts, by: \.owner)
    let keys = Set(teamsByOwner.keys).union(open.keys).sorted()
    let owners = keys.map { key in
      let row = ownerRows.first { $0.key == key }
      return CockpitSummary.Rate(
        key: key, open: open[key] ?? 0, overdue: overdue[key] ?? 0, dueThisWeek: week[key] ?? 0,
        due: row?.due ?? 0, onTimeRate: row?.onTimeRate,
        trend: Insights.trend(
          for: byOwner[key] ?? [], weeks: 12, endingOn: today, timeZone: timeZone))
    }
    let teams = teamRows.map { row in
      let members = teamsByOwner.filter { $0.value.contains(row.key) }.map(\.key)
      return CockpitSummary.Rate(
        key: row.key, open: members.reduce(0) { $0 + (open[$1] ?? 0) },
        overdue: members.reduce(0) { $0 + (overdue[$1] ?? 0) },
        dueThisWeek: members.reduce(0) { $0 + (week[$1] ?? 0) }, due: row.due,
        onTimeRate: row.onTimeRate,
        trend: Insights.trend(
          for: members.flatMap { byOwner[$0] ?? [] }, weeks: 12, endingOn: today,
          timeZone: timeZone))
    }
    // Exchanges as `rhythm stats` counts them.
    func counted(_ rates: [CockpitSummary.Rate], _ grouping: InsightGrouping)
      -> [CockpitSummary.Rate]
    {
      let counts = Insights.exchangeCounts(
        data.exchanges.values, by: grouping, window: window, timeZone: timeZone,
        teamsByOwner: teamsByOwner)
      return rates.map { rate in
        var rate = rate
        rate.given = counts[rate.key]?.given ?? 0
        rate.received = counts[rate.key]?.received ?? 0
        return rate
      }
    }
    let due = ownerRows.reduce(0) { $0 + $1.due }
    let onTime = ownerRows.reduce(0) { $0 + $1.onTime }
    return (
      counted(owners, .owner), counted(teams, .team), due > 0 ? Double(onTime) / Double(due) : nil
    )
  }

  @Test("owners, teams and the overall rate match the insights, across days and time zones")
  func matchesInsights() throws {
    let zones = ["UTC", "America/Los_Angeles", "Asia/Kolkata"].compactMap(
      TimeZone.init(identifier:))
    #expect(zones.count == 3)
    for zone in zones {
      for days in [-40, -7, 0, 3, 30] {
        let now = Fixtures.now.addingTimeInterval(Double(days) * 86_400)
        let summary = CockpitSummary(data: Fixtures.demoData, now: now, timeZone: zone)
        let expected = expectedRates(Fixtures.demoData, now: now, timeZone: zone)
        #expect(summary.owners == expected.owners, "\(zone.identifier) \(days)")
        #expect(summary.teams == expected.teams, "\(zone.identifier) \(days)")
        #expect(summary.overallRate == expected.overall, "\(zone.identifier) \(days)")
      }
    }
    let summary = CockpitSummary(data: Fixtures.demoData, now: Fixtures.now, timeZone: Fixtures.utc)
    #expect(summary.owners.contains { $0.due > 0 && $0.onTimeRate != nil })
    #expect(!summary.teams.isEmpty)
    #expect(summary.teams.contains { $0.given > 0 }, "the demo's exchanges are counted")
  }
}
