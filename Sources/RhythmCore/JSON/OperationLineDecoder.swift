import Foundation

/// Reads a journal line as a replay needs it, straight from the bytes: the stamp, the record
/// kind and id, and where the `fields` object is, which the replay then reads with the record
/// decoders (`RecordLineDecoder`) or, for anything unusual, with `JSONParser`. Like the record
/// decoders it is a fast path, never the judge: a line it does not read returns `nil` and goes
/// through `Operation(line:)`, which names any error exactly as before.
enum OperationLineDecoder {
  /// One journal line's parts (offsets relative to the line).
  struct Line {
    var stamp: Stamp
    var kind: RecordKind
    /// The bytes of the record's id within the line (a string with no escapes): a string is
    /// made of it only when the replay needs one.
    var record: Range<Int>
    /// The `fields` object's bytes within the line.
    var fields: Range<Int>
    /// Whether a value of `fields` is `null` (a record made from it is read the slow way).
    var hasNull: Bool
  }

  /// Strings shared from one line to the next (the device, mostly the same in one journal).
  struct Reuse {
    fileprivate var device: String?

    /// Nothing to share yet.
    init() {}
  }

  /// The parts of the operation on `line`, or `nil` to read it with `Operation(line:)`.
  static func decode(_ line: UnsafeRawBufferPointer, reusing reuse: inout Reuse) -> Line? {
    var scanner = LineScanner(bytes: line)
    var time: (millis: Int64, counter: Int)?
    var device: String?
    var kind: RecordKind?
    var record: Range<Int>?
    var fields: (range: Range<Int>, hasNull: Bool)?
    var sawID = false
    scanner.skipSpace()
    guard scanner.take(UInt8(ascii: "{")) else { return nil }
    var seen: UInt16 = 0
    while true {
      scanner.skipSpace()
      guard let key = scanner.stringBytes(), let name = Key(key) else { return nil }
      guard seen & (1 << name.rawValue) == 0 else { return nil }
      seen |= 1 << name.rawValue
      scanner.skipSpace()
      guard scanner.take(UInt8(ascii: ":")) else { return nil }
      scanner.skipSpace()
      switch name {
      case .ts:
        guard let bytes = scanner.stringBytes(), let parsed = parseTime(bytes) else { return nil }
        time = parsed
      case .dev:
        guard let text = scanner.string(reusing: &reuse.device) else { return nil }
        device = text
      case .kind:
        guard let bytes = scanner.stringBytes(), let parsed = recordKind(bytes) else { return nil }
        kind = parsed
      case .rec:
        guard let bytes = scanner.stringBytes() else { return nil }
        let end = scanner.index - 1  // the closing quote
        record = (end - bytes.count)..<end
      case .id:
        guard scanner.stringBytes() != nil else { return nil }
        sawID = true
      case .by, .undoes, .redoes:
        // Optional strings: anything else is left to the full reader.
        guard scanner.stringBytes() != nil else { return nil }
      case .fields:
        guard let object = scanner.skipObject() else { return nil }
        fields = object
      case .prior:
        guard scanner.skipObject() != nil else { return nil }
      }
      scanner.skipSpace()
      if scanner.take(UInt8(ascii: ",")) { continue }
      guard scanner.take(UInt8(ascii: "}")) else { return nil }
      break
    }
    scanner.skipSpace()
    guard scanner.index == line.count, sawID, let time, let device, let kind, let record,
      let fields
    else { return nil }
    return Line(
      stamp: Stamp(millis: time.millis, counter: time.counter, device: device), kind: kind,
      record: record, fields: fields.range, hasNull: fields.hasNull)
  }

  /// The journal's `ts`: digits of milliseconds (16, zero-padded), a dash, digits of counter
  /// (4 or more); up to 18 digits each (anything else is left to the full reader).
  private static func parseTime(_ bytes: UnsafeRawBufferPointer) -> (Int64, Int)? {
    var millis: Int64 = 0
    var counter = 0
    var position = 0
    while position < bytes.count, bytes[position] != UInt8(ascii: "-") {
      let digit = bytes[position] &- 48
      guard digit < 10, position < 18 else { return nil }
      millis = millis * 10 + Int64(digit)
      position += 1
    }
    let dash = position
    guard dash > 0, dash < bytes.count - 1, bytes.count - dash - 1 <= 18 else { return nil }
    for index in (dash + 1)..<bytes.count {
      let digit = bytes[index] &- 48
      guard digit < 10 else { return nil }
      counter = counter * 10 + Int(digit)
    }
    return (millis, counter)
  }

