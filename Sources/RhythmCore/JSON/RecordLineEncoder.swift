import Foundation

/// Writes steps and decisions as snapshot lines straight into bytes: the same bytes as
/// `JSONValue.object(R.schema.fields(of: record)).serialized()` (compact, sorted keys, `null`
/// fields left out), without making a `JSONValue` per field. The snapshot of a large store is
/// mostly these two kinds; the rest go through the schema.
enum RecordLineEncoder {
  /// Appends the step's line to `bytes`.
  static func append(_ step: Step, to bytes: inout [UInt8]) {
    var line = ObjectWriter(into: &bytes)
    if let completedAt = step.completedAt { line.instant("completedAt", completedAt, &bytes) }
    line.instant("createdAt", step.createdAt, &bytes)
    if let deleted = step.deleted { line.bool("deleted", deleted, &bytes) }
    line.day("due", step.due, &bytes)
    line.string("id", step.id, &bytes)
    line.string("owner", step.owner, &bytes)
    if let review = step.review { line.string("review", review, &bytes) }
    line.string("status", step.status.rawValue, &bytes)
    if let success = step.success { line.string("success", success, &bytes) }
    line.strings("tags", step.tags, &bytes)
    line.string("title", step.title, &bytes)
    if let topic = step.topic { line.string("topic", topic, &bytes) }
    bytes.append(UInt8(ascii: "}"))
  }

  /// Appends the decision's line to `bytes`.
  static func append(_ decision: Decision, to bytes: inout [UInt8]) {
    var line = ObjectWriter(into: &bytes)
    line.instant("createdAt", decision.createdAt, &bytes)
    if let decidedBy = decision.decidedBy { line.string("decidedBy", decidedBy, &bytes) }
    if let deleted = decision.deleted { line.bool("deleted", deleted, &bytes) }
    line.string("id", decision.id, &bytes)
    if let review = decision.review { line.string("review", review, &bytes) }
    line.strings("tags", decision.tags, &bytes)
    line.string("text", decision.text, &bytes)
    if let topic = decision.topic { line.string("topic", topic, &bytes) }
    bytes.append(UInt8(ascii: "}"))
  }

  /// Appends the instant as `ISOInstant.format` writes it (`2026-03-09T14:00:00Z`, with
  /// milliseconds only when it has them), digit by digit: no string is made.
  static func appendInstant(_ date: Date, to bytes: inout [UInt8]) {
    let interval = date.timeIntervalSince1970
    var whole = Int(interval.rounded(.down))
    var millis = Int(((interval - Double(whole)) * 1000).rounded())
    if millis >= 1000 {
      whole += 1
      millis -= 1000
    }
    let days = Int((Double(whole) / 86_400).rounded(.down))
    let second = whole - days * 86_400
    appendDay(Day(ordinal: Int32(truncatingIfNeeded: days)), to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    appendDigits(second / 3600, 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(second % 3600 / 60, 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(second % 60, 2, to: &bytes)
    if millis > 0 {
      bytes.append(UInt8(ascii: "."))
      appendDigits(millis, 3, to: &bytes)
    }
    bytes.append(UInt8(ascii: "Z"))
  }

  /// Appends the day as `Day.description` writes it (`YYYY-MM-DD`).
  static func appendDay(_ day: Day, to bytes: inout [UInt8]) {
    let (year, month, dayOfMonth) = day.components
    guard (0...9999).contains(year) else {
      bytes.append(contentsOf: day.description.utf8)
      return
    }
    appendDigits(year, 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(month, 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(dayOfMonth, 2, to: &bytes)
  }

  /// Appends `value` (0 or more, under 10^width) as `width` digits.
  private static func appendDigits(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(48 + rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Appends `text` as a JSON string, escaped as `JSONValue.serialized()` escapes it.
  static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var clean = 0
      for (position, byte) in utf8.enumerated()
      where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<position]))
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
        clean = position + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
    }
    bytes.append(0x22)
  }
}

/// Writes the keys of one compact object (the caller gives them in sorted order).
private struct ObjectWriter {
  private var first = true

  init(into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "{"))
  }

  private mutating func key(_ name: StaticString, _ bytes: inout [UInt8]) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    first = false
    bytes.append(0x22)
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    bytes.append(0x22)
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func string(_ name: StaticString, _ value: String, _ bytes: inout [UInt8]) {
    key(name, &bytes)
    RecordLineEncoder.appendString(value, to: &bytes)
  }

  mutating func instant(_ name: StaticString, _ value: Date, _ bytes: inout [UInt8]) {
    key(name, &bytes)
    bytes.append(0x22)
    RecordLineEncoder.appendInstant(value, to: &bytes)
    bytes.append(0x22)
  }

  mutating func day(_ name: StaticString, _ value: Day, _ bytes: inout [UInt8]) {
    key(name, &bytes)
    bytes.append(0x22)
    RecordLineEncoder.appendDay(value, to: &bytes)
    bytes.append(0x22)
  }

  mutating func bool(_ name: StaticString, _ value: Bool, _ bytes: inout [UInt8]) {
    key(name, &bytes)
    bytes += value ? Array("true".utf8) : Array("false".utf8)
  }

  mutating func strings(_ name: StaticString, _ values: [String], _ bytes: inout [UInt8]) {
    key(name, &bytes)
    bytes.append(UInt8(ascii: "["))
    for (position, value) in values.enumerated() {
      if position > 0 { bytes.append(UInt8(ascii: ",")) }
      RecordLineEncoder.appendString(value, to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
  }
}
