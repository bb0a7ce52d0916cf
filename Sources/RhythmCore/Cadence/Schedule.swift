import Foundation

/// When a cadence happens: a rule, its start (`DTSTART`, a wall time) and a time zone.
///
/// Occurrences keep their wall-clock time across DST changes. The start is an occurrence only
/// if the rule picks it. Everything is computed lazily, period by period; queries after an
/// instant skip straight to its period unless the rule has a COUNT (which counts from the start).
public struct Schedule: Sendable {
  public let rule: Rule
  public let start: LocalDateTime
  public let timeZone: TimeZone
  private let expansion: RuleExpansion

  /// A schedule for `rule` starting at `start` in `timeZone`.
  public init(rule: Rule, start: LocalDateTime, timeZone: TimeZone) {
    self.rule = rule
    self.start = start
    self.timeZone = timeZone
    expansion = RuleExpansion(rule: rule, start: start)
  }

  /// A schedule from text: a rule in either syntax (a friendly rule's time replaces the
  /// start's), a start `YYYY-MM-DDTHH:MM[:SS]` and an IANA zone name.
  /// - Throws: `RhythmError.invalidRule`, `.invalidValue` (start) or `.unknownTimeZone`.
  public init(rule text: String, start: String, timeZone zoneName: String) throws(RhythmError) {
    let compiled = try Rule.compile(text)
    guard let local = LocalDateTime.parse(start) else {
      throw .invalidValue(field: "start", value: start, expected: "YYYY-MM-DDTHH:MM[:SS]")
    }
    guard let zone = TimeZone(identifier: zoneName) else { throw .unknownTimeZone(zoneName) }
    self.init(rule: compiled.rule, start: compiled.start(on: local), timeZone: zone)
  }

  /// The start as an instant.
  public var startInstant: Date { start.instant(in: timeZone) }

  /// All occurrences at or after `instant` (from the start when `nil`), lazily, in order.
  public func occurrences(from instant: Date? = nil) -> Occurrences {
    Occurrences(schedule: self, lowerBound: instant)
  }

  /// The first occurrence strictly after `instant`.
  public func next(after instant: Date) -> Date? {
    occurrences(after: instant, limit: 1).first
  }

  /// Up to `limit` occurrences strictly after `instant`, in order.
  public func occurrences(after instant: Date, limit: Int) -> [Date] {
    guard limit > 0 else { return [] }
    var result: [Date] = []
    result.reserveCapacity(min(limit, 1024))
    for date in occurrences(from: instant) where date > instant {
      result.append(date)
      if result.count == limit { break }
    }
    return result
  }

  /// The occurrences in `range` (lower bound included, upper excluded), in order.
  public func occurrences(in range: Range<Date>) -> [Date] {
    var result: [Date] = []
    for date in occurrences(from: range.lowerBound) {
      guard date < range.upperBound else { break }
      result.append(date)
    }
    return result
  }

  /// The occurrences from `lowerBound`, one by one.
  public struct Occurrences: Sequence, Sendable {
    let schedule: Schedule
    let lowerBound: Date?

    public func makeIterator() -> Iterator {
      Iterator(schedule: schedule, lowerBound: lowerBound)
    }

    /// Walks the rule's periods, keeping only what lies at or after the lower bound.
    public struct Iterator: IteratorProtocol, Sendable {
      private let schedule: Schedule
      private let lowerBound: Date?
      private var period: Int
      private var pending: [Int] = []
      private var position = 0
      private var counted = 0
      private var emptyPeriods = 0
      private var finished = false

      init(schedule: Schedule, lowerBound: Date?) {
        self.schedule = schedule
        self.lowerBound = lowerBound
        period = 0
        // Without COUNT nothing before the bound matters: jump to the period two days before
        // it (the margin covers any UTC offset).
        if schedule.rule.count == nil, let lowerBound {
          let day = LocalDateTime(lowerBound, in: schedule.timeZone).day.adding(days: -2)
          period = Swift.max(0, schedule.expansion.period(containing: day))
        }
      }

      public mutating func next() -> Date? {
        let rule = schedule.rule
        let expansion = schedule.expansion
        while !finished {
          if position == pending.count {
            if emptyPeriods > expansion.emptyPeriodLimit
              || expansion.year(ofPeriod: period) > RuleExpansion.lastYear
            {
              finished = true
              return nil
            }
            pending = expansion.days(inPeriod: period)
            position = 0
            period += 1
            emptyPeriods = pending.isEmpty ? emptyPeriods + 1 : 0
            continue
          }
          let local = LocalDateTime(
            day: Day(ordinal: Int32(pending[position])), time: schedule.start.time)
          position += 1
          if local < schedule.start { continue }
          let instant = local.instant(in: schedule.timeZone)
          if let until = rule.until, !Self.within(until, local: local, instant: instant) {
            finished = true
            return nil
          }
          counted += 1
          if let count = rule.count, counted > count {
            finished = true
            return nil
          }
          if let lowerBound, instant < lowerBound { continue }
          return instant
        }
        return nil
      }

      private static func within(_ until: Rule.Until, local: LocalDateTime, instant: Date) -> Bool {
        switch until {
        case .day(let day): return local.day <= day
        case .local(let limit): return local <= limit
        case .instant(let limit): return instant <= limit
        }
      }
    }
  }
}
