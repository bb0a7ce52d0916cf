import Foundation

/// Decodes steps, decisions and reviews from snapshot lines, straight from the bytes: keys are
/// matched as bytes and dates parsed in place, so only the strings a record keeps are made,
/// and strings a line repeats from the previous one (a review id, an owner, a success wording,
/// tags) are shared rather than made again. `JSONDecoder` spends about 60,000 instructions a
/// step; this spends a few thousand, which is what lets the cockpit open on 50,000 steps at
/// once. A line it cannot read (escapes, unknown fields) returns `nil` and goes through
/// `JSONDecoder`, which also names any error: this is a fast path, never the judge of validity.
enum RecordLineDecoder {
  /// Strings of the previous line, shared with the next one when it repeats them.
  struct Reuse {
    fileprivate var owner: String?
    fileprivate var success: String?
    fileprivate var review: String?
    fileprivate var cadence: String?
    fileprivate var topic: String?
    fileprivate var tags: (bytes: [UInt8], values: [String])?
    /// The keys the last line read named (a bit per known key).
    fileprivate var keys: UInt32 = 0

    /// Nothing to share yet.
    init() {}
  }

  /// The step on `line`, or `nil` to use the full decoder.
  static func decode(_ line: UnsafeRawBufferPointer) -> Step? {
    var reuse = Reuse()
    return decode(line, reusing: &reuse)
  }

  /// The step on `line`, sharing strings with the previous line read through `reuse`.
  static func decode(_ line: UnsafeRawBufferPointer, reusing reuse: inout Reuse) -> Step? {
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
    var topic: String?
    var deleted: Bool?
    let complete = scanner.fields(seen: &reuse.keys) { key, scanner in
      switch key {
      case .id: id = scanner.string()
      case .title: title = scanner.string()
      case .owner: owner = scanner.string(reusing: &reuse.owner)
      case .due: due = scanner.day()
      case .success: return scanner.optionalString(into: &success, reusing: &reuse.success)
      case .status:
        guard let parsed = scanner.stepStatus() else { return false }
        status = parsed
      case .createdAt: createdAt = scanner.instant()
      case .completedAt: return scanner.optionalInstant(into: &completedAt)
      case .review: return scanner.optionalString(into: &review, reusing: &reuse.review)
      case .tags:
        guard let values = scanner.stringArray(reusing: &reuse.tags) else { return false }
        tags = values
      case .topic: return scanner.optionalString(into: &topic, reusing: &reuse.topic)
      case .deleted: return scanner.bool(into: &deleted)
      default: return false
      }
      return true
    }
    guard complete, let id, let title, let owner, let due, let createdAt else { return nil }
    var step = Step(
      id: id, title: title, owner: owner, due: due, success: success, createdAt: createdAt,
      review: review, tags: tags, topic: topic)
    step.status = status
    step.completedAt = completedAt
    step.deleted = deleted
    return step
  }

  /// The decision on `line`, or `nil` to use the full decoder.
  static func decodeDecision(_ line: UnsafeRawBufferPointer) -> Decision? {
    var reuse = Reuse()
    return decodeDecision(line, reusing: &reuse)
  }

  /// The decision on `line`, sharing strings with the previous line read through `reuse`.
  static func decodeDecision(_ line: UnsafeRawBufferPointer, reusing reuse: inout Reuse)
    -> Decision?
  {
    var scanner = LineScanner(bytes: line)
    var id: String?
    var text: String?
    var decidedBy: String?
    var review: String?
    var createdAt: Date?
    var tags: [String] = []
    var topic: String?
    var deleted: Bool?
    let complete = scanner.fields(seen: &reuse.keys) { key, scanner in
      switch key {
      case .id: id = scanner.string()
      case .text: text = scanner.string()
      case .decidedBy: return scanner.optionalString(into: &decidedBy, reusing: &reuse.owner)
      case .review: return scanner.optionalString(into: &review, reusing: &reuse.review)
      case .createdAt: createdAt = scanner.instant()
      case .tags:
        guard let values = scanner.stringArray(reusing: &reuse.tags) else { return false }
        tags = values
      case .topic: return scanner.optionalString(into: &topic, reusing: &reuse.topic)
      case .deleted: return scanner.bool(into: &deleted)
      default: return false
      }
      return true
    }
    guard complete, let id, let text, let createdAt else { return nil }
    var decision = Decision(
      id: id, text: text, decidedBy: decidedBy, review: review, createdAt: createdAt, tags: tags,
      topic: topic)
    decision.deleted = deleted
    return decision
  }

