/// Rows of text in columns, with a header row, a selected row and vertical scrolling.
public struct Table: Widget, Hashable, Sendable {
  /// One column: header text, width constraint, alignment.
  public struct Column: Hashable, Sendable {
    /// Header text.
    public var title: String
    /// Width, as in ``Layout`` (`.length(10)`, `.fill(1)`, `.percentage(30)`).
    public var width: Constraint
    /// Placement of the cell text.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
      self.title = title
      self.width = width
      self.alignment = alignment
    }
  }

  /// The columns.
  public var columns: [Column]
  /// The rows; each row has one string per column (missing ones are blank).
  public var rows: [[String]]
  /// Selection and scroll.
  public var state: ListState
  /// Style of the header row; no header row is drawn when nil.
  public var headerStyle: Style?
  /// Style of unselected rows.
  public var rowStyle: Style
  /// Style of the selected row.
  public var selectedStyle: Style
  /// Blank columns between cells.
  public var columnSpacing: Int

  /// Creates a table.
  public init(
    columns: [Column], rows: [[String]], state: ListState = ListState(),
    headerStyle: Style? = Style.plain.bold(), rowStyle: Style = .plain,
    selectedStyle: Style = Style.plain.reversed(), columnSpacing: Int = 1
  ) {
    self.columns = columns
    self.rows = rows
    self.state = state
    self.headerStyle = headerStyle
    self.rowStyle = rowStyle
    self.selectedStyle = selectedStyle
    self.columnSpacing = columnSpacing
  }

  /// The number of row lines visible in `area` (without the header).
  public func bodyHeight(in area: Rect) -> Int {
    max(0, area.height - (headerStyle == nil ? 0 : 1))
  }

  /// Draws the header and the visible rows into `area`.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    let cells = Layout.horizontal(columns.map(\.width), spacing: columnSpacing).split(area)
    var y = area.y
    if let headerStyle {
      drawRow(columns.map(\.title), cells: cells, y: y, style: headerStyle, on: &surface)
      y += 1
    }
    let height = bodyHeight(in: area)
    let first = state.visibleOffset(height: height, count: rows.count)
    for line in 0..<height {
      let index = first + line
      guard index < rows.count else { break }
      let style = index == state.selection ? selectedStyle : rowStyle
      drawRow(rows[index], cells: cells, y: y + line, style: style, on: &surface)
    }
  }

  private func drawRow(
    _ texts: [String], cells: [Rect], y: Int, style: Style, on surface: inout Surface
  ) {
    guard let first = cells.first, let last = cells.last else { return }
    surface.fill(Rect(x: first.x, y: y, width: last.maxX - first.x, height: 1), style: style)
    for (index, cell) in cells.enumerated() where cell.width > 0 {
      let text = DisplayWidth.truncate(index < texts.count ? texts[index] : "", to: cell.width)
      let offset = columns[index].alignment.offset(
        textWidth: DisplayWidth.of(text), in: cell.width)
      surface.put(text, x: cell.x + offset, y: y, style: style, maxWidth: cell.width - offset)
    }
  }
}
