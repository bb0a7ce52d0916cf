/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) fills two cells: the first holds the text, the second is a
/// continuation cell (`isContinuation`, empty text) that backends skip.
public struct Cell: Hashable, Sendable {
  /// One grapheme; `" "` for an empty cell, `""` in a continuation cell.
  public var text: String
  /// How the cell looks.
  public var style: Style
  /// True for the right half of a wide grapheme.
  public var isContinuation: Bool

  /// Creates a cell.
  public init(text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.text = text
    self.style = style
    self.isContinuation = isContinuation
  }

  /// A space in the plain style.
  public static let blank = Cell()

  /// A blank cell in `style`.
  public static func blank(_ style: Style) -> Cell { Cell(text: " ", style: style) }

  /// The right half of a wide grapheme, in `style`.
  public static func continuation(_ style: Style) -> Cell {
    Cell(text: "", style: style, isContinuation: true)
  }
}
