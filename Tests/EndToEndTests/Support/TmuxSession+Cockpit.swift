import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Driving the cockpit

extension TmuxSession {
  /// A session running `rhythm arguments…` in the fixture's environment plus `changes`.
  ///
  /// With `pidFile`, the program is started through `sh -c 'echo $$ > FILE; exec rhythm …'`, so
  /// the file holds the pid of `rhythm` itself (see ``waitForPID(in:timeout:)``).
  static func rhythm(
    _ fixture: CLIFixture, _ arguments: [String], pidFile: String? = nil, width: Int = 120,
    height: Int = 40, environment changes: [String: String?] = [:]
  ) throws -> TmuxSession {
    var environment = fixture.environment(changes)
    environment["PATH"] = nil
    var command = [fixture.binary] + arguments
    if let pidFile {
      command = ["sh", "-c", "echo $$ > \"$0\"; exec \"$@\"", pidFile] + command
    }
    return try TmuxSession(command, width: width, height: height, environment: environment)
  }

  /// The screen's lines.
  func lines() throws -> [String] {
    try screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Waits until the status line (the screen's last non-empty line) contains `text`.
  func waitForStatus(_ text: String, timeout: Duration = .seconds(15)) throws {
    try waitUntil("status line with \"\(text)\"", timeout: timeout) { screen in
      let last = screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }
      return last?.contains(text) == true
    }
  }

  /// Waits until a single screen line contains every one of `fragments`.
  func waitForLine(_ fragments: String..., timeout: Duration = .seconds(15)) throws {
    try waitUntil("a line with \(fragments)", timeout: timeout) { screen in
      screen.split(separator: "\n").contains { line in fragments.allSatisfy(line.contains) }
    }
  }

  /// Waits until the frame is `width` columns wide (a line of exactly that width ends in `┐`)
  /// and every one of `texts` is on screen.
  func waitForFrame(width: Int, showing texts: [String], timeout: Duration = .seconds(15)) throws {
    try waitUntil("a \(width)-column frame showing \(texts)", timeout: timeout) { screen in
      let lines = screen.split(separator: "\n")
      return lines.contains { $0.count == width && $0.hasSuffix("┐") }
        && lines.allSatisfy { $0.count <= width } && texts.allSatisfy(screen.contains)
    }
  }

  /// Opens an input line with `key`, waits for its `label` (`step ›`), types `text` and Enter,
  /// then waits until the input line is gone and `confirmation` is on the status line (the
  /// change is stored by then: the cockpit commits before it draws the next frame).
  func enter(
    _ text: String, with key: String, label: String, confirmation: String,
    timeout: Duration = .seconds(15)
  ) throws {
    let prompt = " \(label) › "
    try send(keys: .text(key))
    // An empty line without a placeholder ends at `›` (tmux drops trailing blanks).
    try waitForLine(" \(label) ›", timeout: timeout)
    try send(keys: .text(text))
    try waitForLine(prompt + text, timeout: timeout)
    try send(keys: .enter)
    try waitUntil("\"\(confirmation)\" once the input line is gone", timeout: timeout) { screen in
      let lines = screen.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
      return !lines.contains { $0.hasPrefix(prompt) } && lines.last?.contains(confirmation) == true
    }
  }

  /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`.
  func paneFormat(_ format: String) throws -> String {
    let result = try runProcess(
      "/usr/bin/env", ["tmux", "-S", socket, "display-message", "-p", "-t", session, format],
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    guard result.status == 0 else {
      throw CommandFailed(arguments: ["display-message", format], result: result)
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

// MARK: - Reading the store and processes

/// A file that did not appear in time.
struct FileTimeout: Error, CustomStringConvertible {
  let path: String
  var description: String { "\(path) did not hold a pid in time" }
}

/// Waits until `path` holds a pid (written by `sh -c 'echo $$ > FILE; exec …'`), looking every
/// 20 ms.
func waitForPID(in path: String, timeout: Duration = .seconds(15)) throws -> pid_t {
  let clock = ContinuousClock()
  let deadline = clock.now.advanced(by: timeout)
  while clock.now < deadline {
    if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n"),
      let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    {
      return pid
    }
    usleep(20_000)
  }
  throw FileTimeout(path: path)
}

extension CLIFixture {
  /// `rhythm review list --json` (plus `options`): one object per occurrence.
  func reviews(_ options: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [[String: Any]]
  {
    let result = try run(["review", "list", "--json"] + options)
    try #require(result.status == 0, "review list: \(result)", sourceLocation: sourceLocation)
    let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try array(value, sourceLocation: sourceLocation).map {
      try object($0, sourceLocation: sourceLocation)
    }
  }

  /// `rhythm decision list --review REVIEW --json`: one object per decision.
  func decisions(
    review: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [[String: Any]] {
    let result = try run(["decision", "list", "--review", review, "--json"])
    try #require(result.status == 0, "decision list: \(result)", sourceLocation: sourceLocation)
    let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try array(value, sourceLocation: sourceLocation).map {
      try object($0, sourceLocation: sourceLocation)
    }
  }

  /// The one review of `cadence` at `occurrence` (ISO 8601 with offset, as `review list` prints).
  func review(
    _ cadence: String, at occurrence: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String: Any] {
    let matching = try reviews("--cadence", cadence, sourceLocation: sourceLocation).filter {
      $0["occurrence"] as? String == occurrence
    }
    try #require(
      matching.count == 1, "one review of \(cadence) at \(occurrence): \(matching)",
      sourceLocation: sourceLocation)
    return matching[0]
  }
}
