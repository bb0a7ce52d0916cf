import ArgumentParser
import Foundation
import RhythmUI

/// `rhythm keys`: the cockpit's key bindings, from the same table that drives input and help.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List the cockpit's key bindings (override them in $XDG_CONFIG_HOME/rhythm/keys).")

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var keyMap = KeyMap.defaults
    let file = CockpitConfig.folder(environment: environment).appendingPathComponent("keys")
    if let text = try? String(contentsOf: file, encoding: .utf8) {
      keyMap = keyMap.overridden(by: text).keyMap
    }
    for context in KeyContext.allCases {
      let bindings = keyMap.bindings(in: context)
      guard !bindings.isEmpty else { continue }
      Output.line(context.title)
      let width = bindings.map { $0.keyLabel.count }.max() ?? 0
      for binding in bindings {
        let keys = binding.keyLabel.padding(toLength: width, withPad: " ", startingAt: 0)
        Output.line("  \(keys)  \(binding.description)  [\(binding.id)]")
      }
      Output.line()
    }
  }
}
