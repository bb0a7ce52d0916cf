import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished process left: its exit status and everything it wrote.
struct ProcessResult: Sendable, CustomStringConvertible {
  /// The exit status; for a process killed by a signal, 128 + the signal number.
  let status: Int32
  let stdout: String
  let stderr: String

  /// Standard error split into lines, without the final empty one.
  var stderrLines: [String] { Self.lines(stderr) }
  /// Standard output split into lines, without the final empty one.
  var stdoutLines: [String] { Self.lines(stdout) }

  var description: String {
    "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---"
  }

  static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// A child process started with `posix_spawn` in its own process group, its output going to
/// temporary files (so a large output never blocks on a full pipe, and what it wrote can be read
/// after a kill), reaped with `waitpid`.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit` was seen to hang forever on a child
/// that had exited (a `tmux` client left defunct while tests ran in parallel).
final class RunningProcess {
  /// A `posix_spawn` that failed.
  struct SpawnFailed: Error, CustomStringConvertible {
    let executable: String
    let code: Int32
    var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
  }

  let pid: pid_t
  private let outputFolder: String
  private var result: ProcessResult?

  /// Starts `executable` (a path) with exactly `environment` (nothing inherited) and `stdin` as
  /// its standard input.
  init(
    _ executable: String, _ arguments: [String], environment: [String: String],
    stdin: String? = nil
  ) throws {
    outputFolder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("rhythm-e2e-output-" + UUID().uuidString).path
    try FileManager.default.createDirectory(
      atPath: outputFolder, withIntermediateDirectories: true)
    try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: outputFolder + "/stdin"))

    #if canImport(Darwin)
    var actions: posix_spawn_file_actions_t? = nil
    var attributes: posix_spawnattr_t? = nil
    #else
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, outputFolder + "/stdin", O_RDONLY, 0)
    let writing = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 1, outputFolder + "/stdout", writing, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, outputFolder + "/stderr", writing, 0o600)

    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Its own process group (so a kill reaches a shell's children), default signal handling
    // and an empty signal mask whatever the test runner set.
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var child: pid_t = 0
    let code = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard code == 0 else {
      try? FileManager.default.removeItem(atPath: outputFolder)
      throw SpawnFailed(executable: executable, code: code)
    }
    pid = child
  }

  deinit {
    if result == nil {
      send(signal: SIGKILL)
      _ = wait()
    }
    try? FileManager.default.removeItem(atPath: outputFolder)
  }

  /// What it has written to standard output so far.
  var stdoutSoFar: String { read("stdout") }

  /// Sends `signal` to the process and everything it started (its process group).
  func send(signal: Int32) {
    guard result == nil else { return }
    _ = kill(-pid, signal)
  }

  /// Waits for the process to end and returns what it left.
  @discardableResult
  func wait() -> ProcessResult {
    if let result { return result }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else {
        status = 0x7f00  // not ours to reap (should not happen): report 127
        break
      }
    }
    let signal = status & 0x7f
    let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
    let finished = ProcessResult(status: code, stdout: read("stdout"), stderr: read("stderr"))
    result = finished
    return finished
  }

  private func read(_ name: String) -> String {
    let data = FileManager.default.contents(atPath: outputFolder + "/" + name) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}

/// Runs a program to its end (see `RunningProcess`).
func runProcess(
  _ executable: String, _ arguments: [String], environment: [String: String],
  stdin: String? = nil
) throws -> ProcessResult {
  try RunningProcess(executable, arguments, environment: environment, stdin: stdin).wait()
}

/// The path of the executable `name` in `PATH`, if there is one.
func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { $0 + "/" + name }.first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}
