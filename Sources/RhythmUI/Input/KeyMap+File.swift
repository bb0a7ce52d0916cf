import Foundation
import RhythmCore

// MARK: - The user's keys file

extension KeyMap {
  /// What a line of the keys file looks like.
  static let fileForm = "binding.id = key, key"

  /// This keymap with the overrides of a keys file applied.
  ///
  /// The file holds `binding.id = key, key` lines, such as `steps.done = x, ctrl+d`. A line
  /// that names no binding or keys that cannot be read is reported and skipped; the other
  /// lines still apply.
  /// - Returns: the new keymap and one problem per line skipped (`keys:3: …`).
  public func overridden(by file: KeyValueFile) -> (keyMap: KeyMap, problems: [RhythmError]) {
    var updated = bindings
    let problems = file.readEntries { entry in
      guard let index = updated.firstIndex(where: { $0.id == entry.key }) else {
        return "no binding '\(entry.key)' (`rhythm keys` lists the ids)"
      }
      let keys = entry.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      let canonical = keys.compactMap { KeyEvent(canonical: $0)?.canonical }
      guard canonical.count == keys.count, !canonical.isEmpty else {
        return "cannot read the keys '\(entry.value)' (write them as x, ctrl+d, <enter>)"
      }
      updated[index].keys = canonical
      return nil
    }
    return (KeyMap(bindings: updated), problems)
  }

  /// The default keymap with the user's `keys` file (in ``CockpitConfig/folder(environment:)``)
  /// applied, and the problems found in it: what the cockpit runs with and `rhythm keys` lists.
  public static func user(environment: [String: String]) -> (
    keyMap: KeyMap, problems: [RhythmError]
  ) {
    let url = CockpitConfig.folder(environment: environment).appendingPathComponent("keys")
    do {
      guard let file = try KeyValueFile.load(url, form: fileForm) else { return (defaults, []) }
      return defaults.overridden(by: file)
    } catch {
      return (defaults, [error])
    }
  }
}
