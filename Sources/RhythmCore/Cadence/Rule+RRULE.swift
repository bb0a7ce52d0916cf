import Foundation

extension Rule {
  /// Reads RRULE text such as `FREQ=MONTHLY;BYDAY=-1FR` or `RRULE:FREQ=DAILY;COUNT=10`.
  /// - Throws: `RhythmError.invalidRule` naming what is wrong and showing a valid example.
  public init(rrule text: String) throws(RhythmError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    var body = Substring(trimmed)
    if body.uppercased().hasPrefix("RRULE:") { body = body.dropFirst(6) }
    var parts: [String: String] = [:]
    for part in body.split(separator: ";") {
      let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pair.count == 2, !pair[1].isEmpty else {
        throw Rule.rruleError(trimmed, "'\(part)' is not NAME=VALUE")
      }
      let name = pair[0].trimmingCharacters(in: .whitespaces).uppercased()
      guard Rule.partNames.contains(name) else {
        throw Rule.rruleError(trimmed, "\(name) is not supported (Rhythm reads \(Rule.partList))")
      }
      guard parts[name] == nil else { throw Rule.rruleError(trimmed, "\(name) is given twice") }
      parts[name] = pair[1].trimmingCharacters(in: .whitespaces).uppercased()
    }
    guard let freqText = parts["FREQ"] else { throw Rule.rruleError(trimmed, "FREQ is missing") }
    guard let frequency = Frequency(rawValue: freqText) else {
      throw Rule.rruleError(trimmed, "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    }
    let reader = PartReader(text: trimmed, parts: parts)
    let interval = try reader.numbers("INTERVAL", in: 1...10_000, signed: false).first ?? 1
    let count = try reader.numbers("COUNT", in: 1...1_000_000, signed: false).first
    let until = try reader.until()
    if count != nil && until != nil {
      throw Rule.rruleError(trimmed, "COUNT and UNTIL cannot both be given")
    }
    let byMonth = try reader.numbers("BYMONTH", in: 1...12, signed: false)
    let byMonthDay = try reader.numbers("BYMONTHDAY", in: 1...31, signed: true)
    let bySetPos = try reader.numbers("BYSETPOS", in: 1...366, signed: true)
    let byDay = try reader.days()
    var weekStart = Weekday.monday
    if let code = parts["WKST"] {
      guard let day = Weekday(code: code) else {
        throw Rule.rruleError(trimmed, "WKST must be a day code such as MO or SU")
      }
      weekStart = day
    }
    if frequency == .weekly && !byMonthDay.isEmpty {
      throw Rule.rruleError(trimmed, "BYMONTHDAY cannot be used with FREQ=WEEKLY")
    }
    if let bad = byDay.first(where: { $0.ordinal != nil }) {
      let limit = frequency == .yearly && byMonth.isEmpty ? 53 : 5
      guard frequency == .monthly || frequency == .yearly else {
        throw Rule.rruleError(trimmed, "BYDAY=\(bad) needs FREQ=MONTHLY or YEARLY")
      }
      if let outside = byDay.first(where: { abs($0.ordinal ?? 0) > limit }) {
        throw Rule.rruleError(
          trimmed, "BYDAY=\(outside): the ordinal must be 1…\(limit) or -1…-\(limit)")
      }
    }
    if !bySetPos.isEmpty && byDay.isEmpty && byMonthDay.isEmpty && byMonth.isEmpty {
      throw Rule.rruleError(trimmed, "BYSETPOS needs another BYxxx part to pick from")
    }
    self.init(
      frequency: frequency, interval: interval, count: count, until: until, byMonth: byMonth,
      byMonthDay: byMonthDay, byDay: byDay, bySetPos: bySetPos, weekStart: weekStart)
  }

  static let partNames: Set<String> = [
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST",
  ]

  static let partList =
    "FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS and WKST"

  static func rruleError(_ text: String, _ reason: String) -> RhythmError {
    .invalidRule("cannot read '\(text)': \(reason) (try 'FREQ=MONTHLY;BYDAY=1MO')")
  }
}

/// Reads the values of an RRULE's parts, with errors that name the part.
private struct PartReader {
  let text: String
  let parts: [String: String]

  func numbers(_ name: String, in range: ClosedRange<Int>, signed: Bool) throws(RhythmError)
    -> [Int]
  {
    guard let value = parts[name] else { return [] }
    var result: [Int] = []
    for item in value.split(separator: ",", omittingEmptySubsequences: false) {
      guard let number = Int(item), range.contains(abs(number)), signed || number > 0 else {
        let bounds = signed ? "\(range) or -\(range.lowerBound)…-\(range.upperBound)" : "\(range)"
        throw Rule.rruleError(text, "\(name)=\(value): expected \(bounds)")
      }
      result.append(number)
    }
    return result
  }

  func days() throws(RhythmError) -> [Rule.DaySpec] {
    guard let value = parts["BYDAY"] else { return [] }
    var result: [Rule.DaySpec] = []
    for item in value.split(separator: ",", omittingEmptySubsequences: false) {
      guard item.count >= 2, let weekday = Rule.Weekday(code: item.suffix(2)) else {
        throw Rule.rruleError(
          text, "BYDAY=\(value): '\(item)' is not a day such as MO, 1MO or -1FR")
      }
      let prefix = item.dropLast(2)
      var ordinal: Int?
      if !prefix.isEmpty {
        guard let number = Int(prefix), number != 0 else {
          throw Rule.rruleError(
            text, "BYDAY=\(value): '\(item)' is not a day such as MO, 1MO or -1FR")
        }
        ordinal = number
      }
      result.append(Rule.DaySpec(weekday, ordinal: ordinal))
    }
    return result
  }

  func until() throws(RhythmError) -> Rule.Until? {
    guard let value = parts["UNTIL"] else { return nil }
    let bytes = Array(value.utf8)
    func day(_ range: Range<Int>) -> Day? {
      guard bytes.count >= range.upperBound,
        let year = Day.number(bytes[range.lowerBound..<range.lowerBound + 4]),
        let month = Day.number(bytes[range.lowerBound + 4..<range.lowerBound + 6]),
        let dayOfMonth = Day.number(bytes[range.lowerBound + 6..<range.lowerBound + 8])
      else { return nil }
      return Day(year: year, month: month, day: dayOfMonth)
    }
    let failure = Rule.rruleError(
      text, "UNTIL=\(value): expected 20261231, 20261231T170000 or 20261231T170000Z")
    guard let date = day(0..<8) else { throw failure }
    if bytes.count == 8 { return .day(date) }
    guard bytes.count == 15 || bytes.count == 16, bytes[8] == UInt8(ascii: "T"),
      let hour = Day.number(bytes[9..<11]), let minute = Day.number(bytes[11..<13]),
      let second = Day.number(bytes[13..<15]),
      let time = TimeOfDay(hour: hour, minute: minute, second: second)
    else { throw failure }
    let local = LocalDateTime(day: date, time: time)
    if bytes.count == 15 { return .local(local) }
    guard bytes[15] == UInt8(ascii: "Z") else { throw failure }
    return .instant(Date(timeIntervalSince1970: Double(local.wallSeconds)))
  }
}
