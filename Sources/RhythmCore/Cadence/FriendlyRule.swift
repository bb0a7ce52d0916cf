import Foundation

/// A rule read from text, with the wall time a friendly rule names (`weekly mon 10:00`).
public struct CompiledRule: Hashable, Sendable {
  public var rule: Rule
  /// The time the text named; `nil` for RRULE text and friendly rules without a time, which
  /// take the start's time.
  public var time: TimeOfDay?

  /// A rule and the time it named.
  public init(rule: Rule, time: TimeOfDay? = nil) {
    self.rule = rule
    self.time = time
  }

  /// The schedule's start (`DTSTART`) for a given start: its day, at the rule's time if it
  /// named one, else at its own time.
  public func start(on start: LocalDateTime) -> LocalDateTime {
    LocalDateTime(day: start.day, time: time ?? start.time)
  }
}

extension Rule {
  /// Reads a rule in either syntax.
  ///
  /// RRULE text (`FREQ=WEEKLY;BYDAY=MO`, with or without `RRULE:`) or the friendly syntax: `daily 09:00`, `weekdays 09:15`,
  /// `weekly mon,thu 10:00`, `every 2 weeks thu 16:00`, `monthly 15th`,
  /// `monthly first mon 10:00`, `monthly last fri`, `monthly last business day`,
  /// `quarterly first mon 09:30`, `quarterly last business day 16:00`, `yearly jan 15 10:00`.
  /// - Throws: `RhythmError.invalidRule` with an example of the closest valid form.
  public static func compile(_ text: String) throws(RhythmError) -> CompiledRule {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let upper = trimmed.uppercased()
    if upper.hasPrefix("RRULE:") || upper.hasPrefix("FREQ=") || upper.contains(";") {
      return CompiledRule(rule: try Rule(rrule: trimmed))
    }
    return try FriendlyParser(text: trimmed).parse()
  }
}

/// The friendly syntax, word by word.
private struct FriendlyParser {
  let text: String

  /// The forms the friendly syntax knows, by leading word; errors show the closest one.
  static let examples: [(word: String, example: String)] = [
    ("daily", "daily 09:00"),
    ("weekdays", "weekdays 09:15"),
    ("weekly", "weekly mon 10:00"),
    ("every", "every 2 weeks thu 16:00"),
    ("monthly", "monthly first mon 10:00"),
    ("quarterly", "quarterly first mon 09:30"),
    ("yearly", "yearly jan 15 10:00"),
  ]

  func parse() throws(RhythmError) -> CompiledRule {
    var words = text.lowercased()
      .replacingOccurrences(of: ", ", with: ",")
      .replacingOccurrences(of: " ,", with: ",")
      .split(whereSeparator: \.isWhitespace).map(String.init)
    guard let head = words.first else { throw failure(example: "weekly mon 10:00") }
    words.removeFirst()
    var time: TimeOfDay?
    if let last = words.last, last.contains(":") {
      guard let parsed = TimeOfDay.parse(last) else {
        throw .invalidRule(
          "cannot read '\(text)': '\(last)' is not a time of day (try '\(example(for: head, words))')"
        )
      }
      time = parsed
      words.removeLast()
      if words.last == "at" { words.removeLast() }
    }
    guard let rule = rule(head: head, words) else {
      throw failure(example: example(for: head, words))
    }
    return CompiledRule(rule: rule, time: time)
  }

  private func failure(example: String) -> RhythmError {
    .invalidRule("cannot read '\(text)': try '\(example)'")
  }

  private func rule(head: String, _ words: [String]) -> Rule? {
    switch head {
    case "daily":
      return words.isEmpty ? Rule(frequency: .daily) : nil
    case "weekdays":
      return words.isEmpty ? Rule(frequency: .weekly, byDay: Self.workdays) : nil
    case "weekly":
      return weekly(words, interval: 1)
    case "biweekly", "fortnightly":
      return weekly(words, interval: 2)
    case "every":
      return every(words)
    case "monthly":
      return monthly(words, interval: 1, quarterly: false)
    case "quarterly":
      return monthly(words, interval: 1, quarterly: true)
    case "yearly", "annually":
      return yearly(words, interval: 1)
    default:
      return nil
    }
  }

