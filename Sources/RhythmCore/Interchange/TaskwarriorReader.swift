import Foundation

/// Reads the tasks of a `task export` straight from its bytes, one at a time: a JSON array of
/// objects (what `task export` prints), one object, or objects one after another (one a line,
/// as `task import` also reads). Only the attributes Rhythm maps are made into strings; the
/// rest (uuid, urgency, annotations, UDAs) is checked to be valid JSON and passed over, so no
/// tree of the whole export is built: 50,000 tasks are read in a few tens of milliseconds.
///
/// The JSON rules are `JSONParser`'s (strict: no trailing commas, no control characters in
/// strings, escapes checked, nesting at most 256 deep); an error names the line and column.
struct TaskwarriorReader {
  /// One task as the export has it: each attribute Rhythm maps, `nil` when absent or not of
  /// the JSON type it should be (as a whole-document reader would leave it).
  struct Task {
    /// The line its object starts on (1-based).
    var line = 0
    /// Whether it is a JSON object at all (an array may hold other values).
    var isObject = true
    var status: String?
    var description: String?
    var due: String?
    var entry: String?
    var end: String?
    var tags: [String]?
    var project: String?
    var success: String?
  }

  /// A place in the export that is not what `task export` writes.
  struct SyntaxError: Error {
    var offset: Int
    var reason: String
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line = 1
  private var state = Place.start

  private enum Place {
    case start
    /// Inside the top-level array, before an element or the closing bracket.
    case inArray(first: Bool)
    /// Objects one after another, without an array.
    case objects
    case finished
  }

  /// A reader of `bytes`, which must stay valid while it reads.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
  }

  /// The next task, `nil` at the end of the export.
  mutating func next() throws(SyntaxError) -> Task? {
    skipWhitespace()
    switch state {
    case .finished:
      return nil
    case .start:
      guard index < bytes.count else { throw fail("the export is empty") }
      switch bytes[index] {
      case UInt8(ascii: "["):
        index += 1
        state = .inArray(first: true)
        return try next()
      case UInt8(ascii: "{"):
        state = .objects
        return try object()
      default:
        throw fail("expected the JSON array `task export` prints")
      }
    case .objects:
      guard index < bytes.count else {
        state = .finished
        return nil
      }
      guard bytes[index] == UInt8(ascii: "{") else {
        throw fail("expected a task (a JSON object) or the end of the export")
      }
      return try object()
    case .inArray(let first):
      guard index < bytes.count else {
        throw fail("unexpected end of data: the array is not closed")
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the array") }
        state = .finished
        return nil
      }
      if !first {
        guard bytes[index] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
        index += 1
        skipWhitespace()
      }
      state = .inArray(first: false)
      if index < bytes.count, bytes[index] == UInt8(ascii: "{") { return try object() }
      // A valid value that is not an object: the caller says which task it is.
      var task = Task(line: line)
      task.isObject = false
      try skipValue(depth: 1)
      return task
    }
  }

  /// Where `offset` is: its 1-based line and column (columns count characters).
  func position(of offset: Int) -> (line: Int, column: Int) {
    JSONSyntaxError(offset: offset, reason: "").position(in: bytes)
  }

  // MARK: - One task