  /// The review on `line`, or `nil` to use the full decoder.
  static func decodeReview(_ line: UnsafeRawBufferPointer) -> Review? {
    var reuse = Reuse()
    return decodeReview(line, reusing: &reuse)
  }

  /// The review on `line`, sharing strings with the previous line read through `reuse`.
  static func decodeReview(_ line: UnsafeRawBufferPointer, reusing reuse: inout Reuse)
    -> Review?
  {
    var scanner = LineScanner(bytes: line)
    var id: String?
    var cadence: String?
    var occurrence: Date?
    var status: Review.Status?
    var movedTo: Date?
    var startedAt: Date?
    var endedAt: Date?
    var rating: Int?
    var ratings: [String: Int] = [:]
    var attendees: [String]?
    var checkins: [String: String]?
    var unclear: Bool?
    var minutesAt: Date?
    var deleted: Bool?
    let complete = scanner.fields(seen: &reuse.keys) { key, scanner in
      switch key {
      case .id: id = scanner.string()
      case .cadence: cadence = scanner.string(reusing: &reuse.cadence)
      case .occurrence: occurrence = scanner.instant()
      case .status: status = scanner.string().flatMap(Review.Status.init(rawValue:))
      case .movedTo: return scanner.optionalInstant(into: &movedTo)
      case .startedAt: return scanner.optionalInstant(into: &startedAt)
      case .endedAt: return scanner.optionalInstant(into: &endedAt)
      case .minutesAt: return scanner.optionalInstant(into: &minutesAt)
      case .rating: return scanner.optionalInteger(into: &rating)
      case .attendees: attendees = scanner.stringArray(reusing: &reuse.tags)
      case .checkins: checkins = scanner.stringMap()
      case .ratings:
        guard let values = scanner.integerMap() else { return false }
        ratings = values
      // Audit answers are rare (quarterly reviews): only an empty map is read here.
      case .audit: return scanner.emptyObject()
      // So are section and topic timers (a review the cockpit ran): only empty maps here.
      case .spent, .topicSpent: return scanner.emptyObject()
      case .unclear: return scanner.bool(into: &unclear)
      case .deleted: return scanner.bool(into: &deleted)
      default: return false
      }
      return true
    }
    guard complete, let id, let cadence, let occurrence, let status, let attendees, let checkins
    else { return nil }
    var review = Review(id: id, cadence: cadence, occurrence: occurrence, status: status)
    review.movedTo = movedTo
    review.startedAt = startedAt
    review.endedAt = endedAt
    review.rating = rating
    review.ratings = ratings
    review.attendees = attendees
    review.checkins = checkins
    review.unclear = unclear
    review.minutesAt = minutesAt
    review.deleted = deleted
    return review
  }
}

extension RecordLineDecoder {
  /// The fields of `R`'s schema (bit `i` for `R.schema.fields[i]`) that the last line read
  /// through `reuse` named, when they include every field the schema requires; `nil` when a
  /// required field was missing (the record is then made field by field).
  static func fieldsNamed<R: Record>(by reuse: Reuse, in type: R.Type) -> UInt64? {
    let table = KeyTable.of(R.self)
    var mask: UInt64 = 0
    var keys = reuse.keys
    while keys != 0 {
      let bit = keys.trailingZeroBitCount
      keys &= keys - 1
      let position = bit < table.positions.count ? table.positions[bit] : -1
      if position >= 0 { mask |= 1 << UInt64(position) }
    }
    return mask & table.required == table.required ? mask : nil
  }
}

