import ArgumentParser
import Foundation
import RhythmUI

/// `rhythm keys`: the cockpit's key bindings, from the same table that drives input and help.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List the cockpit's key bindings (override them in $XDG_CONFIG_HOME/rhythm/keys).")

  /// Lists the bindings the cockpit runs with. Lines of the keys file that cannot be used are
  /// reported after the list (where they stay in sight) and make the exit status 1, as the
  /// cockpit skips them too.
  func run() throws {
    let (keyMap, problems) = KeyMap.user(environment: ProcessInfo.processInfo.environment)
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
    guard let last = problems.last else { return }
    fflush(nil)  // the list first, then the problems below it
    for problem in problems.dropLast() { Terminal.printError("rhythm: \(problem)") }
    throw last
  }
}
