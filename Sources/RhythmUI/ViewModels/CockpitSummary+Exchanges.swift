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
    owners = Insights.adding(counts(.owner), to: owners)
    teams = Insights.adding(counts(.team), to: teams)
  }
}

extension CockpitSummary.Rate: ExchangeCountedRow {
  /// A row for `key` with nothing but exchanges.
  public init(exchangesOnly key: String) {
    self.init(key: key, open: 0, overdue: 0, dueThisWeek: 0, due: 0, onTimeRate: nil, trend: [])
  }
}
