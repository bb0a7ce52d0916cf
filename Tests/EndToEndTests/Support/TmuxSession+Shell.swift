import Foundation
import Testing

// MARK: - An interactive shell in the pane

extension TmuxSession {
  /// The prompt ``shell(_:environment:)`` sets.
  static let shellPrompt = "e2e>"

  /// A session running an interactive `sh` (with job control, so ctrl+z and `fg` work) in the
  /// fixture's environment plus `changes`, its prompt set to `e2e>`.
  static func shell(
    _ fixture: CLIFixture, environment changes: [String: String?] = [:]
  ) throws -> TmuxSession {
    var environment = fixture.environment(changes)
    environment["PATH"] = nil
    let shell = try TmuxSession(["sh"], environment: environment)
    // The typed line never shows the prompt whole (''), so only a real prompt matches.
    try shell.send(keys: "PS1='e2e''> '", .enter)
    try shell.waitForPrompt()
    return shell
  }

  /// Waits until the screen's last line is the shell's prompt.
  func waitForPrompt(timeout: Duration = .seconds(15)) throws {
    try waitUntil("the shell prompt", timeout: timeout) { screen in
      screen.split(separator: "\n").last.map(String.init) == Self.shellPrompt
    }
  }

  /// Types `command` and Enter at the shell prompt.
  func run(_ command: String) throws {
    try send(keys: .text(command), .enter)
  }

  /// The terminal's modes as `stty -a` prints them (`icanon`, `-echo`…), `mark` telling this
  /// run's output apart. Typed with C-j (a newline whatever the mode), so a terminal left raw
  /// still runs it.
  func terminalModes(mark: Int) throws -> Set<String> {
    try send(
      keys: .text("echo begin-$((\(mark))); stty -a; echo end-$((\(mark + 1)))"), .named("C-j"))
    try waitUntil("stty -a printed (\(mark))") { screen in
      screen.split(separator: "\n").contains { $0 == "end-\(mark + 1)" }
    }
    let lines = try lines()
    // With echo off, the output follows the prompt on the same line.
    let from = try #require(lines.lastIndex { $0.hasSuffix("begin-\(mark)") })
    let to = try #require(lines.firstIndex(of: "end-\(mark + 1)"))
    return Set(lines[from..<to].joined(separator: " ").split(separator: " ").map(String.init))
  }

  /// Checks the terminal is back in cooked mode (canonical input, echo, CR to NL): what the
  /// shell needs to be usable.
  func expectCookedMode(
    mark: Int, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let modes = try terminalModes(mark: mark)
    let wanted: Set = ["icanon", "echo", "icrnl"]
    let shown = modes.filter { wanted.contains($0.replacingOccurrences(of: "-", with: "")) }
    #expect(modes.isSuperset(of: wanted), "\(context): \(shown)", sourceLocation: sourceLocation)
    #expect(
      modes.isDisjoint(with: wanted.map { "-" + $0 }), "\(context): \(shown)",
      sourceLocation: sourceLocation)
  }
}
