/// Why the full-screen terminal could not start; each case reads as one clear line.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Standard input or output is not a terminal (a pipe, a file, a CI job).
  case notATerminal
  /// `TERM` is unset or empty.
  case missingTerminalType
  /// `TERM=dumb` cannot position the cursor.
  case dumbTerminal
  /// ncurses has no terminfo entry for this `TERM` (newterm returned NULL).
  case unknownTerminal(String)

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .notATerminal:
      return "The cockpit needs an interactive terminal, but standard input or output is "
        + "redirected; run it in a terminal, or use a subcommand for plain output."
    case .missingTerminalType:
      return "TERM is not set, so the terminal type is unknown; try TERM=xterm-256color "
        + "(or TERM=screen-256color inside tmux or screen)."
    case .dumbTerminal:
      return "TERM=dumb cannot draw the cockpit; try TERM=xterm-256color "
        + "(or TERM=screen-256color inside tmux or screen)."
    case .unknownTerminal(let term):
      return "This system has no terminfo entry for TERM=\(term); try TERM=xterm-256color "
        + "(or TERM=screen-256color inside tmux or screen)."
    }
  }
}
