import Foundation

/// A strict, fast JSON reader into `JSONValue`. It reports where a document goes wrong as a
/// byte offset, which `JSONSyntaxError.position(in:)` turns into a line and a column.
public struct JSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  /// Parses one JSON document that fills `data` (white space around it allowed).
  public static func parse(_ data: some ContiguousBytes) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
      var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
      do {
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else {
          throw JSONSyntaxError(offset: parser.index, reason: "unexpected text after the value")
        }
        return .success(value)
      } catch let error as JSONSyntaxError {
        return .failure(error)
      } catch {
        return .failure(JSONSyntaxError(offset: 0, reason: "\(error)"))
      }
    }
    return try result.get()
  }

  /// Parses a text.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private func fail(_ reason: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: index, reason: reason)
  }

  private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth < 256 else { throw fail("nested too deeply") }
    guard index < bytes.count else { throw fail("unexpected end of data") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expect("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expect("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expect("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }
  }

  private mutating func expect(_ word: StaticString) throws(JSONSyntaxError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw fail("unexpected end of data") }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw fail("expected '\(word)'")
    }
    index += count
  }

  private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var object: [String: JSONValue] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a key in quotes")
      }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw fail("expected ':' after a key")
      }
      index += 1
      skipWhitespace()
      object[key] = try parseValue(depth: depth + 1)
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of data in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(object)
      } else {
        throw fail("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var array: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(array)
    }
    while true {
      skipWhitespace()
      array.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of data in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(array)
      } else {
        throw fail("expected ',' or ']'")
      }
    }
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw fail("control character in a string") }
      index += 1
    }
    var scalars = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        try JSONEscape.read(bytes, at: &index, into: &scalars)
      default:
        if byte < 0x20 { throw fail("control character in a string") }
        scalars.append(byte)
        index += 1
      }
    }
    throw fail("unterminated string")
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    var digits = 0
    while index < bytes.count, (48...57).contains(bytes[index]) {
      index += 1
      digits += 1
    }
    guard digits > 0 else { throw fail("expected a digit") }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, (48...57).contains(bytes[index]) else {
        throw fail("expected a digit after '.'")
      }
      while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.count, (48...57).contains(bytes[index]) else {
        throw fail("expected an exponent")
      }
      while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let value = Double(text) else { throw fail("bad number") }
    return value
  }
}

/// Where and why a JSON text is not valid.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  /// Byte offset of the first bad byte.
  public var offset: Int
  public var reason: String

  /// The 1-based line and column of `offset` in `bytes` (columns count characters).
  public func position(in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for (position, byte) in bytes.enumerated() {
      if position >= offset { break }
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
