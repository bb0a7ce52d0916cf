/// A one-line text input: the value, a cursor, readline-style editing keys, and rendering
/// that scrolls horizontally to keep the cursor visible.
public struct TextField: Hashable, Sendable {
  /// The text.
  public var value: String
  /// The cursor, as a grapheme index in `0...value.count`.
  public var cursor: Int

  /// Creates a field with the cursor at the end (or at `cursor`, clamped).
  public init(value: String = "", cursor: Int? = nil) {
    self.value = value
    self.cursor = max(0, min(cursor ?? value.count, value.count))
  }

  // MARK: - Editing

  /// Applies an editing key: left/right/home/end, backspace, delete, ctrl+a/e/u/k/w, and
  /// printable characters (inserted at the cursor).
  /// - Returns: true when the key was an editing key (even if nothing changed).
  @discardableResult
  public mutating func handle(_ key: KeyEvent) -> Bool {
    let graphemes = Array(value)
    let position = max(0, min(cursor, graphemes.count))
    switch (key.key, key.modifiers) {
    case (.left, []):
      cursor = max(0, position - 1)
    case (.right, []):
      cursor = min(graphemes.count, position + 1)
    case (.home, []), (.character("a"), .ctrl):
      cursor = 0
    case (.end, []), (.character("e"), .ctrl):
      cursor = graphemes.count
    case (.backspace, []), (.character("h"), .ctrl):
      guard position > 0 else { return true }
      replace(graphemes, from: position - 1, to: position, with: "")
    case (.delete, []), (.character("d"), .ctrl):
      guard position < graphemes.count else { return true }
      replace(graphemes, from: position, to: position + 1, with: "")
    case (.character("u"), .ctrl):
      replace(graphemes, from: 0, to: position, with: "")
    case (.character("k"), .ctrl):
      replace(graphemes, from: position, to: graphemes.count, with: "")
    case (.character("w"), .ctrl):
      var start = position
      while start > 0 && graphemes[start - 1].isWhitespace { start -= 1 }
      while start > 0 && !graphemes[start - 1].isWhitespace { start -= 1 }
      replace(graphemes, from: start, to: position, with: "")
    case (.character(let character), []):
      guard DisplayWidth.of(character) > 0 || !character.isASCII else { return false }
      replace(graphemes, from: position, to: position, with: String(character))
    default:
      return false
    }
    return true
  }

  /// Replaces graphemes `from..<to` with `text` and puts the cursor after it.
  ///
  /// The cursor is recounted because an inserted combining mark merges with the grapheme
  /// before it.
  private mutating func replace(_ graphemes: [Character], from: Int, to: Int, with text: String) {
    let head = String(graphemes[0..<from]) + text
    value = head + String(graphemes[to...])
    cursor = min(head.count, value.count)
  }

  // MARK: - Rendering

  /// The first visible grapheme for a field `width` columns wide: 0 while the text up to the
  /// cursor fits, else as far right as needed to show the cursor in the last column.
  public func scrollOffset(width: Int) -> Int {
    guard width > 0 else { return cursor }
    let graphemes = Array(value)
    var first = 0
    var used = graphemes[0..<min(cursor, graphemes.count)].reduce(0) { $0 + DisplayWidth.of($1) }
    // Leave one column for the cursor cell itself.
    while used > width - 1 && first < cursor {
      used -= DisplayWidth.of(graphemes[first])
      first += 1
    }
    return first
  }

  /// Draws the visible part of the value in row `area.y`, the cursor cell in `cursorStyle`,
  /// and `placeholder` (in `placeholderStyle`) when the value is empty.
  public func render(
    in area: Rect, on surface: inout Surface, style: Style = .plain,
    cursorStyle: Style = Style.plain.reversed(), placeholder: String = "",
    placeholderStyle: Style = Style.plain.dim(), showsCursor: Bool = true
  ) {
    guard !area.isEmpty else { return }
    let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    surface.fill(line, style: style)
    if value.isEmpty && !placeholder.isEmpty {
      surface.put(placeholder, x: area.x, y: area.y, style: placeholderStyle, maxWidth: area.width)
    } else {
      let first = scrollOffset(width: area.width)
      let visible = String(Array(value)[first...])
      surface.put(visible, x: area.x, y: area.y, style: style, maxWidth: area.width)
    }
    guard showsCursor else { return }
    let graphemes = Array(value)
    let first = scrollOffset(width: area.width)
    let column =
      area.x
      + graphemes[first..<min(cursor, graphemes.count)].reduce(0) { $0 + DisplayWidth.of($1) }
    guard column < area.maxX else { return }
    let isAtEnd = cursor >= graphemes.count
    let width = isAtEnd ? 1 : DisplayWidth.of(graphemes[cursor])
    let cells = Rect(x: column, y: area.y, width: min(max(width, 1), area.maxX - column), height: 1)
    surface.setStyle(cells, style: cursorStyle)
  }
}