/// For one record type: the schema position of each decoder key (-1: none, as `id`), and the
/// schema's required fields as bits.
private struct KeyTable: Sendable {
  var positions: [Int]
  var required: UInt64

  init<R: Record>(_ type: R.Type) {
    // Every key up to the last one (the timers' maps too, or their stamps would be lost).
    positions = (0...FieldKey.topicSpent.rawValue).map { raw in
      guard let key = FieldKey(rawValue: raw), key != .id else { return -1 }
      return R.schema.position(of: key.name.description) ?? -1
    }
    required = 0
    for (position, field) in R.schema.fields.enumerated() where !field.hasDefault && position < 64 {
      required |= 1 << UInt64(position)
    }
  }

  static let step = KeyTable(Step.self)
  static let decision = KeyTable(Decision.self)
  static let review = KeyTable(Review.self)

  static func of<R: Record>(_ type: R.Type) -> KeyTable {
    if R.self == Step.self { return step }
    if R.self == Decision.self { return decision }
    if R.self == Review.self { return review }
    return KeyTable(R.self)
  }
}

/// The field names the decoders above know.
private enum FieldKey: Int {
  case id, title, owner, due, success, status, createdAt, completedAt, review, tags, deleted, text
  case decidedBy, topic
  case cadence, occurrence, movedTo, startedAt, endedAt, rating, attendees, checkins, minutesAt
  case ratings, audit, unclear
  case spent, topicSpent

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
    case .cadence: return "cadence"
    case .occurrence: return "occurrence"
    case .movedTo: return "movedTo"
    case .startedAt: return "startedAt"
    case .endedAt: return "endedAt"
    case .rating: return "rating"
    case .attendees: return "attendees"
    case .checkins: return "checkins"
    case .minutesAt: return "minutesAt"
    case .topic: return "topic"
    case .ratings: return "ratings"
    case .audit: return "audit"
    case .unclear: return "unclear"
    case .spent: return "spent"
    case .topicSpent: return "topicSpent"
    }
  }

  /// The key whose name is `bytes`, if any: its length and a letter or two pick the one
  /// name to compare with (no table, no allocation: this runs ten times a line).
  init?(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count >= 2, let base = bytes.baseAddress else { return nil }
    let candidate: FieldKey
    switch (bytes.count, bytes[0]) {
    case (2, UInt8(ascii: "i")): candidate = .id
    case (3, UInt8(ascii: "d")): candidate = .due
    case (4, UInt8(ascii: "t")): candidate = bytes[1] == UInt8(ascii: "a") ? .tags : .text
    case (5, UInt8(ascii: "t")): candidate = bytes[1] == UInt8(ascii: "i") ? .title : .topic
    case (5, UInt8(ascii: "a")): candidate = .audit
    case (5, UInt8(ascii: "o")): candidate = .owner
    case (5, UInt8(ascii: "s")): candidate = .spent
    case (6, UInt8(ascii: "s")): candidate = .status
    case (6, UInt8(ascii: "r")): candidate = bytes[2] == UInt8(ascii: "v") ? .review : .rating
    case (7, UInt8(ascii: "s")): candidate = .success
    case (7, UInt8(ascii: "d")): candidate = .deleted
    case (7, UInt8(ascii: "c")): candidate = .cadence
    case (7, UInt8(ascii: "m")): candidate = .movedTo
    case (7, UInt8(ascii: "e")): candidate = .endedAt
    case (7, UInt8(ascii: "r")): candidate = .ratings
    case (7, UInt8(ascii: "u")): candidate = .unclear
    case (8, UInt8(ascii: "c")): candidate = .checkins
    case (9, UInt8(ascii: "c")): candidate = .createdAt
    case (9, UInt8(ascii: "d")): candidate = .decidedBy
    case (9, UInt8(ascii: "a")): candidate = .attendees
    case (9, UInt8(ascii: "s")): candidate = .startedAt
    case (9, UInt8(ascii: "m")): candidate = .minutesAt
    case (10, UInt8(ascii: "o")): candidate = .occurrence
    case (10, UInt8(ascii: "t")): candidate = .topicSpent
    case (11, UInt8(ascii: "c")): candidate = .completedAt
    default: return nil
    }
    guard memcmp(candidate.name.utf8Start, base, bytes.count) == 0 else { return nil }
    self = candidate
  }
}

