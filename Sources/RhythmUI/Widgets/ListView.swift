/// A vertical list with a selection marker and a scroll window that keeps the selection visible.
public struct ListView: Widget, Hashable, Sendable {
  /// One row: its text and style.
  public struct Item: Hashable, Sendable, ExpressibleByStringLiteral {
    /// Row text (truncated with an ellipsis to fit).
    public var text: String
    /// Row style when not selected.
    public var style: Style

    /// Creates an item.
    public init(_ text: String, style: Style = .plain) {
      self.text = text
      self.style = style
    }

    /// Creates a plain item from a literal.
    public init(stringLiteral value: String) {
      self.init(value)
    }
  }

  /// The rows.
  public var items: [Item]
  /// Selection and scroll.
  public var state: ListState
  /// Style of the selected row (the whole row width).
  public var selectedStyle: Style
  /// Drawn before the selected row; other rows get as many spaces.
  public var highlightSymbol: String

  /// Creates a list.
  public init(
    items: [Item], state: ListState = ListState(), selectedStyle: Style = Style.plain.reversed(),
    highlightSymbol: String = "> "
  ) {
    self.items = items
    self.state = state
    self.selectedStyle = selectedStyle
    self.highlightSymbol = highlightSymbol
  }

  /// Draws the visible rows into `area`.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    let first = state.visibleOffset(height: area.height, count: items.count)
    let symbolWidth = DisplayWidth.of(highlightSymbol)
    for row in 0..<area.height {
      let index = first + row
      guard index < items.count else { break }
      let item = items[index]
      let isSelected = index == state.selection
      let style = isSelected ? selectedStyle : item.style
      let y = area.y + row
      surface.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
      let prefix = isSelected ? highlightSymbol : String(repeating: " ", count: symbolWidth)
      let used = surface.put(prefix, x: area.x, y: y, style: style, maxWidth: area.width)
      let textWidth = area.width - used
      surface.put(
        DisplayWidth.truncate(item.text, to: textWidth), x: area.x + used, y: y, style: style,
        maxWidth: textWidth)
    }
  }
}
