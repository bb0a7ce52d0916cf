import Foundation
import Testing

/// The full-screen cockpit in a real terminal (tmux), on the built binary. Correctness of the
/// screens lives in the snapshot tests; these check what only a real terminal shows: that it
/// starts, quits cleanly, follows a resize, and takes in changes other processes make.
@Suite("Cockpit in tmux")
struct CockpitTests {
  /// A tmux session running `rhythm arguments…` in the fixture's environment.
  static func openCockpit(
    _ fixture: CLIFixture, _ arguments: [String], width: Int = 120, height: Int = 40
  ) throws -> TmuxSession {
    var environment = fixture.environment
    environment["PATH"] = nil
    return try TmuxSession(
      [fixture.binary] + arguments, width: width, height: height, environment: environment)
  }

  @Test("rhythm demo opens on the cockpit and q quits with status 0")
  func demoOpensAndQuits() throws {
    let fixture = try CLIFixture()
    let tmux = try Self.openCockpit(fixture, ["demo"])
    defer { tmux.close() }
    try tmux.waitFor("Next reviews")
    try tmux.waitFor("Wed 25 Nov 09:00")  // RHYTHM_NOW and TZ reach the cockpit
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit() == 0)
    #expect(try !tmux.screen().contains("Next reviews"), "the terminal is restored")
  }

  @Test("3 pressed at once, before anything is drawn, opens the Steps screen (issue 10)")
  func keyPressedAtOnce() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("First step @maria due:fri")
    let tmux = try Self.openCockpit(fixture, [])
    defer { tmux.close() }
    // Sent as soon as tmux has started the program: the store may not be read yet.
    try tmux.send(keys: "3")
    try tmux.waitForLine("Steps ·")
    try tmux.waitFor("First step")
    try Self.quit(from: tmux)
  }

  @Test("the steps screen follows a resize to 80x24")
  func followsResize() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("First step @maria due:fri")
    let tmux = try Self.openCockpit(fixture, ["cockpit", "--screen", "steps"])
    defer { tmux.close() }
    try tmux.waitFor("First step")
    try tmux.waitUntil("a 120-column frame") { screen in
      screen.split(separator: "\n").contains { $0.count == 120 && $0.hasSuffix("┐") }
    }
    try tmux.resize(width: 80, height: 24)
    try tmux.waitUntil("an 80-column frame") { screen in
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return lines.contains { $0.count == 80 && $0.hasSuffix("┐") }
        && lines.contains { $0.contains("First step") }
    }
    try Self.quit(from: tmux)
  }

  @Test("a running cockpit shows a step another process added, without a restart")
  func liveSharing() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("First step @maria due:fri")
    let tmux = try Self.openCockpit(fixture, ["cockpit", "--screen", "steps"])
    defer { tmux.close() }
    try tmux.waitFor("First step")
    try fixture.addStep("Live from elsewhere @maria due:tomorrow")
    try tmux.waitFor("Live from elsewhere", timeout: .seconds(5))
    try Self.quit(from: tmux)
  }

  /// `q` on a screen goes back to the cockpit; `q` there quits.
  static func quit(from tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    try tmux.send(keys: "q")
    try tmux.waitFor("Next reviews")
    try tmux.send(keys: "q")
    let status = try tmux.waitForExit()
    let screen = try tmux.screen()
    #expect(status == 0, "\(screen)", sourceLocation: sourceLocation)
  }
}
