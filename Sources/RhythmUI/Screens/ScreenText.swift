import Foundation
import RhythmCore

/// The words and numbers screens show: dates, countdowns, rates.
///
/// Pure, so snapshots are stable.
public enum ScreenText {
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `Mon 30 Nov`.
  public static func day(_ day: Day) -> String {
    let (_, month, dayOfMonth) = day.components
    return "\(TimeText.weekday(day.isoWeekday)) \(dayOfMonth < 10 ? " " : "")\(dayOfMonth) "
      + months[month - 1]
  }

  /// `30 Nov` (no weekday), for narrow columns.
  public static func shortDay(_ day: Day) -> String {
    let (_, month, dayOfMonth) = day.components
    return "\(dayOfMonth < 10 ? " " : "")\(dayOfMonth) \(months[month - 1])"
  }

  /// The name of a month, `November 2026`.
  public static func monthTitle(year: Int, month: Int) -> String {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    return "\(names[month - 1]) \(year)"
  }

  /// `10:00` in `timeZone`.
  public static func time(_ date: Date, in timeZone: TimeZone) -> String {
    let seconds =
      Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
    let ofDay = ((seconds % 86_400) + 86_400) % 86_400
    return two(ofDay / 3600) + ":" + two(ofDay % 3600 / 60)
  }

  /// `Mon 30 Nov 10:00` in `timeZone`.
  public static func dateTime(_ date: Date, in timeZone: TimeZone) -> String {
    day(Day(containing: date, in: timeZone)) + " " + time(date, in: timeZone)
  }

  /// How a due day reads from `today`: `today`, `tomorrow`, `in 4d`, `3d late`.
  public static func due(_ due: Day, today: Day) -> String {
    let days = Int(due.ordinal - today.ordinal)
    switch days {
    case 0: return "today"
    case 1: return "tomorrow"
    case 2...: return "in \(days)d"
    default: return "\(-days)d late"
    }
  }

  /// `87%`, or `–` for no rate.
  public static func percent(_ rate: Double?) -> String {
    guard let rate, rate.isFinite else { return "–" }
    return "\(Int((rate * 100).rounded()))%"
  }

  /// A number without needless decimals: `12`, `3.5`, `1.2k`, `45k`, `1.3M`.
  public static func number(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
    if magnitude >= 10_000 { return String(Int((value / 1000).rounded())) + "k" }
    if magnitude >= 1000 { return trimmed(value / 1000) + "k" }
    return trimmed(value)
  }

  /// A number in full with thousands separated: `4,230`, `20.9`.
  public static func exact(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    let whole = Int(rounded.rounded(.towardZero))
    var digits = String(abs(whole))
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = (rounded < 0 ? "-" : "") + digits + grouped
    let fraction = Int((abs(rounded - Double(whole)) * 10).rounded())
    return fraction == 0 ? grouped : grouped + ".\(fraction)"
  }

  /// `mm:ss` for seconds (`12:05`; minutes grow past 59: `125:03`).
  public static func clock(seconds: TimeInterval) -> String {
    let whole = max(0, Int(seconds.rounded(.down)))
    return two(whole / 60) + ":" + two(whole % 60)
  }

  private static func trimmed(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.1f", rounded)
  }

  private static func two(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