  private func weekly(_ words: [String], interval: Int) -> Rule? {
    switch words.count {
    case 0: return Rule(frequency: .weekly, interval: interval)
    case 1:
      guard let days = Self.dayList(words[0]) else { return nil }
      return Rule(frequency: .weekly, interval: interval, byDay: days)
    default: return nil
    }
  }

  /// `every 2 weeks thu`, `every other week mon`, `every day`, `every mon`, `every weekday`.
  private func every(_ words: [String]) -> Rule? {
    guard let first = words.first else { return nil }
    if words.count == 1, first == "weekday" || first == "weekdays" {
      return Rule(frequency: .weekly, byDay: Self.workdays)
    }
    if words.count == 1, let days = Self.dayList(first) {
      return Rule(frequency: .weekly, byDay: days)
    }
    var rest = ArraySlice(words)
    var interval = 1
    if first == "other" {
      interval = 2
      rest = rest.dropFirst()
    } else if let number = Int(first), number >= 1, number <= 1000 {
      interval = number
      rest = rest.dropFirst()
    }
    guard let unit = rest.first else { return nil }
    let tail = Array(rest.dropFirst())
    switch unit {
    case "day", "days":
      return tail.isEmpty ? Rule(frequency: .daily, interval: interval) : nil
    case "week", "weeks":
      return weekly(tail, interval: interval)
    case "month", "months":
      return monthly(tail, interval: interval, quarterly: false)
    case "year", "years":
      return yearly(tail, interval: interval)
    default:
      return nil
    }
  }

  /// `15th`, `last day`, `first mon`, `last fri`, `last business day`; a quarterly rule
  /// keeps the quarters' first months (Jan, Apr, Jul, Oct), or their last ones (Mar, Jun,
  /// Sep, Dec) for "last …".
  private func monthly(_ words: [String], interval: Int, quarterly: Bool) -> Rule? {
    let firstMonths = [1, 4, 7, 10]
    let lastMonths = [3, 6, 9, 12]
    func make(monthDay: [Int] = [], byDay: [Rule.DaySpec] = [], setPos: [Int] = [], last: Bool)
      -> Rule
    {
      Rule(
        frequency: .monthly, interval: interval,
        byMonth: quarterly ? (last ? lastMonths : firstMonths) : [], byMonthDay: monthDay,
        byDay: byDay, bySetPos: setPos)
    }
    switch words.count {
    case 0:
      return Rule(frequency: .monthly, interval: quarterly ? interval * 3 : interval)
    case 1:
      guard let day = Self.dayOfMonth(words[0]) else { return nil }
      return make(monthDay: [day], last: day < 0)
    case 2:
      guard let ordinal = Self.ordinal(words[0]) else { return nil }
      if words[1] == "day" {
        guard ordinal == 1 || ordinal == -1 else { return nil }
        return make(monthDay: [ordinal], last: ordinal < 0)
      }
      if words[1] == "weekday" {
        return make(byDay: Self.workdays, setPos: [ordinal], last: ordinal < 0)
      }
      guard let weekday = Self.weekday(words[1]) else { return nil }
      return make(byDay: [Rule.DaySpec(weekday, ordinal: ordinal)], last: ordinal < 0)
    case 3:
      guard let ordinal = Self.ordinal(words[0]),
        ["business", "working", "work"].contains(words[1]), words[2] == "day"
      else { return nil }
      return make(byDay: Self.workdays, setPos: [ordinal], last: ordinal < 0)
    default:
      return nil
    }
  }

