import Foundation
import Testing

@testable import RhythmCore

/// Which days a rule picks, decided day by day from the rule's definition — an oracle
/// independent of the engine's period-by-period construction.
private struct Oracle {
  let rule: Rule
  let start: LocalDateTime

  /// Whether `day` passes every BYxxx part (before BYSETPOS), with RFC 5545's defaults
  /// taken from the start when no day-picking part is given.
  func candidate(_ day: Day) -> Bool {
    let (year, month, dayOfMonth) = day.components
    let length = Day.daysIn(month: month, year: year)
    if !rule.byMonth.isEmpty && !rule.byMonth.contains(month) { return false }
    if !rule.byMonthDay.isEmpty
      && !rule.byMonthDay.contains(where: {
        $0 > 0 ? $0 == dayOfMonth : length + $0 + 1 == dayOfMonth
      })
    {
      return false
    }
    if !rule.byDay.isEmpty {
      let inMonth = rule.frequency == .monthly || !rule.byMonth.isEmpty
      let index = inMonth ? dayOfMonth : Int(day.ordinal) - Int(first(ofYear: year).ordinal) + 1
      let scopeLength = inMonth ? length : (Day.isLeap(year) ? 366 : 365)
      let matched = rule.byDay.contains { spec in
        guard spec.weekday.rawValue == day.isoWeekday else { return false }
        guard let ordinal = spec.ordinal else { return true }
        return ordinal > 0
          ? (index - 1) / 7 + 1 == ordinal : (scopeLength - index) / 7 + 1 == -ordinal
      }
      if !matched { return false }
    }
    if rule.byDay.isEmpty && rule.byMonthDay.isEmpty {
      let (_, startMonth, startDayOfMonth) = start.day.components
      switch rule.frequency {
      case .daily: break
      case .weekly: return day.isoWeekday == start.day.isoWeekday
      case .monthly: return dayOfMonth == startDayOfMonth
      case .yearly:
        return dayOfMonth == startDayOfMonth && (!rule.byMonth.isEmpty || month == startMonth)
      }
    }
    return true
  }

  private func first(ofYear year: Int) -> Day {
    Day(ordinal: Int32(Day.daysFromCivil(year: year, month: 1, day: 1)))
  }

  /// The period holding `day`: its number of FREQ units from the start's and its days.
  func period(of day: Day) -> (units: Int, days: ClosedRange<Int>) {
    let (year, month, _) = day.components
    let (startYear, startMonth, _) = start.day.components
    switch rule.frequency {
    case .daily:
      return (Int(day.ordinal - start.day.ordinal), Int(day.ordinal)...Int(day.ordinal))
    case .weekly:
      func weekStart(_ d: Day) -> Int {
        Int(d.ordinal) - (d.isoWeekday - rule.weekStart.rawValue + 7) % 7
      }
      let first = weekStart(day)
      return ((first - weekStart(start.day)) / 7, first...first + 6)
    case .monthly:
      let first = Day.daysFromCivil(year: year, month: month, day: 1)
      return (
        (year - startYear) * 12 + month - startMonth,
        first...first + Day.daysIn(month: month, year: year) - 1
      )
    case .yearly:
      let first = Int(self.first(ofYear: year).ordinal)
      return (year - startYear, first...Int(self.first(ofYear: year + 1).ordinal) - 1)
    }
  }

  /// Whether the rule picks `day` (period on the INTERVAL, candidate, BYSETPOS); `picked`
  /// remembers each period's BYSETPOS choice.
  func picks(_ day: Day, picked: inout [Int: Set<Int>]) -> Bool {
    let (units, days) = period(of: day)
    guard units % rule.interval == 0, candidate(day) else { return false }
    guard !rule.bySetPos.isEmpty else { return true }
    if picked[days.lowerBound] == nil {
      let set = days.filter { candidate(Day(ordinal: Int32($0))) }
      picked[days.lowerBound] = Set(
        rule.bySetPos.compactMap { position in
          let index = position > 0 ? position - 1 : set.count + position
          return set.indices.contains(index) ? set[index] : nil
        })
    }
    return picked[days.lowerBound]?.contains(Int(day.ordinal)) == true
  }
}

@Suite("Schedule properties")
struct SchedulePropertyTests {
  private static let zones = [
    "America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC", "Asia/Kolkata",
  ]

