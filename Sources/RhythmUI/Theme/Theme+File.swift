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
  /// - Throws: `RhythmError.invalidValue` naming the first line that cannot be read.
  public static func parse(_ text: String, name: String) throws(RhythmError) -> Theme {
    var styles: [ThemeRole: Style] = [:]
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line =
        rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first.map(String.init) ?? ""
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      let parts = trimmed.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2, let role = ThemeRole(rawValue: parts[0]) else {
        throw .invalidValue(
          field: "theme \(name) line \(number + 1)", value: trimmed,
          expected: "role = foreground background attributes, role one of "
            + ThemeRole.allCases.map(\.rawValue).joined(separator: ", "))
      }
      styles[role] = try style(parts[1], context: "theme \(name) line \(number + 1)")
    }
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

  private static func style(_ text: String, context: String) throws(RhythmError) -> Style {
    let words = text.split(separator: " ").map(String.init)
    var style = Style.plain
    for (index, word) in words.enumerated() {
      if index < 2, let color = color(word) {
        if index == 0 { style.foreground = color } else { style.background = color }
        continue
      }
      guard let attribute = TextAttributes.named.first(where: { $0.1 == word }) else {
        throw .invalidValue(
          field: context, value: word,
          expected: "a colour (default, red, bright-red, 0…255) or an attribute (bold, dim, "
            + "italic, underline, reverse)")
      }
      style.attributes.insert(attribute.0)
    }
    return style
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
