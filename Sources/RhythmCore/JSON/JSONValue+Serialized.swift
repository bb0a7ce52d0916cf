import Foundation

extension JSONValue {
  /// Compact JSON text with sorted keys: the one form the store writes, so that the same
  /// value always gives the same bytes.
  public func serialized() -> String {
    var output: [UInt8] = []
    write(into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `serialized()` to `output` as UTF-8, without making a `String` (the journal and
  /// the snapshot are written as bytes).
  public func write(into output: inout [UInt8]) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: value ? "true".utf8 : "false".utf8)
    case .number(let value):
      if value.rounded() == value, abs(value) < 1e15 {
        output.append(contentsOf: String(Int64(value)).utf8)
      } else {
        output.append(contentsOf: "\(value)".utf8)
      }
    case .string(let value): JSONValue.write(string: value, into: &output)
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (position, value) in values.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        value.write(into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      output.append(UInt8(ascii: "{"))
      for (position, key) in object.keys.sorted().enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.write(string: key, into: &output)
        output.append(UInt8(ascii: ":"))
        object[key]?.write(into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Appends `value` as a JSON string: quotes, backslashes and control characters escaped,
  /// everything else as its UTF-8 bytes (which never fall below 0x20 past the first byte).
  public static func write(string value: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var text = value
    text.withUTF8 { bytes in
      var start = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        start = index + 1
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case UInt8(ascii: "\n"): output.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): output.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): output.append(UInt8(ascii: "t"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          output.append(contentsOf: "u00".utf8)
          output.append(hex[Int(byte >> 4)])
          output.append(hex[Int(byte & 15)])
        }
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
    output.append(UInt8(ascii: "\""))
  }
}
