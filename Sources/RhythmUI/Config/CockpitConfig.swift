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

  /// The settings `file` holds; unknown keys are skipped, so older versions read newer files.
  /// - Returns: the config and the lines that are not `key = value`.
  public static func read(_ file: KeyValueFile) -> (config: CockpitConfig, problems: [RhythmError])
  {
    var config = CockpitConfig()
    let problems = file.readEntries { entry in
      if entry.key == "theme" && !entry.value.isEmpty { config.theme = entry.value }
      return nil
    }
    return (config, problems)
  }

  /// The config folder: `$XDG_CONFIG_HOME/rhythm`, else `~/.config/rhythm`.
  public static func folder(environment: [String: String]) -> URL {
    if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty {
      return URL(fileURLWithPath: base).appendingPathComponent("rhythm")
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".config/rhythm")
  }

  /// The user's config (an empty one when there is no file), and the lines it could not read.
  public static func load(environment: [String: String]) -> (
    config: CockpitConfig, problems: [RhythmError]
  ) {
    let url = folder(environment: environment).appendingPathComponent("config")
    do {
      guard let file = try KeyValueFile.load(url) else { return (CockpitConfig(), []) }
      return read(file)
    } catch {
      return (CockpitConfig(), [error])
    }
  }
}
