/// The cell grid every screen and widget renders into; the only render target.
///
/// Coordinates outside the grid are ignored on write and read as blank, so widgets can clip
/// without checks. Writes keep wide graphemes whole: overwriting either half of one blanks the
/// other half.
public struct Surface: Equatable, Sendable {
  /// Columns and rows.
  public private(set) var size: Size
  /// Row-major cells, `size.width * size.height` of them.
  public private(set) var cells: [Cell]

  /// A blank surface of `size` (negative sizes count as zero).
  public init(size: Size) {
    let clamped = Size(width: max(0, size.width), height: max(0, size.height))
    self.size = clamped
    self.cells = [Cell](repeating: .blank, count: clamped.width * clamped.height)
  }

  /// The whole surface as a rectangle at the origin.
  public var bounds: Rect { Rect(size: size) }

  /// The cell at column `x`, row `y`; outside the grid, reads give a blank cell and writes do
  /// nothing.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard let index = index(x: x, y: y) else { return .blank }
      return cells[index]
    }
    set {
      guard let index = index(x: x, y: y) else { return }
      detachWideNeighbours(x: x, y: y, replacingWith: newValue)
      cells[index] = newValue
    }
  }

  // MARK: - Writing

  /// Writes `text` from (`x`, `y`) to the right, one grapheme per cell, two for wide ones.
  ///
  /// Clips at the surface edge and after `maxWidth` columns. A wide grapheme that does not fit
  /// is replaced by a space rather than split. Zero-width graphemes (control characters, a
  /// lone combining mark) are skipped.
  /// - Returns: the number of columns written (inside the surface).
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < size.height else { return 0 }
    var limit = size.width
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    var column = x
    for character in text {
      let width = DisplayWidth.of(character)
      guard width > 0 else { continue }
      if column + width > limit {
        if column < limit && column >= 0 { self[column, y] = .blank(style) }
        if column < limit { column += 1 }
        break
      }
      if column < 0 {
        for pad in max(column, 0)..<max(column + width, 0) { self[pad, y] = .blank(style) }
      } else {
        self[column, y] = Cell(text: String(character), style: style)
        if width == 2 { self[column + 1, y] = .continuation(style) }
      }
      column += width
    }
    return max(0, min(column, limit) - max(x, 0))
  }

  /// Fills `rect` (clipped) with spaces in `style`.
  public mutating func fill(_ rect: Rect, style: Style) {
    let area = rect.intersection(bounds)
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX { self[column, row] = .blank(style) }
    }
  }

  /// Changes the style of the cells in `rect` (clipped), keeping their text.
  public mutating func setStyle(_ rect: Rect, style: Style) {
    let area = rect.intersection(bounds)
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX {
        if let index = index(x: column, y: row) { cells[index].style = style }
      }
    }
  }

  // MARK: - Internals

  private func index(x: Int, y: Int) -> Int? {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
    return y * size.width + x
  }

  /// Before (`x`, `y`) gets `newValue`, blanks the other half of any wide grapheme it would cut.
  private mutating func detachWideNeighbours(x: Int, y: Int, replacingWith newValue: Cell) {
    guard let here = index(x: x, y: y) else { return }
    let old = cells[here]
    if old.isContinuation, !newValue.isContinuation, let left = index(x: x - 1, y: y) {
      cells[left] = .blank(cells[left].style)
    }
    if !old.isContinuation, let right = index(x: x + 1, y: y), cells[right].isContinuation {
      cells[right] = .blank(cells[right].style)
    }
  }
}