  private static func randomRule(_ random: inout SplitMix64, start: LocalDateTime) -> String {
    let frequency = Rule.Frequency.allCases.randomElement(using: &random) ?? .weekly
    var parts = ["FREQ=\(frequency.rawValue)", "INTERVAL=\(Int.random(in: 1...3, using: &random))"]
    func some(_ range: ClosedRange<Int>, _ most: Int, negative: Bool = false) -> String {
      (0..<Int.random(in: 1...most, using: &random)).map { _ in
        let value = Int.random(in: range, using: &random)
        return String(negative && Bool.random(using: &random) ? -value : value)
      }.joined(separator: ",")
    }
    var picking = false
    if Int.random(in: 0..<10, using: &random) < 3 {
      parts.append("BYMONTH=" + some(1...12, 4))
      picking = true
    }
    if frequency != .weekly, Int.random(in: 0..<10, using: &random) < 3 {
      parts.append("BYMONTHDAY=" + some(1...31, 3, negative: true))
      picking = true
    }
    if Int.random(in: 0..<10, using: &random) < 5 {
      let ordinals = frequency == .monthly || frequency == .yearly
      let days = (0..<Int.random(in: 1...3, using: &random)).map { _ in
        let code = Rule.Weekday.allCases.randomElement(using: &random)?.code ?? "MO"
        guard ordinals, Bool.random(using: &random) else { return code }
        let ordinal = Int.random(in: 1...4, using: &random)
        return "\(Bool.random(using: &random) ? -ordinal : ordinal)\(code)"
      }
      parts.append("BYDAY=" + days.joined(separator: ","))
      picking = true
    }
    if picking, Int.random(in: 0..<10, using: &random) < 3 {
      parts.append("BYSETPOS=" + some(1...3, 2, negative: true))
    }
    switch Int.random(in: 0..<10, using: &random) {
    case 0, 1: parts.append("COUNT=\(Int.random(in: 1...30, using: &random))")
    case 2, 3:
      let until = start.day.adding(days: Int.random(in: 0...800, using: &random))
      parts.append("UNTIL=" + Rule.compact(until) + "T120000")
    default: break
    }
    if Bool.random(using: &random) {
      parts.append("WKST=" + (Rule.Weekday.allCases.randomElement(using: &random)?.code ?? "MO"))
    }
    return parts.shuffled(using: &random).joined(separator: ";")
  }

  @Test func randomRulesAgreeWithTheOracle() throws {
    var random = SplitMix64(seed: 20_261_125)
    var checked = 0
    for _ in 0..<400 {
      let day = Day(ordinal: Int32(Int.random(in: 7300...25_500, using: &random)))
      let hour =
        Bool.random(using: &random)
        ? Int.random(in: 1...3, using: &random) : Int.random(in: 0...23, using: &random)
      let time = TimeOfDay(hour: hour, minute: [0, 15, 30, 45].randomElement(using: &random) ?? 0)
      guard let time else { continue }
      let start = LocalDateTime(day: day, time: time)
      let zone = CadenceFixture.zone(Self.zones.randomElement(using: &random) ?? "UTC")
      let text = Self.randomRule(&random, start: start)
      guard let rule = try? Rule(rrule: text) else { continue }
      #expect(try Rule(rrule: rule.description) == rule, "\(text)")
      let schedule = Schedule(rule: rule, start: start, timeZone: zone)
      let occurrences = Array(schedule.occurrences().prefix(25))
      checked += 1
      let context = "\(rule) from \(start) in \(zone.identifier)"

      // Strictly increasing, at the start's wall time (moved forward only across a gap).
      #expect(zip(occurrences, occurrences.dropFirst()).allSatisfy { $0 < $1 }, "\(context)")
      let days = occurrences.map { LocalDateTime($0, in: zone).day }
      for (occurrence, day) in zip(occurrences, days) {
        let nominal = LocalDateTime(day: day, time: start.time)
        #expect(nominal.instant(in: zone) == occurrence, "\(context)")
      }

      // Exactly the days the oracle picks, from the start to the last occurrence.
      let oracle = Oracle(rule: rule, start: start)
      if let last = days.last, last.ordinal - start.day.ordinal < 20_000 {
        var expected: [Day] = []
        var candidate = start.day
        var picked: [Int: Set<Int>] = [:]
        while candidate <= last {
          if oracle.picks(candidate, picked: &picked) { expected.append(candidate) }
          candidate = candidate.adding(days: 1)
        }
        #expect(expected == days, "\(context)")
      }
      if let count = rule.count { #expect(occurrences.count <= count, "\(context)") }

      // `next(after:)` and ranges, which skip ahead, agree with walking from the start.
      guard let first = occurrences.first, let last = occurrences.last else { continue }
      let span = last.timeIntervalSince(first) + 172_800
      for _ in 0..<4 {
        let probe = first.addingTimeInterval(
          Double.random(in: -86_400...span, using: &random).rounded())
        if probe < last {
          #expect(
            schedule.next(after: probe) == occurrences.first { $0 > probe },
            "\(context) after \(probe)")
        }
        let upper = probe.addingTimeInterval(Double.random(in: 0...(span / 2), using: &random))
        if upper <= last {
          #expect(
            schedule.occurrences(in: probe..<upper)
              == occurrences.filter { $0 >= probe && $0 < upper },
            "\(context) in \(probe)..<\(upper)")
        }
      }
    }
    #expect(checked >= 300)
  }
}
