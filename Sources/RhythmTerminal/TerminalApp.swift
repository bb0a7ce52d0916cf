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
}