  private static func recordKind(_ bytes: UnsafeRawBufferPointer) -> RecordKind? {
    for kind in RecordKind.allCases where LineScanner.equals(kind.rawValue, bytes) {
      return kind
    }
    return nil
  }

  /// The keys of an operation line.
  private enum Key: UInt16 {
    case by, dev, fields, id, kind, prior, rec, ts, undoes, redoes

    init?(_ bytes: UnsafeRawBufferPointer) {
      guard let first = bytes.first else { return nil }
      let key: Key
      switch first {
      case UInt8(ascii: "b"): key = .by
      case UInt8(ascii: "d"): key = .dev
      case UInt8(ascii: "f"): key = .fields
      case UInt8(ascii: "i"): key = .id
      case UInt8(ascii: "k"): key = .kind
      case UInt8(ascii: "p"): key = .prior
      case UInt8(ascii: "r"): key = bytes.count == 3 ? .rec : .redoes
      case UInt8(ascii: "t"): key = .ts
      case UInt8(ascii: "u"): key = .undoes
      default: return nil
      }
      guard LineScanner.equals(key.name, bytes) else { return nil }
      self = key
    }

    var name: String {
      switch self {
      case .by: return "by"
      case .dev: return "dev"
      case .fields: return "fields"
      case .id: return "id"
      case .kind: return "kind"
      case .prior: return "prior"
      case .rec: return "rec"
      case .ts: return "ts"
      case .undoes: return "undoes"
      case .redoes: return "redoes"
      }
    }
  }
}

extension LineScanner {
  /// Passes over a JSON object (nested values, strings with escapes), checking its shape well
  /// enough to know where it ends; returns its byte range and whether one of its own keys
  /// holds `null`. `nil` when it is not plainly an object.
  mutating func skipObject() -> (range: Range<Int>, hasNull: Bool)? {
    let start = index
    guard take(UInt8(ascii: "{")) else { return nil }
    skipSpace()
    if take(UInt8(ascii: "}")) { return (start..<index, false) }
    var hasNull = false
    while true {
      skipSpace()
      guard skipString() else { return nil }
      skipSpace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipSpace()
      if take(word: "null") {
        hasNull = true
      } else {
        guard skipValue(depth: 1) else { return nil }
      }
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      guard take(UInt8(ascii: "}")) else { return nil }
      return (start..<index, hasNull)
    }
  }

  private mutating func skipValue(depth: Int) -> Bool {
    guard depth < 64, index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "\""): return skipString()
    case UInt8(ascii: "{"):
      index += 1
      skipSpace()
      if take(UInt8(ascii: "}")) { return true }
      while true {
        skipSpace()
        guard skipString() else { return false }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return false }
        skipSpace()
        guard skipValue(depth: depth + 1) else { return false }
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        return take(UInt8(ascii: "}"))
      }
    case UInt8(ascii: "["):
      index += 1
      skipSpace()
      if take(UInt8(ascii: "]")) { return true }
      while true {
        skipSpace()
        guard skipValue(depth: depth + 1) else { return false }
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        return take(UInt8(ascii: "]"))
      }
    default:
      if take(word: "true") || take(word: "false") || take(word: "null") { return true }
      // A number: its exact form is the full reader's business; here only where it ends.
      let start = index
      while index < bytes.count {
        let byte = bytes[index]
        guard
          (byte >= 48 && byte <= 57) || byte == 0x2D || byte == 0x2B || byte == 0x2E
            || byte == 0x65 || byte == 0x45
        else { break }
        index += 1
      }
      return index > start
    }
  }

  /// Passes over a string, escapes included (a control byte gives up): eight bytes at a time
  /// up to a word that holds a quote, a backslash or a control byte, then byte by byte.
  private mutating func skipString() -> Bool {
    guard take(UInt8(ascii: "\"")), let base = bytes.baseAddress else { return false }
    let count = bytes.count
    while true {
      while index + 8 <= count,
        !LineScanner.mayEndString(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      {
        index += 8
      }
      guard index < count else { return false }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return true
      }
      if byte < 0x20 { return false }
      index += byte == UInt8(ascii: "\\") ? 2 : 1
    }
  }
}
