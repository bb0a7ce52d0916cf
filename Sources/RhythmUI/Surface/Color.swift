/// A terminal colour: the terminal's own default, one of the 16 ANSI colours, or a 256-palette index.
public enum Color: Hashable, Sendable {
  /// The terminal's own foreground or background (transparent backgrounds).
  case `default`
  /// ANSI colour 0–15: black, red, green, yellow, blue, magenta, cyan, white, then bright ones.
  case ansi(UInt8)
  /// An index in the xterm 256-colour palette.
  case indexed(UInt8)

  /// ANSI 0.
  public static let black = Color.ansi(0)
  /// ANSI 1.
  public static let red = Color.ansi(1)
  /// ANSI 2.
  public static let green = Color.ansi(2)
  /// ANSI 3.
  public static let yellow = Color.ansi(3)
  /// ANSI 4.
  public static let blue = Color.ansi(4)
  /// ANSI 5.
  public static let magenta = Color.ansi(5)
  /// ANSI 6.
  public static let cyan = Color.ansi(6)
  /// ANSI 7.
  public static let white = Color.ansi(7)
  /// ANSI 8.
  public static let brightBlack = Color.ansi(8)
  /// ANSI 9.
  public static let brightRed = Color.ansi(9)
  /// ANSI 10.
  public static let brightGreen = Color.ansi(10)
  /// ANSI 11.
  public static let brightYellow = Color.ansi(11)
  /// ANSI 12.
  public static let brightBlue = Color.ansi(12)
  /// ANSI 13.
  public static let brightMagenta = Color.ansi(13)
  /// ANSI 14.
  public static let brightCyan = Color.ansi(14)
  /// ANSI 15.
  public static let brightWhite = Color.ansi(15)

  /// The name used in snapshots: `default`, `red`, `bright-red`, `i123`.
  public var name: String {
    switch self {
    case .default:
      return "default"
    case .ansi(let number):
      let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
      let base = names[Int(number % 8)]
      return number >= 8 && number < 16 ? "bright-\(base)" : (number < 8 ? base : "ansi\(number)")
    case .indexed(let number):
      return "i\(number)"
    }
  }
}
