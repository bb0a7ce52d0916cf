import Foundation
import Testing

@testable import RhythmCore

/// Builds schedules and reads their occurrences as text, for the cadence tests.
enum CadenceFixture {
  static func zone(_ name: String) -> TimeZone {
    guard let zone = TimeZone(identifier: name) else {
      Issue.record("no time zone \(name)")
      return TimeZone(secondsFromGMT: 0) ?? .current
    }
    return zone
  }

  static func local(_ text: String) -> LocalDateTime {
    guard let local = LocalDateTime.parse(text) else {
      Issue.record("not a wall time: \(text)")
      return LocalDateTime(day: Day(ordinal: 0), time: TimeOfDay(secondOfDay: 0))
    }
    return local
  }

  static func instant(_ text: String) -> Date {
    guard let date = ISOInstant.parse(text) else {
      Issue.record("not an instant: \(text)")
      return Date(timeIntervalSince1970: 0)
    }
    return date
  }

  /// A schedule from RRULE or friendly text.
  static func schedule(_ rule: String, start: String, zone name: String = "America/New_York")
    throws -> Schedule
  {
    try Schedule(rule: rule, start: start, timeZone: name)
  }

  /// The first `limit` occurrences as `YYYY-MM-DDTHH:MM:SS±HH:MM`.
  static func instants(
    _ rule: String, start: String, zone name: String = "America/New_York", limit: Int = 500
  ) throws -> [String] {
    let schedule = try schedule(rule, start: start, zone: name)
    return schedule.occurrences().prefix(limit).map { ISOInstant.format($0, in: schedule.timeZone) }
  }

  /// The first `limit` occurrences' days as `YYYY-MM-DD`.
  static func days(
    _ rule: String, start: String, zone name: String = "America/New_York", limit: Int = 500
  ) throws -> [String] {
    try instants(rule, start: start, zone: name, limit: limit).map { String($0.prefix(10)) }
  }
}