  private mutating func object() throws(SyntaxError) -> Task {
    var task = Task(line: line)
    index += 1  // {
    skipWhitespace()
    if take(UInt8(ascii: "}")) { return task }
    while true {
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a key in double quotes")
      }
      let key = try keyName()
      skipWhitespace()
      guard take(UInt8(ascii: ":")) else { throw fail("expected ':' after a key") }
      skipWhitespace()
      switch key {
      case .status: task.status = try stringOrSkip()
      case .description: task.description = try stringOrSkip()
      case .due: task.due = try stringOrSkip()
      case .entry: task.entry = try stringOrSkip()
      case .end: task.end = try stringOrSkip()
      case .project: task.project = try stringOrSkip()
      case .success: task.success = try stringOrSkip()
      case .tags: task.tags = try stringsOrSkip()
      case .other: try skipValue(depth: 2)
      }
      skipWhitespace()
      if take(UInt8(ascii: ",")) {
        skipWhitespace()
        continue
      }
      guard take(UInt8(ascii: "}")) else { throw fail("expected ',' or '}' in a task") }
      return task
    }
  }

  private enum Key {
    case status, description, due, entry, end, tags, project, success, other
  }

  private mutating func keyName() throws(SyntaxError) -> Key {
    let start = index + 1
    if let raw = try rawString() {
      switch raw.count {
      case 3:
        if same(raw, "due") { return .due }
        if same(raw, "end") { return .end }
      case 4: if same(raw, "tags") { return .tags }
      case 5: if same(raw, "entry") { return .entry }
      case 6: if same(raw, "status") { return .status }
      case 7:
        if same(raw, "project") { return .project }
        if same(raw, "success") { return .success }
      case 11: if same(raw, "description") { return .description }
      default: break
      }
      return .other
    }
    // A key with escapes: read it whole (rare).
    index = start - 1
    switch try string() {
    case "status": return .status
    case "description": return .description
    case "due": return .due
    case "entry": return .entry
    case "end": return .end
    case "tags": return .tags
    case "project": return .project
    case "success": return .success
    default: return .other
    }
  }

  /// Whether `raw` holds the bytes of `word` (as long as it, by the caller's check).
  private func same(_ raw: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    return raw.elementsEqual(text)
  }

  /// A string value, or `nil` (the value passed over) when it is some other JSON value.
  private mutating func stringOrSkip() throws(SyntaxError) -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      try skipValue(depth: 2)
      return nil
    }
    return try string()
  }

  /// The strings of an array value (other elements left out), or `nil` when it is not one.
  private mutating func stringsOrSkip() throws(SyntaxError) -> [String]? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
      try skipValue(depth: 2)
      return nil
    }
    index += 1
    var values: [String] = []
    skipWhitespace()
    if take(UInt8(ascii: "]")) { return values }
    while true {
      if let value = try stringOrSkip() { values.append(value) }
      skipWhitespace()
      if take(UInt8(ascii: ",")) {
        skipWhitespace()
        continue
      }
      guard take(UInt8(ascii: "]")) else { throw fail("expected ',' or ']'") }
      return values
    }
  }

  // MARK: - JSON

  /// The bytes of a string without escapes (the index past its closing quote), or `nil` with
  /// the index on the first backslash.
  private mutating func rawString() throws(SyntaxError) -> UnsafeBufferPointer<UInt8>? {
    index += 1
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
      }
      if byte == UInt8(ascii: "\\") { return nil }
      if byte < 0x20 { throw fail("control character in a string") }
      index += 1
    }
    throw fail("unterminated string")
  }

  /// A string, escapes read.
  private mutating func string() throws(SyntaxError) -> String {
    let start = index + 1
    if let raw = try rawString() { return String(decoding: raw, as: UTF8.self) }
    var text = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try escape(into: &text)
      default:
        if byte < 0x20 { throw fail("control character in a string") }
        text.append(byte)
        index += 1
      }
    }
    throw fail("unterminated string")
  }

  /// Reads the escape at the index (a backslash) and appends what it stands for.
  private mutating func escape(into text: inout [UInt8]) throws(SyntaxError) {
    index += 1
    do {
      try JSONEscape.read(bytes, at: &index, into: &text)
    } catch {
      throw SyntaxError(offset: error.offset, reason: error.reason)
    }
  }

  /// Passes over one JSON value, checking it.
  private mutating func skipValue(depth: Int) throws(SyntaxError) {
    guard depth < 256 else { throw fail("nested too deeply") }
    guard index < bytes.count else { throw fail("unexpected end of data") }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      if try rawString() == nil {
        var scratch: [UInt8] = []
        while true {
          guard index < bytes.count else { throw fail("unterminated string") }
          let byte = bytes[index]
          if byte == UInt8(ascii: "\"") {
            index += 1
            return
          }
          if byte == UInt8(ascii: "\\") {
            scratch.removeAll(keepingCapacity: true)
            try escape(into: &scratch)
          } else {
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
          }
        }
      }
    case UInt8(ascii: "{"):
      index += 1
      skipWhitespace()
      if take(UInt8(ascii: "}")) { return }
      while true {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw fail("expected a key in double quotes")
        }
        try skipValue(depth: depth + 1)
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else { throw fail("expected ':' after a key") }
        skipWhitespace()
        try skipValue(depth: depth + 1)
        skipWhitespace()
        if take(UInt8(ascii: ",")) {
          skipWhitespace()
          continue
        }
        guard take(UInt8(ascii: "}")) else { throw fail("expected ',' or '}'") }
        return
      }
    case UInt8(ascii: "["):
      index += 1
      skipWhitespace()
      if take(UInt8(ascii: "]")) { return }
      while true {
        try skipValue(depth: depth + 1)
        skipWhitespace()
        if take(UInt8(ascii: ",")) {
          skipWhitespace()
          continue
        }
        guard take(UInt8(ascii: "]")) else { throw fail("expected ',' or ']'") }
        return
      }
    case UInt8(ascii: "t"): try word("true")
    case UInt8(ascii: "f"): try word("false")
    case UInt8(ascii: "n"): try word("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    default: throw fail("expected a value")
    }
  }

  private mutating func word(_ text: StaticString) throws(SyntaxError) {
    let count = text.utf8CodeUnitCount
    guard index + count <= bytes.count,
      bytes[index..<(index + count)].elementsEqual(
        UnsafeBufferPointer(start: text.utf8Start, count: count))
    else { throw fail("expected \(text)") }
    index += count
  }

  private mutating func number() throws(SyntaxError) {
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard digits() > 0 else { throw fail("expected a digit") }
    if take(UInt8(ascii: ".")) {
      guard digits() > 0 else { throw fail("expected a digit after '.'") }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { throw fail("expected an exponent") }
    }
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    return index - start
  }

  /// Passes over white space, counting lines (JSON has line breaks nowhere else).
  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        line += 1
        index += 1
      case 0x20, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private func fail(_ reason: String) -> SyntaxError {
    SyntaxError(offset: index, reason: reason)
  }
}
