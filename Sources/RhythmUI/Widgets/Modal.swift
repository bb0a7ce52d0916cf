/// A bordered box centred over the surface; it clears its area before drawing the border.
public struct Modal: Widget, Hashable, Sendable {
  /// The box's wanted size, border included (clamped to the area).
  public var size: Size
  /// The border and title.
  public var block: Block
  /// Style of the cleared inside.
  public var style: Style

  /// Creates a modal.
  public init(size: Size, title: String? = nil, style: Style = .plain, block: Block? = nil) {
    self.size = size
    self.block = block ?? Block(title: title, borderStyle: style, titleStyle: style.bold())
    self.style = style
  }

  /// The box's rectangle, centred in `area`.
  public func frame(in area: Rect) -> Rect {
    area.centered(width: size.width, height: size.height)
  }

  /// Where content goes: inside the border, with one blank column on each side.
  public func contentArea(in area: Rect) -> Rect {
    frame(in: area).inset(horizontal: 2, vertical: 1)
  }

  /// Clears the box and draws its border.
  public func render(in area: Rect, on surface: inout Surface) {
    let box = frame(in: area)
    surface.fill(box, style: style)
    block.render(in: box, on: &surface)
  }
}
