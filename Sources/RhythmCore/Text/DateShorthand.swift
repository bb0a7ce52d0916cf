import Foundation

/// Reads the dates people type.
///
/// Accepts ISO `2026-12-01`, `today`, `tomorrow`, `yesterday`, weekdays
/// (`fri`, `friday`: the next one strictly after today), offsets (`+3d`, `+2w`, `+1m`, `+1y`,
/// `-1d`), period ends (`eow`, `eom`, `eoq`, `eoy`) and month-day forms (`12-01`, `dec 1`,
/// `1 dec`: this year, or the next year that has the day when it is already past).
/// Case-insensitive; surrounding spaces are ignored.
public enum DateShorthand {
  /// The day `text` names, relative to `today`.
  /// - Throws: `RhythmError.invalidDate(text)` for anything else.
  public static func parse(_ text: String, today: Day) throws(RhythmError) -> Day {
    let word = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard let day = read(word, today: today) else { throw .invalidDate(text) }
    return day
  }

  private static func read(_ word: String, today: Day) -> Day? {
    if let day = Day.parse(word) { return day }
    switch word {
    case "today", "tod": return today
    case "tomorrow", "tom": return today.adding(days: 1)
    case "yesterday": return today.adding(days: -1)
    case "eow": return today.adding(days: 7 - today.isoWeekday)
    case "eom": return endOfMonth(today, monthsPerPeriod: 1)
    case "eoq": return endOfMonth(today, monthsPerPeriod: 3)
    case "eoy": return endOfMonth(today, monthsPerPeriod: 12)
    default: break
    }
    if let weekday = weekdays[word] {
      let ahead = (weekday - today.isoWeekday + 6) % 7 + 1
      return today.adding(days: ahead)
    }
    if let day = offset(word, today: today) { return day }
    return monthDay(word, today: today)
  }

  /// `+3d`, `-1w`, `+1m`, `+1y`: at most four digits.
  private static func offset(_ word: String, today: Day) -> Day? {
    guard let sign = word.first, sign == "+" || sign == "-", let unit = word.last,
      word.count >= 3, word.count <= 6
    else { return nil }
    let digits = word.dropFirst().dropLast()
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let magnitude = Int(digits)
    else { return nil }
    let count = sign == "-" ? -magnitude : magnitude
    switch unit {
    case "d": return today.adding(days: count)
    case "w": return today.adding(days: count * 7)
    case "m": return adding(months: count, to: today)
    case "y": return adding(months: count * 12, to: today)
    default: return nil
    }
  }

  /// The same day of the month `months` later, clamped to that month's last day.
  static func adding(months: Int, to day: Day) -> Day? {
    let (year, month, dayOfMonth) = day.components
    let index = year * 12 + (month - 1) + months
    let newYear = index >= 0 ? index / 12 : (index - 11) / 12
    let newMonth = index - newYear * 12 + 1
    let clamped = min(dayOfMonth, Day.daysIn(month: newMonth, year: newYear))
    return Day(year: newYear, month: newMonth, day: clamped)
  }

  /// The last day of the period of `monthsPerPeriod` months (1, 3 or 12) that holds `day`.
  private static func endOfMonth(_ day: Day, monthsPerPeriod: Int) -> Day? {
    let (year, month, _) = day.components
    let lastMonth = ((month - 1) / monthsPerPeriod + 1) * monthsPerPeriod
    return Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year))
  }

  /// `12-01`, `dec 1`, `1 dec`, `december 1st`.
  private static func monthDay(_ word: String, today: Day) -> Day? {
    let month: Int
    let dayOfMonth: Int
    let dashed = word.split(separator: "-", omittingEmptySubsequences: false)
    if dashed.count == 2, dashed.allSatisfy({ (1...2).contains($0.count) }),
      let first = number(dashed[0]), let second = number(dashed[1])
    {
      (month, dayOfMonth) = (first, second)
    } else {
      let parts = word.split(separator: " ")
      guard parts.count == 2 else { return nil }
      if let name = months[String(parts[0])], let value = ordinalNumber(parts[1]) {
        (month, dayOfMonth) = (name, value)
      } else if let name = months[String(parts[1])], let value = ordinalNumber(parts[0]) {
        (month, dayOfMonth) = (name, value)
      } else {
        return nil
      }
    }
    guard (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
    // The next year that has the day (29 February waits for a leap year).
    let year = today.components.year
    for candidate in year...(year + 8) {
      if let day = Day(year: candidate, month: month, day: dayOfMonth), day >= today {
        return day
      }
    }
    return nil
  }

  private static func number(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 2, text.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return Int(text)
  }

  /// `1`, `01`, `1st`, `2nd`, `3rd`, `4th`.
  private static func ordinalNumber(_ text: Substring) -> Int? {
    for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) {
      return number(text.dropLast(2))
    }
    return number(text)
  }

  private static let weekdays: [String: Int] = [
    "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2, "wed": 3, "wednesday": 3,
    "thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "fri": 5, "friday": 5, "sat": 6,
    "saturday": 6, "sun": 7, "sunday": 7,
  ]

  private static let months: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    var table: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      table[name] = index + 1
      table[String(name.prefix(3))] = index + 1
    }
    table["sept"] = 9
    return table
  }()
}
