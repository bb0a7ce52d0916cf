/// Store text made safe to show people: control characters are drawn as visible marks, never
/// sent to the terminal.
///
/// A store's text may come from anyone whose journal reaches this machine (`rhythm sync`), so a
/// title can hold escape sequences that would retitle a terminal, clear it or write to the
/// clipboard. Everything that prints store text for people shows it through ``visible(_:)``:
///
/// - C0 controls (U+0000–U+001F) but tab, and DEL (U+007F), in caret notation: ESC is `^[`, a
///   line feed `^J`, a carriage return `^M`, BEL `^G`, NUL `^@`, DEL `^?` (as `cat -v` shows
///   them);
/// - C1 controls (U+0080–U+009F), the bidirectional embeddings and overrides (U+202A–U+202E)
///   and isolates (U+2066–U+2069), and the line and paragraph separators (U+2028, U+2029), as
///   `<U+009B>`, `<U+202E>`…
///
/// Tab, zero-width characters (U+200B, U+200D), combining marks, wide characters and emoji are
/// kept: they move no cursor and change no terminal state. `--json` output is not passed
/// through here: JSON escapes what it must and its data is never altered.
public enum InertText {
  /// `text` with every control character shown as a visible mark (line feeds included).
  public static func visible(_ text: String) -> String {
    render(text, keepingLineFeeds: false)
  }

  /// `text` shown as ``visible(_:)`` shows it, but keeping line breaks (LF and CRLF, which
  /// move the cursor to a new line and so can overwrite nothing): for a block of lines the
  /// caller built itself, or a document such as CSV. A carriage return alone shows as `^M`.
  public static func visibleLines(_ text: String) -> String {
    render(text, keepingLineFeeds: true)
  }

  /// How `scalar` is shown, or nil when it is shown as itself.
  public static func mark(for scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    switch value {
    case 0x09:
      return nil
    case 0x00..<0x20:
      return "^" + String(Character(Unicode.Scalar(UInt8(value + 0x40))))
    case 0x7F:
      return "^?"
    case 0x80...0x9F, 0x2028...0x202E, 0x2066...0x2069:
      return "<U+\(hex(value))>"
    default:
      return nil
    }
  }

  /// `value` as at least four upper-case hexadecimal digits.
  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  // MARK: - Rendering

  /// Whether `text` may hold a character ``mark(for:)`` marks: every such character is ASCII
  /// below 0x20 or 0x7F, or starts with the UTF-8 lead byte 0xC2 (U+0080–U+00BF) or 0xE2
  /// (U+2000–U+2FFF), so most text is returned as it is after one pass over its bytes.
  private static func mayNeedMarks(_ text: String) -> Bool {
    for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
      return true
    }
    return false
  }

  private static func render(_ text: String, keepingLineFeeds: Bool) -> String {
    guard mayNeedMarks(text) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      if keepingLineFeeds && (scalar == "\n" || (scalar == "\r" && next == "\n")) {
        result.unicodeScalars.append(scalar)
      } else if let mark = mark(for: scalar) {
        result += mark
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
