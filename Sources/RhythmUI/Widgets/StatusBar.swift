/// A one-row bar: left text, key hints after it, right text flush right.
///
/// When space runs short, hints are dropped from the end first, then the left text is
/// truncated; the right text is kept whole while it fits.
public struct StatusBar: Widget, Hashable, Sendable {
  /// Text at the left edge.
  public var left: String
  /// Text at the right edge.
  public var right: String
  /// Key hints shown after the left text, as `key description` pairs.
  public var hints: [KeyHint]
  /// Style of the bar (and of the texts).
  public var style: Style
  /// Style of each hint's key.
  public var keyStyle: Style

  /// Creates a status bar.
  public init(
    left: String = "", right: String = "", hints: [KeyHint] = [], style: Style = .plain,
    keyStyle: Style = Style.plain.bold()
  ) {
    self.left = left
    self.right = right
    self.hints = hints
    self.style = style
    self.keyStyle = keyStyle
  }

  /// Draws the bar in the first row of `area`.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    let y = area.y
    surface.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
    let rightWidth = DisplayWidth.of(right) <= area.width ? DisplayWidth.of(right) : 0
    if rightWidth > 0 {
      surface.put(right, x: area.maxX - rightWidth, y: y, style: style)
    }
    let available = area.width - rightWidth - (rightWidth > 0 ? 1 : 0)
    guard available > 0 else { return }
    var column = area.x
    if !left.isEmpty {
      let fitted = DisplayWidth.truncate(left, to: available)
      column += surface.put(fitted, x: column, y: y, style: style, maxWidth: available)
    }
    for hint in hints {
      let gap = column == area.x ? 0 : 2
      let keyWidth = DisplayWidth.of(hint.keys)
      let needed = gap + keyWidth + 1 + DisplayWidth.of(hint.description)
      guard column - area.x + needed <= available else { break }
      column += gap
      column += surface.put(hint.keys, x: column, y: y, style: keyStyle)
      column += surface.put(" " + hint.description, x: column, y: y, style: style)
    }
  }
}