  /// `jan 15`, `15 jan`, `january 15th`.
  private func yearly(_ words: [String], interval: Int) -> Rule? {
    if words.isEmpty { return Rule(frequency: .yearly, interval: interval) }
    guard words.count == 2 else { return nil }
    let pair =
      Self.month(words[0]).flatMap { month in Self.dayOfMonth(words[1]).map { (month, $0) } }
      ?? Self.month(words[1]).flatMap { month in Self.dayOfMonth(words[0]).map { (month, $0) } }
    guard let (month, day) = pair, day > 0, day <= Day.daysIn(month: month, year: 2000) else {
      return nil
    }
    return Rule(frequency: .yearly, interval: interval, byMonth: [month], byMonthDay: [day])
  }

  /// The example of the form closest to what was typed.
  private func example(for head: String, _ words: [String]) -> String {
    guard
      let known = Self.examples.first(where: { $0.word == head })?.word ?? Self.closestWord(head)
    else { return "weekly mon 10:00" }
    let second = words.first ?? ""
    let business = words.contains { word in
      ["business", "working", "work"].contains { Self.editDistance(Array(word), Array($0)) <= 2 }
    }
    switch known {
    case "monthly", "quarterly":
      if business { return "\(known) last business day 16:00" }
      if second.first?.isNumber == true && words.count == 1 { return "\(known) 15th 10:00" }
      if second == "last" { return "\(known) last fri 16:00" }
      return known == "monthly" ? "monthly first mon 10:00" : "quarterly first mon 09:30"
    default:
      return Self.examples.first { $0.word == known }?.example ?? "weekly mon 10:00"
    }
  }

  /// The leading word nearest to `word` by edit distance, when it is near enough.
  private static func closestWord(_ word: String) -> String? {
    let candidates = examples.map(\.word) + ["biweekly", "fortnightly", "annually"]
    let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.count / 3) else {
      return nil
    }
    switch best.0 {
    case "biweekly", "fortnightly": return "every"
    case "annually": return "yearly"
    default: return best.0
    }
  }

  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }

  // MARK: - Words

  static let workdays = Rule.Weekday.workdays.map { Rule.DaySpec($0) }

  /// `mon`, `monday`, `tu`, `thurs`: at least two letters of the English name.
  static func weekday(_ word: String) -> Rule.Weekday? {
    guard word.count >= 2 else { return nil }
    return Rule.Weekday.allCases.first { $0.name.lowercased().hasPrefix(word) }
  }

  /// `mon`, `mon,thu`, `mon-fri`.
  static func dayList(_ word: String) -> [Rule.DaySpec]? {
    var days: [Rule.DaySpec] = []
    for item in word.split(separator: ",", omittingEmptySubsequences: false) {
      let ends = item.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
      if ends.count == 2, let from = weekday(ends[0]), let to = weekday(ends[1]), from <= to {
        days += (from.rawValue...to.rawValue).compactMap(Rule.Weekday.init(rawValue:)).map {
          Rule.DaySpec($0)
        }
      } else if ends.count == 1, let day = weekday(ends[0]) {
        days.append(Rule.DaySpec(day))
      } else {
        return nil
      }
    }
    return days
  }

  /// `first` … `fifth`, `1st` … `5th`, `last`.
  static func ordinal(_ word: String) -> Int? {
    let words = ["first", "second", "third", "fourth", "fifth"]
    if let index = words.firstIndex(of: word) { return index + 1 }
    if word == "last" { return -1 }
    if let number = dayOfMonth(word), number <= 5, word.count > 1 { return number }
    return nil
  }

  /// `15`, `15th`, `1st`, `2nd`, `3rd`, `-1` (the last day).
  static func dayOfMonth(_ word: String) -> Int? {
    var digits = Substring(word)
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
      digits = digits.dropLast(2)
    }
    guard let number = Int(digits), (1...31).contains(abs(number)) else { return nil }
    return number
  }

  /// `jan`, `january`, `sept`.
  static func month(_ word: String) -> Int? {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    guard word.count >= 3 else { return nil }
    return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
  }
}
