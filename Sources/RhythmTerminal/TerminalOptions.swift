/// How to start the full-screen terminal.
public struct TerminalOptions: Hashable, Sendable {
  /// Draw without colours (attributes only), as `--no-color` asks.
  public var noColor: Bool
  /// Draw with ASCII characters only (see ``ASCIIFallback``).
  public var asciiOnly: Bool
  /// Milliseconds ncurses waits after Esc for the rest of an escape sequence (its default,
  /// 1000, makes Esc feel broken).
  public var escapeDelay: Int

  /// Creates options.
  public init(
    noColor: Bool = false, asciiOnly: Bool = false,
    escapeDelay: Int = 25
  ) {
    self.noColor = noColor
    self.asciiOnly = asciiOnly
    self.escapeDelay = escapeDelay
  }

  /// True when colour should be used: not `noColor`, and `NO_COLOR` unset or empty
  /// (https://no-color.org).
  public func usesColor(environment: [String: String]) -> Bool {
    !noColor && (environment["NO_COLOR"] ?? "").isEmpty
  }

  /// True when only ASCII should be drawn although the locale could show Unicode: `asciiOnly`,
  /// or `RHYTHM_ASCII` set to anything but empty or `0` (for a font or terminal without
  /// line-drawing characters).
  public func drawsASCII(environment: [String: String]) -> Bool {
    let value = environment["RHYTHM_ASCII"] ?? ""
    return asciiOnly || !(value.isEmpty || value == "0")
  }
}
