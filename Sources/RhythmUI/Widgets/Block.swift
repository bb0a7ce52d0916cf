/// A border with an optional title in the top edge: `┌Reviews──┐`.
public struct Block: Widget, Hashable, Sendable {
  /// Text drawn in the top border, after the corner; truncated to fit.
  public var title: String?
  /// Style of the border lines.
  public var borderStyle: Style
  /// Style of the title.
  public var titleStyle: Style
  /// The characters of the border.
  public var border: BorderSet

  /// Creates a block.
  public init(
    title: String? = nil, borderStyle: Style = .plain, titleStyle: Style = .plain,
    border: BorderSet = .single
  ) {
    self.title = title
    self.borderStyle = borderStyle
    self.titleStyle = titleStyle
    self.border = border
  }

  /// The area inside the border.
  public func inner(_ area: Rect) -> Rect {
    area.inset(by: 1)
  }

  /// Draws the border (and title) along the edges of `area`; the inside is left untouched.
  public func render(in area: Rect, on surface: inout Surface) {
    guard area.width >= 2, area.height >= 2 else { return }
    let right = area.maxX - 1
    let bottom = area.maxY - 1
    for column in (area.x + 1)..<right {
      surface.put(border.horizontal, x: column, y: area.y, style: borderStyle)
      surface.put(border.horizontal, x: column, y: bottom, style: borderStyle)
    }
    for row in (area.y + 1)..<bottom {
      surface.put(border.vertical, x: area.x, y: row, style: borderStyle)
      surface.put(border.vertical, x: right, y: row, style: borderStyle)
    }
    surface.put(border.topLeft, x: area.x, y: area.y, style: borderStyle)
    surface.put(border.topRight, x: right, y: area.y, style: borderStyle)
    surface.put(border.bottomLeft, x: area.x, y: bottom, style: borderStyle)
    surface.put(border.bottomRight, x: right, y: bottom, style: borderStyle)
    if let title, area.width > 2 {
      let fitted = DisplayWidth.truncate(title, to: area.width - 2)
      surface.put(fitted, x: area.x + 1, y: area.y, style: titleStyle, maxWidth: area.width - 2)
    }
  }
}
