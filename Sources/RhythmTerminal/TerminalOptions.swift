/// How to start the full-screen terminal.
public struct TerminalOptions: Hashable, Sendable {
  /// Draw without colours (attributes only), as `--no-color` asks.
  public var noColor: Bool
  /// Milliseconds ncurses waits after Esc for the rest of an escape sequence (its default,
  /// 1000, makes Esc feel broken).
  public var escapeDelay: Int

  /// Creates options.
  public init(noColor: Bool = false, escapeDelay: Int = 25) {
    self.noColor = noColor
    self.escapeDelay = escapeDelay
  }

  /// True when colour should be used: not `noColor`, and `NO_COLOR` unset or empty
  /// (https://no-color.org).
  public func usesColor(environment: [String: String]) -> Bool {
    !noColor && (environment["NO_COLOR"] ?? "").isEmpty
  }
}