/// A cursor over one compact JSON object, for the record decoders above and the journal's
/// operation decoder (`OperationLineDecoder`).
struct LineScanner {
  let bytes: UnsafeRawBufferPointer
  var index = 0

  init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  /// Calls `field` with each key (a static string compared as bytes) and the scanner placed on
  /// its value; `field` reads the value and returns false to give up. False when the line is
  /// not an object of plain fields, or names a field twice.
  fileprivate mutating func fields(
    seen keys: inout UInt32, _ field: (FieldKey, inout LineScanner) -> Bool
  ) -> Bool {
    keys = 0
    skipSpace()
    guard take(UInt8(ascii: "{")) else { return false }
    skipSpace()
    if take(UInt8(ascii: "}")) { return false }
    var seen: UInt32 = 0
    while true {
      skipSpace()
      guard let key = knownKey() else { return false }
      // A repeated key goes to the full decoder, which decides which of the two counts.
      guard seen & 1 << key.rawValue == 0 else { return false }
      seen |= 1 << key.rawValue
      keys = seen
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
    guard take(UInt8(ascii: "\"")), let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var end = index
    while end < count {
      let byte = base.load(fromByteOffset: end, as: UInt8.self)
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") { return nil }
      end += 1
    }
    guard end < count,
      let key = FieldKey(UnsafeRawBufferPointer(start: base + index, count: end - index))
    else { return nil }
    index = end + 1
    return key
  }

  /// The bytes of a string without escapes, cursor past it.
  mutating func stringBytes() -> UnsafeRawBufferPointer? {
    guard take(UInt8(ascii: "\"")), let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    let start = index
    var end = index
    // Eight bytes at a time up to the word that holds a quote, a backslash or a control byte.
    while end + 8 <= count,
      !LineScanner.mayEndString(base.loadUnaligned(fromByteOffset: end, as: UInt64.self))
    {
      end += 8
    }
    while end < count {
      let byte = base.load(fromByteOffset: end, as: UInt8.self)
      if byte == UInt8(ascii: "\"") {
        index = end + 1
        return UnsafeRawBufferPointer(start: base + start, count: end - start)
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      end += 1
    }
    return nil
  }

  /// Whether any of the eight bytes in `word` is a quote, a backslash or below 0x20 (the
  /// classic "has a zero byte" bit trick; exact about whether, not about which).
  static func mayEndString(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quotes = word ^ (ones &* 0x22)
    let backslashes = word ^ (ones &* 0x5C)
    let found =
      ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
      | ((word &- ones &* 0x20) & ~word)
    return found & highs != 0
  }

  mutating func string() -> String? {
    stringBytes().map { String(decoding: $0, as: UTF8.self) }
  }

  /// A string, shared with `previous` when it has the same bytes (then kept for the next line).
  mutating func string(reusing previous: inout String?) -> String? {
    guard let bytes = stringBytes() else { return nil }
    if let previous, LineScanner.equals(previous, bytes) { return previous }
    let text = String(decoding: bytes, as: UTF8.self)
    previous = text
    return text
  }

  /// `open`, `done` or `dropped`, compared as bytes.
  mutating func stepStatus() -> Step.Status? {
    guard let bytes = stringBytes() else { return nil }
    if LineScanner.equals("done", bytes) { return .done }
    if LineScanner.equals("open", bytes) { return .open }
    if LineScanner.equals("dropped", bytes) { return .dropped }
    return nil
  }

  static func equals(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
    text.utf8.count == bytes.count
      && text.utf8.withContiguousStorageIfAvailable {
        same(UnsafeRawBufferPointer($0), bytes)
      } == true
  }

  /// Whether two buffers hold the same bytes.
  private static func same(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer)
    -> Bool
  {
    guard left.count == right.count else { return false }
    guard let first = left.baseAddress, let second = right.baseAddress else { return true }
    return memcmp(first, second, left.count) == 0
  }

  mutating func day() -> Day? {
    stringBytes().flatMap { Day.parse(utf8: $0.bindMemory(to: UInt8.self)) }
  }

  mutating func instant() -> Date? {
    stringBytes().flatMap { ISOInstant.parse(utf8: $0.bindMemory(to: UInt8.self)) }
  }

  mutating func optionalString(into value: inout String?, reusing previous: inout String?)
    -> Bool
  {
    if take(word: "null") {
      value = nil
      return true
    }
    guard let text = string(reusing: &previous) else { return false }
    value = text
    return true
  }

  /// A whole number of up to 18 digits (a sign allowed), or null.
  mutating func optionalInteger(into value: inout Int?) -> Bool {
    if take(word: "null") {
      value = nil
      return true
    }
    let negative = take(UInt8(ascii: "-"))
    let start = index
    var number = 0
    while index < bytes.count, index - start < 18, bytes[index] >= 48, bytes[index] <= 57 {
      number = number * 10 + Int(bytes[index] - 48)
      index += 1
    }
    // A fraction, an exponent or more digits go to the full decoder.
    guard index > start, index == bytes.count || !LineScanner.isNumberByte(bytes[index]) else {
      return false
    }
    value = negative ? -number : number
    return true
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
      || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
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

  /// An array of strings, shared with `previous` when it has the same bytes (then kept for
  /// the next line).
  mutating func stringArray(reusing previous: inout (bytes: [UInt8], values: [String])?)
    -> [String]?
  {
    let start = index
    guard take(UInt8(ascii: "[")) else { return nil }
    skipSpace()
    if take(UInt8(ascii: "]")) { return [] }
    var count = 0
    while true {
      skipSpace()
      guard stringBytes() != nil else { return nil }
      count += 1
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "]")) else { return nil }
      break
    }
    let whole = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
    if let previous, previous.bytes.withUnsafeBytes({ LineScanner.same($0, whole) }) {
      return previous.values
    }
    // Read again, making the strings this time.
    var again = LineScanner(bytes: whole)
    again.index = 1
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
      again.skipSpace()
      guard let value = again.string() else { return nil }
      values.append(value)
      again.skipSpace()
      _ = again.take(UInt8(ascii: ","))
    }
    previous = (Array(whole), values)
    return values
  }

