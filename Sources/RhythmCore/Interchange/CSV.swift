import Foundation

/// Comma-separated values as RFC 4180 has them: fields in double quotes may hold commas,
/// line breaks and doubled quotes (`""`); lines end with CRLF or LF.
public enum CSV {
  /// The records of `text`, each a list of fields. A blank last line is not a record.
  /// - Throws: `RhythmError.invalidValue` for a quote left open or text after a closing quote,
  ///   naming the line.
  public static func parse(_ text: String) throws(RhythmError) -> [[String]] {
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
    return records
  }

  /// One record as a line (no line end): fields holding a comma, quote or line break are
  /// quoted, quotes doubled.
  public static func line(_ fields: [String]) -> String {
    fields.map(quote).joined(separator: ",")
  }

  /// A field as CSV writes it.
  public static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
