/// Text attributes a cell can carry, independent of colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  /// The raw bits (Rhythm's own numbering, not ncurses').
  public let rawValue: UInt8

  /// Creates attributes from raw bits.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// Bold (or bright) text.
  public static let bold = TextAttributes(rawValue: 1 << 0)
  /// Dim text.
  public static let dim = TextAttributes(rawValue: 1 << 1)
  /// Italic text (where the terminal supports it).
  public static let italic = TextAttributes(rawValue: 1 << 2)
  /// Underlined text.
  public static let underline = TextAttributes(rawValue: 1 << 3)
  /// Foreground and background swapped.
  public static let reverse = TextAttributes(rawValue: 1 << 4)

  /// Every attribute with its snapshot name, in a fixed order.
  public static let named: [(TextAttributes, String)] = [
    (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"),
    (.reverse, "reverse"),
  ]

  /// The attribute names in a fixed order (`["bold", "underline"]`).
  public var names: [String] {
    TextAttributes.named.compactMap { contains($0.0) ? $0.1 : nil }
  }
}