  /// An object of strings (`{"key":"value",…}`).
  mutating func stringMap() -> [String: String]? {
    guard take(UInt8(ascii: "{")) else { return nil }
    var values: [String: String] = [:]
    skipSpace()
    if take(UInt8(ascii: "}")) { return values }
    while true {
      skipSpace()
      guard let key = string() else { return nil }
      skipSpace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipSpace()
      guard let value = string(), values.updateValue(value, forKey: key) == nil else {
        return nil
      }
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      return take(UInt8(ascii: "}")) ? values : nil
    }
  }

  /// An object of whole numbers (`{"maria":8,…}`).
  mutating func integerMap() -> [String: Int]? {
    guard take(UInt8(ascii: "{")) else { return nil }
    var values: [String: Int] = [:]
    skipSpace()
    if take(UInt8(ascii: "}")) { return values }
    while true {
      skipSpace()
      guard let key = string() else { return nil }
      skipSpace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipSpace()
      var value: Int?
      guard !take(word: "null"), optionalInteger(into: &value), let value,
        values.updateValue(value, forKey: key) == nil
      else { return nil }
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      return take(UInt8(ascii: "}")) ? values : nil
    }
  }

  /// `{}`, and nothing else.
  mutating func emptyObject() -> Bool {
    guard take(UInt8(ascii: "{")) else { return false }
    skipSpace()
    return take(UInt8(ascii: "}"))
  }

  mutating func skipSpace() {
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09
    {
      index += 1
    }
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func take(word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count,
      UnsafeRawBufferPointer(start: word.utf8Start, count: count)
        .elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]))
    else { return false }
    index += count
    return true
  }
}
