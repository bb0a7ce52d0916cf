import Foundation

/// A recurrence rule in the RFC 5545 `RRULE` subset Rhythm understands.
///
/// The subset: FREQ (DAILY, WEEKLY, MONTHLY or YEARLY), INTERVAL, COUNT, UNTIL, BYDAY with
/// ordinals, BYMONTHDAY, BYMONTH, BYSETPOS and WKST. `description` is the canonical RRULE text, without the `RRULE:` prefix.
public struct Rule: Hashable, Sendable, CustomStringConvertible {
  /// How often the rule's periods come round.
  public enum Frequency: String, Hashable, Sendable, CaseIterable {
    case daily = "DAILY"
    case weekly = "WEEKLY"
    case monthly = "MONTHLY"
    case yearly = "YEARLY"
  }

  /// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
  public enum Weekday: Int, Hashable, Sendable, CaseIterable, Comparable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// The RFC 5545 code (`MO`, `TU`, …).
    public var code: String {
      ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1]
    }

    /// The English name (`Monday`, …).
    public var name: String {
      ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }

    /// The weekday with the RFC 5545 code `code` (case-insensitive).
    public init?(code: some StringProtocol) {
      let upper = code.uppercased()
      guard let found = Weekday.allCases.first(where: { $0.code == upper }) else { return nil }
      self = found
    }

    /// Monday to Friday.
    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// A `BYDAY` entry: a weekday, optionally the nth (or nth from last, when negative) of it
  /// in the month or year: `MO`, `1MO`, `-1FR`.
  public struct DaySpec: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1…53 or -53…-1; `nil` for every such weekday in the period.
    public var ordinal: Int?
    public var weekday: Weekday

    /// The `ordinal`-th `weekday` (every one when `ordinal` is `nil`).
    public init(_ weekday: Weekday, ordinal: Int? = nil) {
      self.weekday = weekday
      self.ordinal = ordinal
    }

    public var description: String {
      (ordinal.map(String.init) ?? "") + weekday.code
    }

    public static func < (lhs: DaySpec, rhs: DaySpec) -> Bool {
      (lhs.weekday.rawValue, lhs.ordinal ?? 0) < (rhs.weekday.rawValue, rhs.ordinal ?? 0)
    }
  }

  /// The `UNTIL` bound, inclusive, in the form it was given.
  public enum Until: Hashable, Sendable, CustomStringConvertible {
    /// `UNTIL=20261231`: occurrences on or before that day.
    case day(Day)
    /// `UNTIL=20261231T170000`: occurrences at or before that wall time in the schedule's zone.
    case local(LocalDateTime)
    /// `UNTIL=20261231T170000Z`: occurrences at or before that instant.
    case instant(Date)

    public var description: String {
      switch self {
      case .day(let day):
        return Rule.compact(day)
      case .local(let local):
        return Rule.compact(local.day) + "T" + Rule.compact(local.time)
      case .instant(let date):
        let utc = LocalDateTime(date, in: Rule.utc)
        return Rule.compact(utc.day) + "T" + Rule.compact(utc.time) + "Z"
      }
    }
  }

  public var frequency: Frequency
  /// Every how many periods the rule recurs (1 or more).
  public var interval: Int
  /// How many occurrences there are, counting from the start.
  public var count: Int?
  public var until: Until?
  /// Months, 1…12.
  public var byMonth: [Int]
  /// Days of the month, 1…31 or -31…-1 (from the end).
  public var byMonthDay: [Int]
  public var byDay: [DaySpec]
  /// Positions in each period's set of occurrences, 1…366 or -366…-1.
  public var bySetPos: [Int]
  /// The first day of the week; it matters for WEEKLY rules with an interval above 1.
  public var weekStart: Weekday

  /// A rule; the lists are kept sorted and without duplicates so equal rules print alike.
  ///
  /// It is not validated: use `Rule(rrule:)` or `Rule.compile(_:)` for text from users.
  public init(
    frequency: Frequency, interval: Int = 1, count: Int? = nil, until: Until? = nil,
    byMonth: [Int] = [], byMonthDay: [Int] = [], byDay: [DaySpec] = [], bySetPos: [Int] = [],
    weekStart: Weekday = .monday
  ) {
    self.frequency = frequency
    self.interval = interval
    self.count = count
    self.until = until
    self.byMonth = Array(Set(byMonth)).sorted()
    self.byMonthDay = Rule.signedOrder(byMonthDay)
    self.byDay = Array(Set(byDay)).sorted()
    self.bySetPos = Rule.signedOrder(bySetPos)
    self.weekStart = weekStart
  }

  /// The canonical RRULE text, parts always in this order, defaults (INTERVAL=1, WKST=MO) left
  /// out: `FREQ;INTERVAL;COUNT;UNTIL;BYMONTH;BYMONTHDAY;BYDAY;BYSETPOS;WKST`.
  public var description: String {
    var parts = ["FREQ=" + frequency.rawValue]
    if interval != 1 { parts.append("INTERVAL=\(interval)") }
    if let count { parts.append("COUNT=\(count)") }
    if let until { parts.append("UNTIL=\(until)") }
    if !byMonth.isEmpty { parts.append("BYMONTH=" + Rule.list(byMonth)) }
    if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + Rule.list(byMonthDay)) }
    if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
    if !bySetPos.isEmpty { parts.append("BYSETPOS=" + Rule.list(bySetPos)) }
    if weekStart != .monday { parts.append("WKST=" + weekStart.code) }
    return parts.joined(separator: ";")
  }

  static let utc = TimeZone(secondsFromGMT: 0) ?? TimeZone.current

  static func list(_ values: [Int]) -> String {
    values.map(String.init).joined(separator: ",")
  }

  /// Positive values ascending, then negative ones from -1 down: the order people read them.
  private static func signedOrder(_ values: [Int]) -> [Int] {
    let unique = Set(values)
    return unique.filter { $0 > 0 }.sorted() + unique.filter { $0 < 0 }.sorted(by: >)
  }

  static func compact(_ day: Day) -> String {
    let (year, month, dayOfMonth) = day.components
    return Day.pad(year, 4) + Day.pad(month, 2) + Day.pad(dayOfMonth, 2)
  }

  static func compact(_ time: TimeOfDay) -> String {
    Day.pad(time.hour, 2) + Day.pad(time.minute, 2) + Day.pad(time.second, 2)
  }
}
