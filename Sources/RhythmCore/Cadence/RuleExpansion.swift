import Foundation

/// The days a rule picks, period by period (RFC 5545 section 3.3.10).
///
/// A period is the span of
/// one FREQ step from the start: a day, a week beginning on WKST, a month or a year. Period 0
/// holds the start; period `k` begins `k × INTERVAL` FREQ units later. Every day picked gets
/// the start's time of day, since the subset has no BYHOUR, BYMINUTE or BYSECOND.
struct RuleExpansion: Sendable {
  let rule: Rule
  let start: LocalDateTime
  /// The first day of period 0.
  private let origin: Int
  /// The weekdays a WEEKLY rule picks (BYDAY, else the start's weekday).
  private let weeklyDays: Set<Int>
  private let months: Set<Int>

  /// After this many periods in a row with nothing in them the rule yields nothing more: the
  /// Gregorian calendar repeats every 400 years, which is a whole number of each period.
  let emptyPeriodLimit: Int

  /// The last year expanded; later periods are treated as empty.
  static let lastYear = 9999

  init(rule: Rule, start: LocalDateTime) {
    self.rule = rule
    self.start = start
    let day = Int(start.day.ordinal)
    let (year, month, _) = start.day.components
    switch rule.frequency {
    case .daily:
      origin = day
      emptyPeriodLimit = 146_097
    case .weekly:
      let back = (start.day.isoWeekday - rule.weekStart.rawValue + 7) % 7
      origin = day - back
      emptyPeriodLimit = 20_871
    case .monthly:
      origin = year * 12 + month - 1
      emptyPeriodLimit = 4800
    case .yearly:
      origin = year
      emptyPeriodLimit = 400
    }
    let byDayWeekdays = rule.byDay.map(\.weekday.rawValue)
    weeklyDays = Set(byDayWeekdays.isEmpty ? [start.day.isoWeekday] : byDayWeekdays)
    months = Set(rule.byMonth)
  }

  /// The index of the period that holds `day` (negative before the start's period).
  func period(containing day: Day) -> Int {
    let ordinal = Int(day.ordinal)
    let (year, month, _) = day.components
    let units: Int
    switch rule.frequency {
    case .daily: units = ordinal - origin
    case .weekly: units = Self.floorDiv(ordinal - origin, 7)
    case .monthly: units = year * 12 + month - 1 - origin
    case .yearly: units = year - origin
    }
    return Self.floorDiv(units, rule.interval)
  }

  /// The days period `index` picks, in order, after BYSETPOS.
  func days(inPeriod index: Int) -> [Int] {
    let step = index * rule.interval
    var set: [Int]
    switch rule.frequency {
    case .daily:
      let day = origin + step
      set = matchesDaily(day) ? [day] : []
    case .weekly:
      let first = origin + step * 7
      set = (first..<first + 7).filter { day in
        weeklyDays.contains(Self.isoWeekday(day))
          && (months.isEmpty || months.contains(Day(ordinal: Int32(day)).components.month))
      }
    case .monthly:
      let monthIndex = origin + step
      set = monthDays(
        year: Self.floorDiv(monthIndex, 12),
        month: monthIndex - Self.floorDiv(monthIndex, 12) * 12 + 1)
    case .yearly:
      set = yearDays(origin + step)
    }
    guard !rule.bySetPos.isEmpty, !set.isEmpty else { return set }
    var picked = Set<Int>()
    for position in rule.bySetPos {
      let index = position > 0 ? position - 1 : set.count + position
      if set.indices.contains(index) { picked.insert(set[index]) }
    }
    return picked.sorted()
  }

  /// The calendar year period `index` begins in, to stop far in the future.
  func year(ofPeriod index: Int) -> Int {
    let step = index * rule.interval
    switch rule.frequency {
    case .daily: return Day(ordinal: Int32(clamping: origin + step)).components.year
    case .weekly: return Day(ordinal: Int32(clamping: origin + step * 7)).components.year
    case .monthly: return Self.floorDiv(origin + step, 12)
    case .yearly: return origin + step
    }
  }

  // MARK: - Expanding and limiting

