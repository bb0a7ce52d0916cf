import Foundation

/// Decodes steps and decisions from snapshot lines, straight from the bytes: keys are matched
/// as bytes and dates parsed in place, so only the strings a record keeps are made.
/// `JSONDecoder` spends about 60,000 instructions a step; this spends a few thousand, which is
/// what lets the cockpit open on 50,000 steps at once. A line it cannot read (escapes, unknown
/// fields) returns `nil` and goes through `JSONDecoder`, which also names any error: this is a
/// fast path, never the judge of validity.
enum StepLineDecoder {
  /// The step on `line`, or `nil` to use the full decoder.
  static func decode(_ line: UnsafeRawBufferPointer) -> Step? {
    var scanner = LineScanner(bytes: line)
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
    let complete = scanner.fields { key, scanner in
      switch key {
      case .id: id = scanner.string()
      case .title: title = scanner.string()
      case .owner: owner = scanner.string()
      case .due: due = scanner.day()
      case .success: return scanner.optionalString(into: &success)
      case .status:
        guard let parsed = scanner.string().flatMap(Step.Status.init(rawValue:)) else { return false }
        status = parsed
      case .createdAt: createdAt = scanner.instant()
      case .completedAt: return scanner.optionalInstant(into: &completedAt)
      case .review: return scanner.optionalString(into: &review)
      case .tags:
        guard let values = scanner.stringArray() else { return false }
        tags = values
      case .deleted: return scanner.bool(into: &deleted)
      default: return false
      }
      return true
    }
    guard complete, let id, let title, let owner, let due, let createdAt else { return nil }
    var step = Step(
      id: id, title: title, owner: owner, due: due, success: success, createdAt: createdAt,
      review: review, tags: tags)
    step.status = status
    step.completedAt = completedAt
    step.deleted = deleted
    return step
  }

  /// The decision on `line`, or `nil` to use the full decoder.
  static func decodeDecision(_ line: UnsafeRawBufferPointer) -> Decision? {
    var scanner = LineScanner(bytes: line)
    var id: String?
    var text: String?
    var decidedBy: String?
    var review: String?
    var createdAt: Date?
    var tags: [String] = []
    var deleted: Bool?
    let complete = scanner.fields { key, scanner in
      switch key {
      case .id: id = scanner.string()
      case .text: text = scanner.string()
      case .decidedBy: return scanner.optionalString(into: &decidedBy)
      case .review: return scanner.optionalString(into: &review)
      case .createdAt: createdAt = scanner.instant()
      case .tags:
        guard let values = scanner.stringArray() else { return false }
        tags = values
      case .deleted: return scanner.bool(into: &deleted)
      default: return false
      }
      return true
    }
    guard complete, let id, let text, let createdAt else { return nil }
    var decision = Decision(
      id: id, text: text, decidedBy: decidedBy, review: review, createdAt: createdAt, tags: tags)
    decision.deleted = deleted
    return decision
  }
}

/// The field names the decoders above know.
private enum FieldKey: CaseIterable {
  case id, title, owner, due, success, status, createdAt, completedAt, review, tags, deleted, text
  case decidedBy

  var name: StaticString {
    switch self {
    case .id: return "id"
    case .title: return "title"
    case .owner: return "owner"
    case .due: return "due"
    case .success: return "success"
    case .status: return "status"
    case .createdAt: return "createdAt"
    case .completedAt: return "completedAt"
    case .review: return "review"
    case .tags: return "tags"
    case .deleted: return "deleted"
    case .text: return "text"
    case .decidedBy: return "decidedBy"
    }
  }
}

/// A cursor over one compact JSON object, for the record decoders above.
private struct LineScanner {
  let bytes: UnsafeRawBufferPointer
  var index = 0

  init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  /// Calls `field` with each key (a static string compared as bytes) and the scanner placed on
  /// its value; `field` reads the value and returns false to give up. False when the line is
  /// not an object of plain fields.
  mutating func fields(_ field: (FieldKey, inout LineScanner) -> Bool) -> Bool {
    skipSpace()
    guard take(UInt8(ascii: "{")) else { return false }
    skipSpace()
    if take(UInt8(ascii: "}")) { return false }
    while true {
      skipSpace()
      guard let key = knownKey() else { return false }
      skipSpace()
      guard take(UInt8(ascii: ":")) else { return false }
      skipSpace()
      let before = index
      guard field(key, &self), index > before else { return false }
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      return take(UInt8(ascii: "}"))
    }
  }

  /// The key at the cursor, if it is one of `FieldKey`'s.
  private mutating func knownKey() -> FieldKey? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
      if bytes[index] == UInt8(ascii: "\\") { return nil }
      index += 1
    }
    guard index < bytes.count else { return nil }
    let key = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
    index += 1
    for candidate in FieldKey.allCases where candidate.name.utf8CodeUnitCount == key.count {
      if UnsafeRawBufferPointer(start: candidate.name.utf8Start, count: key.count).elementsEqual(key) {
        return candidate
      }
    }
    return nil
  }

  /// The bytes of a string without escapes, cursor past it.
  private mutating func stringBytes() -> UnsafeRawBufferPointer? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)])
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      index += 1
    }
    return nil
  }

  mutating func string() -> String? {
    stringBytes().map { String(decoding: $0, as: UTF8.self) }
  }

  mutating func day() -> Day? {
    stringBytes().flatMap { Day.parse(utf8: $0.bindMemory(to: UInt8.self)) }
  }

  mutating func instant() -> Date? {
    stringBytes().flatMap { ISOInstant.parse(utf8: $0.bindMemory(to: UInt8.self)) }
  }

  mutating func optionalString(into value: inout String?) -> Bool {
    if take(word: "null") {
      value = nil
      return true
    }
    guard let text = string() else { return false }
    value = text
    return true
  }

  mutating func optionalInstant(into value: inout Date?) -> Bool {
    if take(word: "null") {
      value = nil
      return true
    }
    guard let date = instant() else { return false }
    value = date
    return true
  }

  mutating func bool(into value: inout Bool?) -> Bool {
    if take(word: "true") {
      value = true
    } else if take(word: "false") {
      value = false
    } else {
      return take(word: "null")
    }
    return true
  }

  mutating func stringArray() -> [String]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var values: [String] = []
    skipSpace()
    if take(UInt8(ascii: "]")) { return values }
    while true {
      skipSpace()
      guard let value = string() else { return nil }
      values.append(value)
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      return take(UInt8(ascii: "]")) ? values : nil
    }
  }

  private mutating func skipSpace() {
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 {
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
    guard index + count <= bytes.count,
      UnsafeRawBufferPointer(start: word.utf8Start, count: count)
        .elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]))
    else { return false }
    index += count
    return true
  }
}
