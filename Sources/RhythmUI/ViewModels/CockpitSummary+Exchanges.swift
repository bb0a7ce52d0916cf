import Foundation
import RhythmCore

extension CockpitSummary {
  /// Puts the window's exchanges, given and received, on the owner and team rows (the same
  /// counts `rhythm stats --by owner|team` prints), adding a row for each person or team that
  /// has exchanges but no steps.
  mutating func countExchanges(data: StoreState, today: Day, timeZone: TimeZone) {
    let window = InsightWindow.ending(on: today, weeks: Self.windowWeeks)
    var teamsByOwner: [String: [String]] = [:]
    for person in data.people.values where person.isLive {
      teamsByOwner[person.handle] = person.teams
    }
    func counts(_ grouping: InsightGrouping) -> [String: (given: Int, received: Int)] {
      Insights.exchangeCounts(
        data.exchanges.values, by: grouping, window: window, timeZone: timeZone,
        teamsByOwner: teamsByOwner)
    }
    owners = Self.adding(counts(.owner), to: owners)
    teams = Self.adding(counts(.team), to: teams)
  }

  /// `rows` with their counts, plus a row for each key that only has exchanges; by key.
  private static func adding(_ counts: [String: (given: Int, received: Int)], to rows: [Rate])
    -> [Rate]
  {
    guard !counts.isEmpty else { return rows }
    var result = rows.map { row in
      var row = row
      row.given = counts[row.key]?.given ?? 0
      row.received = counts[row.key]?.received ?? 0
      return row
    }
    let listed = Set(rows.map(\.key))
    for (key, count) in counts where !listed.contains(key) {
      result.append(
        Rate(
          key: key, open: 0, overdue: 0, dueThisWeek: 0, due: 0, onTimeRate: nil, trend: [],
          given: count.given, received: count.received))
    }
    return result.sorted { $0.key < $1.key }
  }
}
