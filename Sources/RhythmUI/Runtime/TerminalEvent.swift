/// What a ``TerminalBackend`` reports: input, a resize, or a quit request from outside.
public enum TerminalEvent: Hashable, Sendable {
  /// A key was pressed.
  case key(KeyEvent)
  /// The terminal now has this size; render a new surface of it.
  case resized(Size)
  /// A periodic wake-up with no input (backends may send it; a `nil` timeout means the same).
  case tick
  /// The program should quit now: SIGINT, SIGTERM or SIGHUP arrived, or the terminal went away.
  case quitRequested
}
