import Foundation
import RhythmCore

// MARK: - Reading and writing theme files

extension Theme {
  /// Reads a theme file.
  ///
  /// The file has one `role = foreground background attributes…` line per role, `#`
  /// comments and blank lines. Colours are `default`, the ANSI names (`red`,
  /// `bright-red`) or a 256-palette index (`0`…`255`); attributes are `bold`, `dim`,
  /// `italic`, `underline`, `reverse`. Roles left out are plain.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - name: the name the theme goes by.
  ///   - path: how an error names the file (`theme NAME` when nil).
  /// - Throws: `RhythmError.invalidLine` naming the file and the first line that cannot be
  ///   read.
  public static func parse(_ text: String, name: String, path: String? = nil) throws(RhythmError)
    -> Theme
  {
    let file = KeyValueFile(
      text: text, path: path ?? "theme \(name)", form: "role = foreground background attributes")
    var styles: [ThemeRole: Style] = [:]
    let problems = file.readEntries { entry in
      guard let role = ThemeRole(rawValue: entry.key) else {
        return "no role '\(entry.key)': expected one of "
          + ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
      }
      let (style, unread) = style(entry.value)
      if let unread {
        return "cannot read '\(unread)': expected a colour (default, red, bright-red, 0…255) or "
          + "an attribute (bold, dim, italic, underline, reverse)"
      }
      styles[role] = style
      return nil
    }
    if let first = problems.first { throw first }
    return Theme(name: name, styles: styles)
  }

  /// The theme as file text, one line per role in ``ThemeRole`` order.
  public var fileText: String {
    ThemeRole.allCases.map { role in
      let style = self[role]
      let words =
        [Theme.colorWord(style.foreground), Theme.colorWord(style.background)]
        + style.attributes.names
      return "\(role.rawValue) = \(words.joined(separator: " "))"
    }.joined(separator: "\n") + "\n"
  }

  // MARK: - Words

  /// The style `text` describes (up to two colours, then attributes), and the first word
  /// that is neither, if any.
  private static func style(_ text: String) -> (Style, unread: String?) {
    var style = Style.plain
    for (index, word) in text.split(separator: " ").map(String.init).enumerated() {
      if index < 2, let color = color(word) {
        if index == 0 { style.foreground = color } else { style.background = color }
        continue
      }
      guard let attribute = TextAttributes.named.first(where: { $0.1 == word }) else {
        return (style, word)
      }
      style.attributes.insert(attribute.0)
    }
    return (style, nil)
  }

  private static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
  ]

  private static func color(_ word: String) -> Color? {
    if word == "default" { return .default }
    if let index = ansiNames.firstIndex(of: word) { return .ansi(UInt8(index)) }
    if word.hasPrefix("bright-"), let index = ansiNames.firstIndex(of: String(word.dropFirst(7))) {
      return .ansi(UInt8(index + 8))
    }
    if let number = Int(word), (0...255).contains(number) { return .indexed(UInt8(number)) }
    return nil
  }

  private static func colorWord(_ color: Color) -> String {
    switch color {
    case .default: return "default"
    case .ansi: return color.name
    case .indexed(let number): return String(number)
    }
  }
}
