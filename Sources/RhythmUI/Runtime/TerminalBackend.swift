/// Where frames go and input comes from: ncurses in the program, ``MemoryBackend`` in tests.
///
/// Backends are used from one thread only (ncurses is not thread-safe).
public protocol TerminalBackend: AnyObject {
  /// The current terminal size.
  var size: Size { get }

  /// Waits up to `milliseconds` for the next event.
  /// - Returns: the event, or nil when the time ran out with nothing to report.
  func nextEvent(timeout milliseconds: Int) -> TerminalEvent?

  /// Shows `surface` (a full frame of the current size); backends draw only what changed.
  func draw(_ surface: Surface)

  /// Rings the terminal bell.
  func bell()

  /// Hands the terminal to a child process and takes it back: curses mode is left first (the
  /// child gets the normal screen and cooked mode), and once the child exits the next frame is
  /// drawn whole, at the terminal's size then (a resize meanwhile arrives as an event).
  /// - Parameter arguments: the program's path and its arguments.
  /// - Returns: the child's exit status, or nil when it could not be started.
  func runChild(_ arguments: [String]) -> Int32?
}
