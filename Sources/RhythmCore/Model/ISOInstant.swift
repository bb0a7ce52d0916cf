import Foundation

/// Fast, allocation-light reading and writing of ISO 8601 instants
/// (`2026-03-09T10:00:00Z`, `2026-03-09T10:00:00.250-04:00`). `DateFormatter` is ten times
/// slower, and the store reads tens of thousands of these.
public enum ISOInstant {
  /// Reads `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` (or a bare `YYYY-MM-DD`, as midnight UTC);
  /// `nil` for anything else.
  public static func parse(_ text: some StringProtocol) -> Date? {
    var copy = String(text)
    return copy.withUTF8 { parse(utf8: $0) }
  }

  /// The same, from UTF-8 bytes, without allocating.
  static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard bytes.count >= 10, let day = Day.parse(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10]))
    else {
      return nil
    }
    if bytes.count == 10 { return Date(timeIntervalSince1970: Double(Int(day.ordinal) * 86_400)) }
    guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      let hour = field(bytes, 11), bytes[13] == UInt8(ascii: ":"), let minute = field(bytes, 14),
      hour < 24, minute < 60
    else { return nil }
    var index = 16
    var seconds = 0.0
    if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
      guard let second = field(bytes, index + 1), second < 61 else { return nil }
      seconds = Double(second)
      index += 3
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        var scale = 0.1
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
          seconds += Double(bytes[index] - 48) * scale
          scale /= 10
          index += 1
        }
      }
    }
    guard index < bytes.count else { return nil }
    var offset = 0
    switch bytes[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard index + 1 == bytes.count else { return nil }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
      guard let offsetHours = field(bytes, index + 1) else { return nil }
      var offsetMinutes = 0
      if index + 3 == bytes.count {
        offsetMinutes = 0
      } else if index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
        let minutes = field(bytes, index + 4)
      {
        offsetMinutes = minutes
      } else if index + 5 == bytes.count, let minutes = field(bytes, index + 3) {
        offsetMinutes = minutes
      } else {
        return nil
      }
      offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
    default:
      return nil
    }
    let base = Int(day.ordinal) * 86_400 + hour * 3600 + minute * 60 - offset
    return Date(timeIntervalSince1970: Double(base) + seconds)
  }

  /// `2026-03-09T14:00:00Z`, with milliseconds only when the instant has them.
  public static func format(_ date: Date) -> String {
    let interval = date.timeIntervalSince1970
    let whole = Int(interval.rounded(.down))
    let millis = Int(((interval - Double(whole)) * 1000).rounded())
    return format(seconds: whole, millis: millis, offset: 0, zulu: true)
  }

  /// The instant as wall time in `timeZone` with its UTC offset, e.g.
  /// `2026-03-09T10:00:00-04:00`.
  public static func format(_ date: Date, in timeZone: TimeZone) -> String {
    let whole = Int(date.timeIntervalSince1970.rounded(.down))
    let offset = timeZone.secondsFromGMT(for: date)
    return format(seconds: whole, millis: 0, offset: offset, zulu: false)
  }

  private static func format(seconds whole: Int, millis: Int, offset: Int, zulu: Bool) -> String {
    var local = whole + offset
    var extraMillis = millis
    if extraMillis >= 1000 {
      local += 1
      extraMillis -= 1000
    }
    let days = Int((Double(local) / 86_400).rounded(.down))
    let secondOfDay = local - days * 86_400
    let date = Day(ordinal: Int32(days)).description
    if zulu && offset == 0 && date.utf8.count == 10 {
      return utc(date: date, secondOfDay: secondOfDay, millis: extraMillis)
    }
    var text = date + "T"
    text += Day.pad(secondOfDay / 3600, 2) + ":" + Day.pad(secondOfDay % 3600 / 60, 2) + ":"
    text += Day.pad(secondOfDay % 60, 2)
    if extraMillis > 0 { text += "." + Day.pad(extraMillis, 3) }
    if zulu && offset == 0 { return text + "Z" }
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset)
    return text + sign + Day.pad(magnitude / 3600, 2) + ":" + Day.pad(magnitude % 3600 / 60, 2)
  }

  /// `2026-12-01T23:00:00Z` (`.123Z` with milliseconds) written in place: what the general
  /// path makes, for the instants every record holds.
  private static func utc(date: String, secondOfDay: Int, millis: Int) -> String {
    String(unsafeUninitializedCapacity: 24) { buffer in
      var index = 0
      func put(_ byte: UInt8) {
        buffer[index] = byte
        index += 1
      }
      func digits(_ value: Int, _ width: Int) {
        var divisor = width == 3 ? 100 : 10
        while divisor > 0 {
          put(UInt8(ascii: "0") + UInt8(value / divisor % 10))
          divisor /= 10
        }
      }
      for byte in date.utf8 { put(byte) }
      put(UInt8(ascii: "T"))
      digits(secondOfDay / 3600, 2)
      put(UInt8(ascii: ":"))
      digits(secondOfDay % 3600 / 60, 2)
      put(UInt8(ascii: ":"))
      digits(secondOfDay % 60, 2)
      if millis > 0 {
        put(UInt8(ascii: "."))
        digits(millis, 3)
      }
      put(UInt8(ascii: "Z"))
      return index
    }
  }

  private static func field(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
    guard index + 1 < bytes.count else { return nil }
    let high = bytes[index]
    let low = bytes[index + 1]
    guard high >= 48, high <= 57, low >= 48, low <= 57 else { return nil }
    return Int(high - 48) * 10 + Int(low - 48)
  }
}
