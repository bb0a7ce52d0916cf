import Foundation

extension CSV {
  /// Reads the records of UTF-8 `bytes` one at a time, straight from the bytes (no `String` of
  /// the whole text, no `Character` walk): each record's fields, with the `'` that
  /// ``guarded(_:)`` adds removed, go to `body` with the record's number (from 0) as soon as
  /// the record ends. A byte order mark at the start is skipped; a blank last line is not a
  /// record. The delimiters (comma, double quote, CR, LF) are single bytes, so a field is
  /// exactly the bytes between them (a combining mark after a comma starts the next field).
  /// - Throws: `RhythmError.invalidValue` for a quote left open or text after a closing quote,
  ///   naming the line (after the records before it went to `body`), or what `body` throws.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ body: (_ fields: [String], _ number: Int) throws(RhythmError) -> Void
  ) throws(RhythmError) {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let cr: UInt8 = 0x0D
    let lf: UInt8 = 0x0A
    let count = bytes.count
    var index = 0
    if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    guard index < count else { return }
    var record: [String] = []
    var number = 0
    var line = 1
    var startLine = 1
    var unquoted: [UInt8] = []
    func text(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    while true {
      // One field, from `index`.
      let field: String
      if index < count, bytes[index] == quote {
        index += 1
        unquoted.removeAll(keepingCapacity: true)
        var run = index
        var closed = false
        while index < count {
          let byte = bytes[index]
          if byte == quote {
            unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            if index + 1 < count, bytes[index + 1] == quote {
              unquoted.append(quote)
              index += 2
              run = index
              continue
            }
            index += 1
            closed = true
            break
          }
          if byte == lf { line += 1 }
          index += 1
        }
        guard closed else {
          unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<count]))
          throw .invalidValue(
            field: "CSV line \(startLine)",
            value: String(String(decoding: unquoted, as: UTF8.self).prefix(20)) + "…",
            expected: "a closing double quote")
        }
        if index < count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
          let after = text(index, min(count, index + 64)).first.map { String($0) } ?? ""
          throw .invalidValue(
            field: "CSV line \(line)", value: after,
            expected: "a comma or line end after a closing quote")
        }
        field = String(decoding: unquoted, as: UTF8.self)
      } else {
        let start = index
        while index < count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
          index += 1
        }
        field = text(start, index)
      }
      record.append(unguarded(field))
      // What ends it: a comma, a line end, or the end of the text.
      guard index < count else {
        try body(record, number)
        return
      }
      let byte = bytes[index]
      index += 1
      if byte == comma { continue }
      if byte == cr, index < count, bytes[index] == lf { index += 1 }
      line += 1
      startLine = line
      try body(record, number)
      number += 1
      record.removeAll(keepingCapacity: true)
      if index == count { return }
    }
  }
}
