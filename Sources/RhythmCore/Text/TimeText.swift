import Foundation

/// How times read for people, the same on the command line and in the cockpit: weekday
/// names, a day with its time, and countdowns.
public enum TimeText {
  /// `Mon` … `Sun`, by ISO weekday (1 is Monday).
  public static func weekday(_ isoWeekday: Int) -> String {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(isoWeekday + 6) % 7]
  }

  /// `2026-11-30 10:00` in `zone`.
  public static func local(_ date: Date, _ zone: TimeZone) -> String {
    String(ISOInstant.format(date, in: zone).prefix(16)).replacingOccurrences(of: "T", with: " ")
  }

  /// `Mon 2026-11-30 10:00` in `zone`.
  public static func dayAndTime(_ date: Date, _ zone: TimeZone) -> String {
    weekday(Day(containing: date, in: zone).isoWeekday) + " " + local(date, zone)
  }

  /// Time until `date`: `in 3d 4h`, `in 2h 05m`, `in 12m`, `now`, `5m ago`.
  public static func countdown(to date: Date, from now: Date) -> String {
    let seconds = Int(date.timeIntervalSince(now).rounded(.down))
    if seconds < 0 {
      let ago = -seconds
      if ago < 60 { return "now" }
      if ago < 3600 { return "\(ago / 60)m ago" }
      if ago < 86_400 { return "\(ago / 3600)h ago" }
      return "\(ago / 86_400)d ago"
    }
    if seconds < 60 { return "now" }
    if seconds < 3600 { return "in \(seconds / 60)m" }
    let minutes = seconds % 3600 / 60
    if seconds < 86_400 { return "in \(seconds / 3600)h \(minutes < 10 ? "0" : "")\(minutes)m" }
    return "in \(seconds / 86_400)d \(seconds % 86_400 / 3600)h"
  }
}
