import Foundation
import Testing

@testable import RhythmCore

/// `CSV.read`, the byte reader, against the `Character` parser it replaced (kept here as the
/// reference): the same records and the same errors for random and hostile texts.
@Suite("CSV byte reader")
struct CSVReaderTests {
  /// The records, or the error's description.
  private func outcome(_ parse: () throws(RhythmError) -> [[String]]) -> String {
    do {
      return "\(try parse())"
    } catch {
      return "error: \(error.description)"
    }
  }

  private func check(_ text: String) {
    #expect(
      outcome { () throws(RhythmError) in try CSV.parse(text) }
        == outcome { () throws(RhythmError) in try ReferenceCSV.parse(text) },
      "\(text.debugDescription)")
  }

  @Test(
    "hostile texts read as the Character parser read them",
    arguments: [
      "", "\n", "\r\n", "\r", "\n\n", ",", ",,\n", "a", "a,", "a,\n", "a\r\rb", "a\r\n\r\nb\n",
      "\"", "\"\"", "\"\"\"", "\"\"\"\"", "\"a\"\"", "\"a\"b", "\"a\"\"b\"", "a\"b\"c,d",
      "\"a\",\"b\"\r\n\"c\n\nd\"", "\"open\nline 2\nline 3", "\"x\"\r\n\"y\"\"\" ,z",
      "\"a\"é", "\"a\"日本", "\"a\" ", "x,\"日本\",\"👍🏽\",é\n", "'=1,'-x,''+y,'plain,'\n",
      "\"'=1\",\"'\r\"\n", "x\u{FEFF}title,due\n", "\"\(String(repeating: "long ", count: 10))",
      "a,b\n\"c,d\n", "\"a\"\"\"\"\",b\r\n", "\t,\t\n", "=\"x\"", "\"\"x",
    ])
  func hostile(_ text: String) {
    check(text)
  }

  @Test("random texts read as the Character parser read them")
  func random() {
    // No lone combining mark: after a delimiter the Character parser would have joined it
    // to the delimiter (one grapheme), which the byte reader rightly does not.
    let pieces = [
      "\"", "\"", "\"\"", ",", ",", "\n", "\r", "\r\n", "'", "=", "-", "@", "+", "\t", " ", "a",
      "bc", "é", "日本", "👍🏽", "\u{FEFF}", "x\u{301}", "\u{0}",
    ]
    var generator = SplitMix64(seed: 10)
    for _ in 0..<3_000 {
      let length = Int(generator.next() % 16)
      var text = ""
      for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      if text.hasPrefix("\u{FEFF}") { text = "x" + text }  // the byte reader skips a BOM
      check(text)
    }
  }

  @Test("a byte order mark at the start is skipped; records go out one by one, numbered")
  func byteOrderMarkAndNumbers() throws {
    let bytes = Array("\u{FEFF}title\r\na\n\"b\nc\",d\n".utf8)
    var seen: [String] = []
    try bytes.withUnsafeBufferPointer { (buffer) throws(RhythmError) in
      try CSV.read(buffer) { (fields, number) throws(RhythmError) in
        seen.append("\(number):\(fields)")
      }
    }
    #expect(seen == ["0:[\"title\"]", "1:[\"a\"]", "2:[\"b\\nc\", \"d\"]"])
  }

  @Test("steps from bytes: the byte order mark skipped, the same steps as from the text")
  func stepsFromBytes() throws {
    let text = "Title,Due,Status\n\"Plan, v2\",2026-12-01,Done\n,\nShip,fri,open\n"
    let day = { (text: String) throws(RhythmError) -> Day in
      try DateShorthand.parse(text, today: Day(ordinal: 20_000))
    }
    let fromBytes = try StepsCSV.parse(
      Array(("\u{FEFF}" + text).utf8), defaultDue: nil, day: day)
    #expect(fromBytes == (try StepsCSV.parse(text, defaultDue: nil, day: day)))
    #expect(fromBytes.map(\.origin) == ["row 1", "row 3"])
    #expect(fromBytes.map(\.status) == [.done, .open])
  }

  @Test("a combining mark after a comma starts the next field (bytes, not graphemes)")
  func combiningMarkAfterAComma() throws {
    #expect(try CSV.parse("a,\u{301}b\n") == [["a", "\u{301}b"]])
  }
}

/// The `Character` parser `CSV.parse` was before the byte reader, as it was.
private enum ReferenceCSV {
  static func parse(_ text: String) throws(RhythmError) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var line = 1
    var startLine = 1
    var characters = text.makeIterator()
    var pending = characters.next()
    while let character = pending {
      pending = characters.next()
      if quoted {
        if character == "\"" {
          if pending == "\"" {
            field.append("\"")
            pending = characters.next()
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if character == "\n" || character == "\r\n" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case ",":
        record.append(field)
        field = ""
        afterQuote = false
      case "\n", "\r\n", "\r":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
        line += 1
        startLine = line
      case "\"" where field.isEmpty && !afterQuote:
        quoted = true
      default:
        guard !afterQuote else {
          throw .invalidValue(
            field: "CSV line \(line)", value: String(character),
            expected: "a comma or line end after a closing quote")
        }
        field.append(character)
      }
    }
    if quoted {
      throw .invalidValue(
        field: "CSV line \(startLine)", value: String(field.prefix(20)) + "…",
        expected: "a closing double quote")
    }
    if !field.isEmpty || !record.isEmpty || afterQuote {
      record.append(field)
      records.append(record)
    }
    return records.map { $0.map(CSV.unguarded) }
  }
}
