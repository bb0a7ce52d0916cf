import CNCurses
import Foundation
import RhythmUI

/// The entry point for a full-screen program: set up the terminal, run the caller's loop,
/// and always restore the terminal.
public enum TerminalApp {
  /// Starts curses, runs `loop` with the backend, then restores the terminal.
  ///
  /// The terminal is restored however `loop` ends, returning or throwing. The loop should
  /// return when it sees ``TerminalEvent/quitRequested``.
  /// - Throws: ``TerminalError`` when no terminal is usable (nothing was changed then), or
  ///   whatever `loop` throws (after the terminal is restored).
  public static func run<Result>(
    options: TerminalOptions = TerminalOptions(),
    _ loop: (CursesBackend) throws -> Result
  ) throws -> Result {
    let session = try CursesSession(options: options)
    defer { session.end() }
    return try loop(CursesBackend(session: session))
  }

  /// Ends the process as the signal would have when SIGTERM or SIGHUP ended the last session
  /// (status 143 or 129 to the shell); otherwise returns.
  ///
  /// Call it once the program has cleaned up after the session (temporary folders, messages):
  /// the signal only asked the loop to return, so that the terminal and the caller's own state
  /// could be put right first. SIGINT is ctrl+c, the cockpit's quit key: it returns.
  public static func exitIfEndedBySignal() {
    guard let signal = TerminalSignals.quitSignal, signal != SIGINT else { return }
    fflush(nil)
    cw_raise_default(signal)
    exit(128 + signal)
  }
}
