import Foundation

/// Decodes a step from one snapshot line, straight from the bytes. `JSONDecoder` spends about
/// 60,000 instructions a step; this spends a few thousand, which is what lets the cockpit hold
/// 50,000 steps and `step list` print thousands in a few milliseconds. Lines it cannot read
/// (unexpected shapes) return `nil`, and the caller falls back to `JSONDecoder`, so it is a
/// fast path only, never the judge of validity.
enum StepLineDecoder {
  /// The step on `line`, or `nil` when the line is not a plain step object.
  static func decode(_ line: UnsafeRawBufferPointer) -> Step? {
    var scanner = ByteScanner(bytes: line)
    return scanner.step()
  }
}

private struct ByteScanner {
  let bytes: UnsafeRawBufferPointer
  var index = 0

  init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  mutating func step() -> Step? {
    skipSpace()
    guard take(UInt8(ascii: "{")) else { return nil }
    var id: String?
    var title: String?
    var owner: String?
    var due: Day?
    var success: String?
    var status = Step.Status.open
    var createdAt: Date?
    var completedAt: Date?
    var review: String?
    var tags: [String] = []
    var deleted: Bool?
    skipSpace()
    if take(UInt8(ascii: "}")) { return nil }
    while true {
      skipSpace()
      guard let key = rawString() else { return nil }
      skipSpace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipSpace()
      switch key {
      case "id":
        guard let value = string() else { return nil }
        id = value
      case "title":
        guard let value = string() else { return nil }
        title = value
      case "owner":
        guard let value = string() else { return nil }
        owner = value
      case "due":
        guard let value = string(), let day = Day.parse(value) else { return nil }
        due = day
      case "success":
        guard let value = optionalString() else { return nil }
        success = value
      case "status":
        guard let value = string(), let parsed = Step.Status(rawValue: value) else { return nil }
        status = parsed
      case "createdAt":
        guard let value = string(), let date = ISOInstant.parse(value) else { return nil }
        createdAt = date
      case "completedAt":
        guard let value = optionalString() else { return nil }
        if let value {
          guard let date = ISOInstant.parse(value) else { return nil }
          completedAt = date
        }
      case "review":
        guard let value = optionalString() else { return nil }
        review = value
      case "tags":
        guard let value = stringArray() else { return nil }
        tags = value
      case "deleted":
        if take(word: "true") {
          deleted = true
        } else if take(word: "false") {
          deleted = false
        } else {
          return nil
        }
      default:
        return nil  // an unknown field: let the full decoder judge
      }
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let id, let title, let owner, let due, let createdAt else { return nil }
    var step = Step(
      id: id, title: title, owner: owner, due: due, success: success, createdAt: createdAt,
      review: review, tags: tags)
    step.status = status
    step.completedAt = completedAt
    step.deleted = deleted
    return step
  }

  private mutating func skipSpace() {
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09
    {
      index += 1
    }
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private mutating func take(word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  /// A string without escapes, as a String; `nil` for anything else (escapes go the slow way).
  private mutating func rawString() -> String? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      index += 1
    }
    return nil
  }

  private mutating func string() -> String? {
    rawString()
  }

  private mutating func optionalString() -> String?? {
    if take(word: "null") { return .some(nil) }
    guard let value = rawString() else { return nil }
    return .some(value)
  }

  private mutating func stringArray() -> [String]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var values: [String] = []
    skipSpace()
    if take(UInt8(ascii: "]")) { return values }
    while true {
      skipSpace()
      guard let value = rawString() else { return nil }
      values.append(value)
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "]")) else { return nil }
      return values
    }
  }
}
