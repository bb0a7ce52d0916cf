import Foundation

/// A time of day on a wall clock, with no date or zone: `10:00`, `16:30:15`.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds since midnight, 0 ..< 86 400.
  public var secondOfDay: Int

  /// A time from its parts; `nil` when a part is out of range.
  public init?(hour: Int, minute: Int, second: Int = 0) {
    guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
    else { return nil }
    secondOfDay = hour * 3600 + minute * 60 + second
  }

  /// A time from seconds since midnight (taken modulo a day).
  public init(secondOfDay: Int) {
    self.secondOfDay = ((secondOfDay % 86_400) + 86_400) % 86_400
  }

  public var hour: Int { secondOfDay / 3600 }
  public var minute: Int { secondOfDay % 3600 / 60 }
  public var second: Int { secondOfDay % 60 }

  /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
  public var description: String {
    let text = Day.pad(hour, 2) + ":" + Day.pad(minute, 2)
    return second == 0 ? text : text + ":" + Day.pad(second, 2)
  }

  /// Reads `H:MM`, `HH:MM` or `HH:MM:SS` (24-hour clock).
  public static func parse(_ text: some StringProtocol) -> TimeOfDay? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3,
      (1...2).contains(parts[0].count), parts.dropFirst().allSatisfy({ $0.count == 2 }),
      let hour = Day.number(ArraySlice(parts[0].utf8)),
      let minute = Day.number(ArraySlice(parts[1].utf8))
    else { return nil }
    var second = 0
    if parts.count == 3 {
      guard let value = Day.number(ArraySlice(parts[2].utf8)) else { return nil }
      second = value
    }
    return TimeOfDay(hour: hour, minute: minute, second: second)
  }

  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
    lhs.secondOfDay < rhs.secondOfDay
  }
}

/// A date and time on a wall clock, with no zone: a cadence's `DTSTART`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var day: Day
  public var time: TimeOfDay

  /// The wall time `time` on `day`.
  public init(day: Day, time: TimeOfDay) {
    self.day = day
    self.time = time
  }

  /// The wall time an instant shows in `timeZone`.
  public init(_ date: Date, in timeZone: TimeZone) {
    let seconds =
      Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
    let days = Int((Double(seconds) / 86_400).rounded(.down))
    day = Day(ordinal: Int32(days))
    time = TimeOfDay(secondOfDay: seconds - days * 86_400)
  }

  /// `YYYY-MM-DDTHH:MM:SS`.
  public var description: String {
    day.description + "T" + Day.pad(time.hour, 2) + ":" + Day.pad(time.minute, 2) + ":"
      + Day.pad(time.second, 2)
  }

  /// Reads `YYYY-MM-DDTHH:MM[:SS]` strictly; `nil` for anything else.
  public static func parse(_ text: some StringProtocol) -> LocalDateTime? {
    let string = String(text)
    guard string.utf8.count >= 16 else { return nil }
    let dayPart = string.prefix(10)
    let separator = string.dropFirst(10).prefix(1)
    guard separator == "T" || separator == "t" || separator == " ", let day = Day.parse(dayPart),
      let time = TimeOfDay.parse(string.dropFirst(11)), string.dropFirst(11).count >= 5
    else { return nil }
    return LocalDateTime(day: day, time: time)
  }

  /// Seconds since 1970-01-01T00:00:00 on the same wall clock (no zone applied).
  var wallSeconds: Int { Int(day.ordinal) * 86_400 + time.secondOfDay }

  /// The instant this wall time names in `timeZone`.
  ///
  /// A time skipped by a spring-forward
  /// change moves forward by the gap (02:30 becomes 03:30); a time that happens twice when
  /// clocks fall back is the first (earlier) of the two instants (RFC 5545 section 3.3.5).
  public func instant(in timeZone: TimeZone) -> Date {
    Date(timeIntervalSince1970: Double(LocalDateTime.instantSeconds(wallSeconds, in: timeZone)))
  }

  /// Seconds since the epoch for wall-clock seconds `wall` in `timeZone`.
  ///
  /// Looks at the offsets
  /// a day either side: no zone changes its offset twice within two days.
  static func instantSeconds(_ wall: Int, in timeZone: TimeZone) -> Int {
    let before = offset(at: wall - 86_400, in: timeZone)
    let after = offset(at: wall + 86_400, in: timeZone)
    if before == after { return wall - before }
    let earlier = wall - max(before, after)
    let later = wall - min(before, after)
    if offset(at: earlier, in: timeZone) == max(before, after) { return earlier }
    if offset(at: later, in: timeZone) == min(before, after) { return later }
    // The wall time falls in a gap: read it with the offset in force before the change.
    return wall - before
  }

  private static func offset(at seconds: Int, in timeZone: TimeZone) -> Int {
    timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
  }

  public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
    lhs.wallSeconds < rhs.wallSeconds
  }
}
