import Foundation

extension Rule {
  /// The rule in words for lists.
  ///
  /// For example "every Monday at 10:00", "the first Monday of each
  /// month", "the last business day of each quarter at 16:00". Rules beyond the friendly
  /// forms read "by the rule FREQ=…".
  public func describe(at time: TimeOfDay? = nil) -> String {
    var text = pattern() ?? "by the rule \(self)"
    if let time { text += " at \(time)" }
    if let count { text += count == 1 ? ", once" : ", \(count) times" }
    if let until {
      switch until {
      case .day(let day): text += ", until \(day)"
      case .local(let local): text += ", until \(local.day) \(local.time)"
      case .instant(let date): text += ", until \(ISOInstant.format(date))"
      }
    }
    return text
  }

  private func pattern() -> String? {
    guard weekStart == .monday || frequency != .weekly || interval == 1 else { return nil }
    switch frequency {
    case .daily:
      guard byMonth.isEmpty, byMonthDay.isEmpty, byDay.isEmpty, bySetPos.isEmpty else {
        return nil
      }
      return interval == 1 ? "every day" : "every \(interval) days"
    case .weekly:
      guard byMonth.isEmpty, bySetPos.isEmpty else { return nil }
      let every = interval == 1 ? "every" : "every \(interval) weeks on"
      if byDay.isEmpty { return interval == 1 ? "every week" : "every \(interval) weeks" }
      if byDay == Weekday.workdays.map({ DaySpec($0) }) {
        return interval == 1 ? "every weekday" : "every \(interval) weeks on weekdays"
      }
      return every + " " + Rule.names(byDay.map(\.weekday.name))
    case .monthly:
      return monthlyPattern()
    case .yearly:
      guard byDay.isEmpty, bySetPos.isEmpty else { return nil }
      let every = interval == 1 ? "every year" : "every \(interval) years"
      if byMonth.isEmpty && byMonthDay.isEmpty { return every }
      guard byMonth.count == 1, byMonthDay.count == 1, let month = byMonth.first,
        let day = byMonthDay.first, day > 0
      else { return nil }
      return "\(every) on \(Rule.monthNames[month - 1]) \(day)"
    }
  }

  private func monthlyPattern() -> String? {
    let period: String
    switch (byMonth, interval) {
    case ([], 1): period = "each month"
    case ([], _): period = "every \(interval) months"
    case ([1, 4, 7, 10], 1), ([3, 6, 9, 12], 1): period = "each quarter"
    default: return nil
    }
    if byDay.isEmpty && byMonthDay.isEmpty && bySetPos.isEmpty {
      return interval == 3 ? "every quarter" : (interval == 1 ? "every month" : period)
    }
    if byDay.isEmpty, bySetPos.isEmpty, byMonthDay.count == 1, let day = byMonthDay.first {
      return day > 0
        ? "the \(Rule.ordinalNumber(day)) of \(period)"
        : "the \(Rule.ordinalWord(day)) day of \(period)"
    }
    if byMonthDay.isEmpty, bySetPos.isEmpty, byDay.count == 1, let spec = byDay.first,
      let ordinal = spec.ordinal
    {
      return "the \(Rule.ordinalWord(ordinal)) \(spec.weekday.name) of \(period)"
    }
    if byMonthDay.isEmpty, bySetPos.count == 1, let position = bySetPos.first,
      byDay == Weekday.workdays.map({ DaySpec($0) })
    {
      return "the \(Rule.ordinalWord(position)) business day of \(period)"
    }
    return nil
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// "Monday", "Monday and Thursday", "Monday, Wednesday and Friday".
  private static func names(_ names: [String]) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }

  /// "first" … "fifth", "last", "second-to-last"; other numbers as "7th".
  static func ordinalWord(_ value: Int) -> String {
    let words = ["first", "second", "third", "fourth", "fifth"]
    if value > 0 { return value <= words.count ? words[value - 1] : ordinalNumber(value) }
    if value == -1 { return "last" }
    let magnitude = -value
    return (magnitude <= words.count ? words[magnitude - 1] : ordinalNumber(magnitude))
      + "-to-last"
  }

  /// "1st", "2nd", "3rd", "11th", "22nd".
  static func ordinalNumber(_ value: Int) -> String {
    let suffix: String
    switch (value % 10, value % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(value)\(suffix)"
  }
}
