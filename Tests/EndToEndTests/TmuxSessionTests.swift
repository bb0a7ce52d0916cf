import Foundation
import Testing

/// The tmux driver itself, on trivial programs.
@Suite("TmuxSession driver")
struct TmuxSessionTests {
  @Test("types literal text and Enter, reads the screen, sees the exit status")
  func readsAndEchoes() throws {
    let tmux = try TmuxSession(["sh", "-c", "printf 'ready\\n'; read x; echo \"got $x\"; exit 3"])
    defer { tmux.close() }
    try tmux.waitFor("ready")
    try tmux.send(keys: "hello 'world' $HOME", .enter)
    try tmux.waitFor("got hello 'world' $HOME")
    #expect(try tmux.waitForExit() == 3)
  }

  @Test("a wait that times out reports what it waited for and the last screen")
  func timeoutCarriesScreen() throws {
    let tmux = try TmuxSession(["sh", "-c", "echo visible-text; sleep 30"])
    defer { tmux.close() }
    try tmux.waitFor("visible-text")
    let error = #expect(throws: TmuxSession.Timeout.self) {
      try tmux.waitFor("never-shown", timeout: .milliseconds(200))
    }
    #expect(error?.screen.contains("visible-text") == true)
    #expect(error?.description.contains("never-shown") == true)
  }

  @Test("starts 120x40, resizes, and the program sees the new size")
  func resizes() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "stty size; read x; stty size; read y"], environment: ["E2E_MARK": "m"])
    defer { tmux.close() }
    try tmux.waitFor("40 120")
    #expect(try tmux.size() == (120, 40))
    try tmux.resize(width: 80, height: 24)
    #expect(try tmux.size() == (80, 24))
    try tmux.send(keys: .enter)
    try tmux.waitFor("24 80")
  }

  @Test("C-c interrupts; environment reaches the program")
  func interruptsAndPassesEnvironment() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "echo mark=$E2E_MARK; sleep 30"], environment: ["E2E_MARK": "on"])
    defer { tmux.close() }
    try tmux.waitFor("mark=on")
    try tmux.send(keys: .ctrlC)
    #expect(try tmux.waitForExit() != 0)
  }

  @Test("each session has its own server, gone after close")
  func closeKillsServer() throws {
    let first = try TmuxSession(["sh", "-c", "sleep 30"])
    let second = try TmuxSession(["sh", "-c", "sleep 30"])
    #expect(first.socket != second.socket)
    first.close()
    second.close()
    let probe = try runProcess(
      "/usr/bin/env", ["tmux", "-S", first.socket, "has-session"],
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    #expect(probe.status != 0)
    #expect(!FileManager.default.fileExists(atPath: first.socket))
    #expect(!FileManager.default.fileExists(atPath: second.socket))
  }
}
