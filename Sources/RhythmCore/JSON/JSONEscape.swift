import Foundation

/// The escapes of a JSON string (RFC 8259, section 7) read from bytes: the one reader the
/// JSON parser and the Taskwarrior reader share.
enum JSONEscape {
  /// Reads the escape whose letter is at `index` (just after its backslash), appends the UTF-8
  /// bytes it stands for to `text`, and moves `index` past it.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, into text: inout [UInt8]
  ) throws(JSONSyntaxError) {
    guard index < bytes.count else {
      throw JSONSyntaxError(offset: index, reason: "unexpected end of data in a string")
    }
    let escaped = bytes[index]
    index += 1
    switch escaped {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
    case UInt8(ascii: "b"): text.append(0x08)
    case UInt8(ascii: "f"): text.append(0x0C)
    case UInt8(ascii: "n"): text.append(0x0A)
    case UInt8(ascii: "r"): text.append(0x0D)
    case UInt8(ascii: "t"): text.append(0x09)
    case UInt8(ascii: "u"):
      var code = try hex4(bytes, at: &index)
      if (0xD800...0xDBFF).contains(code) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { throw JSONSyntaxError(offset: index, reason: "lone surrogate in a string") }
        index += 2
        let low = try hex4(bytes, at: &index)
        guard (0xDC00...0xDFFF).contains(low) else {
          throw JSONSyntaxError(offset: index, reason: "bad surrogate pair")
        }
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let scalar = Unicode.Scalar(code) else {
        throw JSONSyntaxError(offset: index, reason: "bad \\u escape")
      }
      text.append(contentsOf: String(Character(scalar)).utf8)
    default:
      index -= 1
      throw JSONSyntaxError(offset: index, reason: "unknown escape in a string")
    }
  }

  /// The four hex digits of a `\u` escape at `index`.
  private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int)
    throws(JSONSyntaxError) -> UInt32
  {
    guard index + 4 <= bytes.count else {
      throw JSONSyntaxError(offset: index, reason: "short \\u escape")
    }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
      default: throw JSONSyntaxError(offset: index, reason: "bad hex digit in \\u escape")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }
}
