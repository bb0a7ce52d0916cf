import Foundation
import RhythmCore

/// The user's settings from `$XDG_CONFIG_HOME/rhythm/config` (else `~/.config/rhythm/config`).
///
/// The file holds `key = value` lines and `#` comments. Known keys: `theme` (a name or a path).
public struct CockpitConfig: Hashable, Sendable {
  /// The theme name or path, when set.
  public var theme: String?

  /// A config with nothing set.
  public init(theme: String? = nil) {
    self.theme = theme
  }

  /// Reads `key = value` lines; unknown keys are kept out, so older versions read newer files.
  public static func parse(_ text: String) -> CockpitConfig {
    var config = CockpitConfig()
    for line in text.split(separator: "\n") {
      let content =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first ?? ""
      let parts = content.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2 else { continue }
      if parts[0] == "theme", !parts[1].isEmpty { config.theme = parts[1] }
    }
    return config
  }

  /// The config folder: `$XDG_CONFIG_HOME/rhythm`, else `~/.config/rhythm`.
  public static func folder(environment: [String: String]) -> URL {
    if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty {
      return URL(fileURLWithPath: base).appendingPathComponent("rhythm")
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".config/rhythm")
  }

  /// The user's config, or an empty one when there is no file.
  public static func load(environment: [String: String]) -> CockpitConfig {
    let url = folder(environment: environment).appendingPathComponent("config")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return CockpitConfig() }
    return parse(text)
  }
}
