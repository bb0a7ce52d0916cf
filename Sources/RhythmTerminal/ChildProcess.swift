import CNCurses
import Foundation

/// A program run on the process's terminal, in its process group (so it is in the terminal's
/// foreground and may read from it), with its environment; waited for.
enum ChildProcess {
  /// Runs `arguments` (a path, then its arguments) and waits for it.
  /// - Returns: its exit status (128 + the signal when a signal ended it), or nil when it
  ///   could not be started.
  static func run(_ arguments: [String]) -> Int32? {
    guard let path = arguments.first else { return nil }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    argv.append(nil)
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    guard posix_spawn(&pid, path, nil, nil, argv, cw_environ()) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      // A signal (a resize) interrupted the wait: wait on.
      guard errno == EINTR else { return nil }
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}
