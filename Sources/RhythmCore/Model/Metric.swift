import Foundation

/// A shared number on the scorecard: one value per period against a target.
public struct Metric: Record, Hashable {
  /// Which way is good.
  public enum Direction: String, Codable, Sendable {
    case higherIsBetter = "up"
    case lowerIsBetter = "down"
  }

  /// How often the metric takes a value.
  public enum Period: String, Codable, Sendable {
    case week, month
  }

  public static let kind = RecordKind.metric
  public var id: String
  public var name: String
  public var owner: String
  public var unit: String
  public var target: Double
  public var direction: Direction
  public var period: Period
  /// Values by the first day of their period (`YYYY-MM-DD`). Each period is its own field
  /// (`values.2026-11-23`), so two people entering different weeks never collide.
  public var values: [String: Double]
  public var deleted: Bool?

  /// A metric with no values yet.
  public init(
    id: String, name: String, owner: String, unit: String, target: Double,
    direction: Direction = .higherIsBetter, period: Period = .week
  ) {
    self.id = id
    self.name = name
    self.owner = owner
    self.unit = unit
    self.target = target
    self.direction = direction
    self.period = period
    self.values = [:]
  }

  /// Whether `value` meets the target.
  public func isOnTrack(_ value: Double) -> Bool {
    direction == .higherIsBetter ? value >= target : value <= target
  }

  /// How a value reads on the scorecard.
  public enum Light: String, Sendable {
    /// On target.
    case green
    /// Off target by at most a tenth of it.
    case amber
    /// Further off.
    case red
  }

  /// Green on target, amber within a tenth of the target of it, red further off.
  public func light(_ value: Double) -> Light {
    if isOnTrack(value) { return .green }
    return abs(value - target) <= abs(target) * 0.1 ? .amber : .red
  }

  /// The first day of the period that contains `day`: the Monday for weeks, the 1st for months.
  public func periodStart(containing day: Day) -> Day {
    switch period {
    case .week: return day.adding(days: 1 - day.isoWeekday)
    case .month:
      let (year, month, _) = day.components
      return Day(year: year, month: month, day: 1) ?? day
    }
  }

  /// A value as people read it: whole numbers without decimals, others with two.
  public static func format(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15
      ? String(Int(value)) : String(format: "%.2f", value)
  }

  /// The values in period order, oldest first.
  public var orderedValues: [(period: Day, value: Double)] {
    values.compactMap { key, value in Day.parse(key).map { ($0, value) } }
      .sorted { $0.period < $1.period }
  }
}

/// A quarterly priority with an owner and a status.
public struct Priority: Record, Hashable {
  /// Where a priority stands.
  public enum Status: String, Codable, Sendable, CaseIterable {
    case onTrack = "on-track"
    case offTrack = "off-track"
    case done
    /// No longer pursued.
    case dropped
  }

  public static let kind = RecordKind.priority
  public var id: String
  public var title: String
  public var owner: String
  /// `2026-Q4` (see `Quarter`).
  public var quarter: String
  public var status: Status
  public var team: String?
  public var deleted: Bool?

  /// A priority for `quarter`, on track.
  public init(
    id: String, title: String, owner: String, quarter: String, status: Status = .onTrack,
    team: String? = nil
  ) {
    self.id = id
    self.title = title
    self.owner = owner
    self.quarter = quarter
    self.status = status
    self.team = team
  }
}

/// An unsolicited help from one person or team to another, logged so it can be counted.
public struct Exchange: Record, Hashable {
  public static let kind = RecordKind.exchange
  public var id: String
  /// Handle or team name of the giver.
  public var from: String
  /// Handle or team name of the receiver.
  public var to: String
  public var text: String
  public var createdAt: Date
  public var deleted: Bool?

  /// An exchange logged at `createdAt`.
  public init(id: String, from: String, to: String, text: String, createdAt: Date) {
    self.id = id
    self.from = from
    self.to = to
    self.text = text
    self.createdAt = createdAt
  }
}
