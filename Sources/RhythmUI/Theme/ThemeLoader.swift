import Foundation
import RhythmCore

/// Finds a theme by name or path, honouring `NO_COLOR` and the user's config file.
public enum ThemeLoader {
  /// The theme `reference` names: a path to a theme file (contains `/` or ends in `.theme`),
  /// a file `NAME.theme` in `$XDG_CONFIG_HOME/rhythm/themes/`, or a built-in theme
  /// (`dark`, `light`, `high-contrast`, `monochrome`).
  /// - Parameters:
  ///   - reference: a name or a path; `nil` means the default (`dark`).
  ///   - environment: where `NO_COLOR` and `XDG_CONFIG_HOME` are read; `NO_COLOR` (set and
  ///     not empty) always gives the monochrome theme.
  /// - Throws: `RhythmError.io` when a named file cannot be read, `.invalidLine` when a line
  ///   of it cannot be read, `.invalidValue` when no theme has that name.
  public static func load(
    _ reference: String?, environment: [String: String]
  ) throws(RhythmError) -> Theme {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
    guard let reference, !reference.isEmpty else { return .dark }
    if reference.contains("/") || reference.hasSuffix(".theme") {
      return try file(URL(fileURLWithPath: reference), name: reference)
    }
    let userFile = CockpitConfig.folder(environment: environment)
      .appendingPathComponent("themes").appendingPathComponent(reference + ".theme")
    if FileManager.default.fileExists(atPath: userFile.path) {
      return try file(userFile, name: reference)
    }
    if let builtin = Theme.builtin(reference) { return builtin }
    throw .invalidValue(
      field: "theme", value: reference,
      expected: Theme.builtinFiles.keys.sorted().joined(separator: ", ") + " or a .theme file")
  }

  private static func file(_ url: URL, name: String) throws(RhythmError) -> Theme {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .io(path: url.path, reason: "cannot read the theme file")
    }
    return try Theme.parse(text, name: name, path: url.path)
  }
}