  private func matchesDaily(_ day: Int) -> Bool {
    let (_, month, dayOfMonth) = Day(ordinal: Int32(day)).components
    if !months.isEmpty && !months.contains(month) { return false }
    let weekday = Self.isoWeekday(day)
    if !rule.byDay.isEmpty && !rule.byDay.contains(where: { $0.weekday.rawValue == weekday }) {
      return false
    }
    guard !rule.byMonthDay.isEmpty else { return true }
    let (year, _, _) = Day(ordinal: Int32(day)).components
    return matchesMonthDay(dayOfMonth, length: Day.daysIn(month: month, year: year))
  }

  /// A MONTHLY period: BYMONTH limits; BYMONTHDAY expands; BYDAY expands within the month,
  /// or limits when BYMONTHDAY is given (note 1 of the table).
  private func monthDays(year: Int, month: Int) -> [Int] {
    if !months.isEmpty && !months.contains(month) { return [] }
    guard year <= Self.lastYear else { return [] }
    let length = Day.daysIn(month: month, year: year)
    let first = Day.daysFromCivil(year: year, month: month, day: 1)
    if rule.byMonthDay.isEmpty && rule.byDay.isEmpty {
      let dayOfMonth = start.day.components.day
      return dayOfMonth <= length ? [first + dayOfMonth - 1] : []
    }
    return (first..<first + length).filter { day in
      (rule.byMonthDay.isEmpty || matchesMonthDay(day - first + 1, length: length))
        && (rule.byDay.isEmpty
          || matchesByDay(day, scopeFirst: first, scopeLast: first + length - 1))
    }
  }

  /// The days of a YEARLY period.
  ///
  /// BYMONTH expands; BYMONTHDAY expands; BYDAY expands within each month
  /// when BYMONTH is given, else within the year, and limits when BYMONTHDAY is given
  /// (note 2). With none of them, the start's month and day.
  private func yearDays(_ year: Int) -> [Int] {
    guard year <= Self.lastYear else { return [] }
    let (_, startMonth, startDayOfMonth) = start.day.components
    if rule.byMonthDay.isEmpty && rule.byDay.isEmpty {
      let chosen = months.isEmpty ? [startMonth] : rule.byMonth
      return chosen.compactMap { month in
        Day(year: year, month: month, day: startDayOfMonth).map { Int($0.ordinal) }
      }
    }
    let yearFirst = Day.daysFromCivil(year: year, month: 1, day: 1)
    let yearLast = Day.daysFromCivil(year: year + 1, month: 1, day: 1) - 1
    var result: [Int] = []
    for month in 1...12 where months.isEmpty || months.contains(month) {
      let length = Day.daysIn(month: month, year: year)
      let first = Day.daysFromCivil(year: year, month: month, day: 1)
      for day in first..<first + length {
        if !rule.byMonthDay.isEmpty && !matchesMonthDay(day - first + 1, length: length) {
          continue
        }
        if !rule.byDay.isEmpty {
          let inMonth = !months.isEmpty
          let matched = matchesByDay(
            day, scopeFirst: inMonth ? first : yearFirst,
            scopeLast: inMonth ? first + length - 1 : yearLast)
          if !matched { continue }
        }
        result.append(day)
      }
    }
    return result
  }

  private func matchesMonthDay(_ dayOfMonth: Int, length: Int) -> Bool {
    rule.byMonthDay.contains { value in
      value > 0 ? value == dayOfMonth : length + value + 1 == dayOfMonth
    }
  }

  /// Whether `day` is one of BYDAY's days, ordinals counted within `scopeFirst...scopeLast`.
  private func matchesByDay(_ day: Int, scopeFirst: Int, scopeLast: Int) -> Bool {
    let weekday = Self.isoWeekday(day)
    return rule.byDay.contains { spec in
      guard spec.weekday.rawValue == weekday else { return false }
      guard let ordinal = spec.ordinal else { return true }
      return ordinal > 0
        ? (day - scopeFirst) / 7 + 1 == ordinal : (scopeLast - day) / 7 + 1 == -ordinal
    }
  }

  static func isoWeekday(_ day: Int) -> Int {
    ((day + 3) % 7 + 7) % 7 + 1
  }

  static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
    let quotient = value / divisor
    return value % divisor != 0 && (value < 0) != (divisor < 0) ? quotient - 1 : quotient
  }
}
