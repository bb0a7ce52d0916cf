/// The check text typed for a store passes before it is written: no control characters.
///
/// What ``InertText`` would show as a mark (C0 controls but tab, DEL, C1 controls, bidirectional
/// embeddings, overrides and isolates, line and paragraph separators) is refused, so text
/// entered on this machine never needs marks; text that arrives through a journal is still
/// shown inert.
public enum TextEntry {
  /// Checks `text` for control characters.
  /// - Parameters:
  ///   - text: what was typed.
  ///   - field: what it is, as the message names it ("title", "name", "note").
  /// - Throws: `RhythmError.message` naming the field and the first control character, e.g.
  ///   `the title contains a control character (U+001B ESC); remove it`.
  public static func check(_ text: String, field: String) throws(RhythmError) {
    guard let scalar = firstControl(in: text) else { return }
    throw .message(
      "the \(field) contains a control character (\(describe(scalar))); remove it")
  }

  /// The first character of `text` that ``InertText`` would mark, if any.
  public static func firstControl(in text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first { InertText.mark(for: $0) != nil }
  }

  /// `U+001B ESC`: a control character's code point and its usual abbreviation.
  public static func describe(_ scalar: Unicode.Scalar) -> String {
    let value = scalar.value
    let name: String
    switch value {
    case 0x00..<0x20: name = c0Names[Int(value)]
    case 0x7F: name = "DEL"
    case 0x80...0x9F: name = c1Names[Int(value - 0x80)]
    case 0x2028: name = "LINE SEPARATOR"
    case 0x2029: name = "PARAGRAPH SEPARATOR"
    case 0x202A...0x202E: name = bidiNames[Int(value - 0x202A)]
    case 0x2066...0x2069: name = bidiNames[Int(value - 0x2066) + 5]
    default: name = scalar.properties.name ?? "unnamed"
    }
    return "U+\(InertText.hex(value)) \(name)"
  }

  // MARK: - Names

  private static let c0Names = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
  ]

  private static let c1Names = [
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI",
    "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGC", "SCI", "CSI",
    "ST", "OSC", "PM", "APC",
  ]

  private static let bidiNames = [
    "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING",
    "LEFT-TO-RIGHT OVERRIDE", "RIGHT-TO-LEFT OVERRIDE", "LEFT-TO-RIGHT ISOLATE",
    "RIGHT-TO-LEFT ISOLATE", "FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE",
  ]
}
