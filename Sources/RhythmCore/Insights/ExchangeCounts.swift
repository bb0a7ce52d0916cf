import Foundation

extension Insights {
  /// Exchanges logged in `window`, given and received, per person (`.owner`) or team
  /// (`.team`): an exchange from a person counts for each of their teams, one from a team for
  /// that team; a person or team on both ends counts once each way. Cadence rows have none.
  public static func exchangeCounts(
    _ exchanges: some Sequence<Exchange>, by grouping: InsightGrouping, window: InsightWindow,
    timeZone: TimeZone, teamsByOwner: [String: [String]]
  ) -> [String: (given: Int, received: Int)] {
    var counts: [String: (given: Int, received: Int)] = [:]
    for exchange in exchanges
    where exchange.isLive && window.contains(Day(containing: exchange.createdAt, in: timeZone)) {
      for key in keys(of: exchange.from, grouping, teamsByOwner) {
        counts[key, default: (0, 0)].given += 1
      }
      for key in keys(of: exchange.to, grouping, teamsByOwner) {
        counts[key, default: (0, 0)].received += 1
      }
    }
    return counts
  }

  /// `rows` with their exchange counts, and a row for each person or team that only has
  /// exchanges; sorted by key.
  public static func adding<Row: ExchangeCountedRow>(
    _ counts: [String: (given: Int, received: Int)], to rows: [Row]
  ) -> [Row] {
    var result = rows.map { row in
      var counted = row
      counted.given = counts[row.key]?.given ?? 0
      counted.received = counts[row.key]?.received ?? 0
      return counted
    }
    let keys = Set(rows.map(\.key))
    for (key, count) in counts where !keys.contains(key) {
      var row = Row(exchangesOnly: key)
      row.given = count.given
      row.received = count.received
      result.append(row)
    }
    return result.sorted { $0.key < $1.key }
  }

  /// The row keys a party of an exchange counts under: a person is their own key by owner and
  /// their teams' by team; a team (a name that is no person's handle) counts only by team.
  private static func keys(
    of party: String, _ grouping: InsightGrouping, _ teamsByOwner: [String: [String]]
  ) -> [String] {
    let teams = teamsByOwner[party]
    switch grouping {
    case .owner: return teams == nil ? [] : [party]
    case .team: return teams ?? [party]
    case .cadence: return []
    }
  }
}

/// A row of figures per person or team that exchanges are counted onto.
public protocol ExchangeCountedRow {
  /// The handle or team name.
  var key: String { get }
  /// Exchanges given.
  var given: Int { get set }
  /// Exchanges received.
  var received: Int { get set }
  /// A row for `key` with nothing but exchanges.
  init(exchangesOnly key: String)
}

extension InsightRow: ExchangeCountedRow {
  /// A row for `key` with nothing but exchanges.
  public init(exchangesOnly key: String) {
    self.init(key: key, due: 0, done: 0, onTime: 0, overdue: 0, given: 0, received: 0)
  }
}
