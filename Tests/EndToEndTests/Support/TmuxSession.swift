import Foundation

/// A key or text to type into a tmux pane.
enum TmuxKey: ExpressibleByStringLiteral, Sendable {
  /// Text typed character by character (`send-keys -l`).
  case text(String)
  /// A key by its tmux name: `Enter`, `Escape`, `C-c`, `Up`, `BSpace`, `F1`…
  case named(String)

  init(stringLiteral value: String) {
    self = .text(value)
  }

  static let enter = TmuxKey.named("Enter")
  static let escape = TmuxKey.named("Escape")
  static let tab = TmuxKey.named("Tab")
  static let up = TmuxKey.named("Up")
  static let down = TmuxKey.named("Down")
  static let ctrlC = TmuxKey.named("C-c")
}

/// Drives a program in a detached tmux session on a private server (its socket in a folder of its
/// own, `$TMPDIR/rhythm-e2e-<uuid>/socket`, removed with the server),
/// the way a person at a terminal would: type keys, read the screen, wait for text.
///
/// The server runs with `remain-on-exit on`, so the last screen and the exit status of a
/// program that ended can still be read. The server is killed by `close()` or on deinit.
final class TmuxSession {
  /// A wait that ran out of time; carries the screen as it was last seen.
  struct Timeout: Error, CustomStringConvertible {
    let waitingFor: String
    let after: Duration
    let screen: String

    var description: String {
      "tmux: \(waitingFor) did not happen within \(after); last screen:\n\(screen)"
    }
  }

  /// A tmux command that failed.
  struct CommandFailed: Error, CustomStringConvertible {
    let arguments: [String]
    let result: ProcessResult

    var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(result)" }
  }

  /// The server's socket file (`tmux -S`).
  let socket: String
  let session: String
  private let folder: String
  private let configPath: String
  /// Where the wrapper shell writes the program's exit status.
  private let statusPath: String
  private var closed = false

  /// Starts `command` (run by `sh -c`, with the words quoted) in a new `width`×`height` session.
  /// - Parameter environment: variables set for the program, on top of tmux's own.
  init(
    _ command: [String], width: Int = 120, height: Int = 40,
    environment: [String: String] = [:], directory: String? = nil
  ) throws {
    let id = UUID().uuidString.lowercased()
    session = "e2e-" + id.prefix(8)
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-e2e-" + id).path
    socket = folder + "/socket"
    statusPath = folder + "/status"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    configPath = folder + "/tmux.conf"
    let config = """
      set -g remain-on-exit on
      set -g status off
      set -g default-terminal tmux-256color
      set -g history-limit 0
      set -g escape-time 0

      """
    try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
    var arguments = [
      "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
      "-c", directory ?? folder,
    ]
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(key)=\(value)"]
    }
    // A shell waits for the program and writes its status: tmux 3.3a was seen leaving the
    // cockpit's process a zombie with no #{pane_dead_status}. The shell traps SIGINT (a trap,
    // unlike an ignored signal, is not passed on to the program), so that C-c ends the
    // program, not the shell that reports its status: without it, whether the status was
    // written raced with the shell's own death.
    let program = command.map(Self.shellQuoted).joined(separator: " ")
    let status = Self.shellQuoted(statusPath)
    arguments.append(
      "trap true INT; \(program); s=$?; echo $s > \(status).tmp && mv \(status).tmp \(status); "
        + "exit $s")
    try tmux(arguments)
  }

  deinit {
    close()
  }

  /// Types `keys` in order: text literally, named keys as keys.
  func send(keys: TmuxKey...) throws {
    for key in keys {
      switch key {
      case .text(let text): try tmux(["send-keys", "-t", session, "-l", text])
      case .named(let name): try tmux(["send-keys", "-t", session, name])
      }
    }
  }

  /// The visible screen, one line per row (trailing spaces trimmed by tmux).
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", session]).stdout
  }

  /// Waits until `text` is on the screen, looking every 20 ms.
  /// - Throws: `Timeout` with the last screen when it does not appear within `timeout`.
  func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws {
    _ = try poll("\"\(text)\" on screen", timeout: timeout) { session in
      try session.screen().contains(text) ? true : nil
    }
  }

  /// Waits until `condition` holds for the screen, looking every 20 ms.
  /// - Throws: `Timeout` with the last screen when it does not within `timeout`.
  func waitUntil(
    _ description: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
  ) throws {
    _ = try poll(description, timeout: timeout) { session in
      condition(try session.screen()) ? true : nil
    }
  }

  /// Waits until the program has ended; returns its exit status.
  /// - Throws: `Timeout` with the last screen when it is still running after `timeout`.
  @discardableResult
  func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
    try poll("the program's exit", timeout: timeout) { session in
      if let text = try? String(contentsOfFile: session.statusPath, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      // Killed along with its shell (C-c): tmux has the shell's status or signal.
      let fields = try session.tmux([
        "display-message", "-p", "-t", session.session,
        "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}",
      ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(
        separator: "|", omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0] == "1" else { return nil }
      if let status = Int32(fields[1]) { return status }
      if let signal = Int32(fields[2]) { return 128 + signal }
      return nil
    }
  }

  /// Resizes the window (the program gets SIGWINCH).
  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
  }

  /// The pane's size as tmux reports it: (columns, rows).
  func size() throws -> (width: Int, height: Int) {
    let fields = try tmux(["display-message", "-p", "-t", session, "#{pane_width} #{pane_height}"])
      .stdout.split(separator: " ").map {
        Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
      }
    return (fields.first ?? 0, fields.last ?? 0)
  }

  /// Kills the server (and the program) and removes the session's temporary files.
  func close() {
    guard !closed else { return }
    closed = true
    _ = try? runProcess(
      "/usr/bin/env", ["tmux", "-S", socket, "kill-server"], environment: Self.environment)
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func poll<T>(
    _ what: String, timeout: Duration, _ check: (TmuxSession) throws -> T?
  ) throws -> T {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
      if let value = try check(self) { return value }
      guard clock.now < deadline else {
        throw Timeout(waitingFor: what, after: timeout, screen: (try? screen()) ?? "(no screen)")
      }
      usleep(20_000)
    }
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> ProcessResult {
    let all = ["tmux", "-S", socket, "-f", configPath] + arguments
    let result = try runProcess("/usr/bin/env", all, environment: Self.environment)
    guard result.status == 0 else { throw CommandFailed(arguments: arguments, result: result) }
    return result
  }

  /// What the tmux client and server start with: no `TMUX` (we may be inside tmux already).
  private static let environment: [String: String] = {
    let inherited = ProcessInfo.processInfo.environment
    return [
      "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
      "HOME": inherited["HOME"] ?? NSTemporaryDirectory(),
      "TERM": "xterm-256color",
      "LANG": "C.UTF-8",
    ]
  }()

  private static func shellQuoted(_ word: String) -> String {
    let safe = word.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_./=:@%+,".unicodeScalars.contains($0)
    }
    guard !safe || word.isEmpty else { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
