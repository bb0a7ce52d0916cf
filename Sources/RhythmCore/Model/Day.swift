import Foundation

/// A calendar day with no time of day or zone, such as a step's due date.
/// Stored as days since 1970-01-01 so that comparisons and ranges are integer arithmetic.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var ordinal: Int32

  /// A day from its ordinal.
  public init(ordinal: Int32) {
    self.ordinal = ordinal
  }

  /// A day from its year, month (1–12) and day of month; `nil` when it does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year)
    else { return nil }
    ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
  }

  /// The year, month and day of month.
  public var components: (year: Int, month: Int, day: Int) {
    Day.civilFromDays(Int(ordinal))
  }

  /// Day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
  public var isoWeekday: Int {
    let weekday = (Int(ordinal) + 3) % 7  // 1970-01-01 was a Thursday (3 when Monday is 0)
    return (weekday < 0 ? weekday + 7 : weekday) + 1
  }

  /// The day `count` days later (earlier when negative).
  public func adding(days count: Int) -> Day {
    Day(ordinal: ordinal + Int32(count))
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = components
    guard (0...9999).contains(year) else {
      return Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(day, 2)
    }
    // Ten ASCII digits and dashes written in place (an import formats 100,000 of these).
    return String(unsafeUninitializedCapacity: 10) { buffer in
      let zero = UInt8(ascii: "0")
      buffer[0] = zero + UInt8(year / 1000)
      buffer[1] = zero + UInt8(year / 100 % 10)
      buffer[2] = zero + UInt8(year / 10 % 10)
      buffer[3] = zero + UInt8(year % 10)
      buffer[4] = UInt8(ascii: "-")
      buffer[5] = zero + UInt8(month / 10)
      buffer[6] = zero + UInt8(month % 10)
      buffer[7] = UInt8(ascii: "-")
      buffer[8] = zero + UInt8(day / 10)
      buffer[9] = zero + UInt8(day % 10)
      return 10
    }
  }

  /// Reads `YYYY-MM-DD` strictly.
  public static func parse(_ text: some StringProtocol) -> Day? {
    var copy = String(text)
    return copy.withUTF8 { parse(utf8: $0) }
  }

  /// The same, from UTF-8 bytes, without allocating.
  static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = Day.number(bytes[0..<4]), let month = Day.number(bytes[5..<7]),
      let day = Day.number(bytes[8..<10])
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// The day that contains `date` in `timeZone`.
  public init(containing date: Date, in timeZone: TimeZone) {
    let seconds =
      Int(date.timeIntervalSince1970.rounded(.down))
      + timeZone.secondsFromGMT(for: date)
    ordinal = Int32((seconds - (seconds % 86_400 + 86_400) % 86_400) / 86_400)
  }

  /// The first instant of this day in `timeZone`.
  public func start(in timeZone: TimeZone) -> Date {
    let midnightUTC = Double(Int(ordinal) * 86_400)
    let guess = Date(timeIntervalSince1970: midnightUTC - Double(timeZone.secondsFromGMT()))
    let offset = timeZone.secondsFromGMT(for: guess)
    return Date(timeIntervalSince1970: midnightUTC - Double(offset))
  }

  /// The first instant of the next day in `timeZone`: "on or before the end of the day" means
  /// strictly before this.
  public func end(in timeZone: TimeZone) -> Date {
    adding(days: 1).start(in: timeZone)
  }

  /// Number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day.parse(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  // MARK: - Civil calendar arithmetic (Howard Hinnant's algorithms)

  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func number<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte >= 48, byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return value
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}
