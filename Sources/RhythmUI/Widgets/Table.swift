/// Rows of cells in fixed-width columns, with an optional header row, a highlighted selected
/// row, and a window that scrolls to keep the selection in sight (ratatui's `Table`).
///
/// The selection and the offset live in a ``TableState`` the caller keeps. Rows are asked for
/// by index and only those in sight are built, so a table of 50,000 steps costs one screenful.
public struct Table: Widget, Sendable {
  /// One column: header text, width, alignment, and the blank columns after it.
  public struct Column: Hashable, Sendable {
    /// Header text.
    public var title: String
    /// Width in columns (cut at the table's right edge).
    public var width: Int
    /// Placement of the cell text.
    public var alignment: Alignment
    /// Blank columns between this column and the next.
    public var spacing: Int

    /// Creates a column.
    public init(_ title: String = "", width: Int, alignment: Alignment = .left, spacing: Int = 0) {
      self.title = title
      self.width = width
      self.alignment = alignment
      self.spacing = spacing
    }
  }

  /// What one cell shows: spans of text, or a one-row widget (a bar, a sparkline).
  public struct Cell: Sendable {
    enum Content: Sendable {
      case spans([Span])
      case widget(any Widget & Sendable)
    }

    var content: Content
    /// The style of the cell's blank part.
    public var style: Style
    /// Whether the cell keeps its style on the selected row (a mark that must stay visible).
    public var keepsStyle: Bool

    /// A cell of `text` in `style`, cut with an ellipsis when too wide.
    public init(_ text: String, _ style: Style = .plain, keepsStyle: Bool = false) {
      self.init(content: .spans([Span(text, style)]), style: style, keepsStyle: keepsStyle)
    }

    /// A cell of several spans (cut at the cell's edge); its blank part in the first span's
    /// style.
    public init(spans: [Span]) {
      self.init(content: .spans(spans), style: spans.first?.style ?? .plain, keepsStyle: false)
    }

    /// A cell drawn by `widget`, in its own styles even on the selected row.
    public static func widget(_ widget: any Widget & Sendable) -> Cell {
      Cell(content: .widget(widget), style: .plain, keepsStyle: true)
    }

    private init(content: Content, style: Style, keepsStyle: Bool) {
      self.content = content
      self.style = style
      self.keepsStyle = keepsStyle
    }
  }

  /// The columns.
  public var columns: [Column]
  /// How many rows there are.
  public var rowCount: Int
  /// The cells of row `index` (one per column; missing ones are blank).
  public var row: @Sendable (_ index: Int) -> [Cell]
  /// Selection and scroll.
  public var state: TableState
  /// Style of the header row; no header row is drawn when nil.
  public var headerStyle: Style?
  /// Style of the rows' blank parts.
  public var rowStyle: Style
  /// Style of the selected row (its whole width, and its cells' text).
  public var highlightStyle: Style
  /// Drawn before the selected row (`▶ `); other rows get as many blanks, in `symbolStyle`.
  public var highlightSymbol: String
  /// Style of the blanks in front of the rows not selected.
  public var symbolStyle: Style

  /// Creates a table whose rows are built on demand by `row`, for the rows in sight only.
  public init(
    columns: [Column], rowCount: Int, state: TableState = TableState(),
    headerStyle: Style? = Style.plain.bold(), rowStyle: Style = .plain,
    highlightStyle: Style = Style.plain.reversed(), highlightSymbol: String = "",
    symbolStyle: Style? = nil, row: @escaping @Sendable (_ index: Int) -> [Cell]
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.row = row
    self.state = state
    self.headerStyle = headerStyle
    self.rowStyle = rowStyle
    self.highlightStyle = highlightStyle
    self.highlightSymbol = highlightSymbol
    self.symbolStyle = symbolStyle ?? rowStyle
  }

  /// The number of rows in sight in `area` (below the header).
  public func bodyHeight(in area: Rect) -> Int {
    max(0, area.height - (headerStyle == nil ? 0 : 1))
  }

  /// Draws the header and the rows in sight into `area`, scrolled so the selection shows.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    var y = area.y
    if let headerStyle {
      let symbolWidth = DisplayWidth.of(highlightSymbol)
      let span =
        columns.reduce(symbolWidth) { $0 + $1.width + $1.spacing } - (columns.last?.spacing ?? 0)
      surface.fill(
        Rect(x: area.x, y: y, width: min(span, area.width), height: 1), style: headerStyle)
      drawCells(
        columns.map { Cell($0.title, headerStyle) }, x: area.x + symbolWidth, y: y, area: area,
        selected: false, isHeader: true, on: &surface)
      y += 1
    }
    let height = bodyHeight(in: area)
    let first = state.visibleOffset(height: height, count: rowCount)
    for line in 0..<min(height, max(0, rowCount - first)) {
      let index = first + line
      drawRow(row(index), y: y + line, area: area, selected: index == state.selection, on: &surface)
    }
  }

  // MARK: - Drawing

  private func drawRow(
    _ cells: [Cell], y: Int, area: Rect, selected: Bool, on surface: inout Surface
  ) {
    surface.fill(
      Rect(x: area.x, y: y, width: area.width, height: 1),
      style: selected ? highlightStyle : rowStyle)
    var x = area.x
    if !highlightSymbol.isEmpty {
      let symbol =
        selected
        ? highlightSymbol : String(repeating: " ", count: DisplayWidth.of(highlightSymbol))
      x += surface.put(
        symbol, x: x, y: y, style: selected ? highlightStyle : symbolStyle, maxWidth: area.width)
    }
    drawCells(cells, x: x, y: y, area: area, selected: selected, isHeader: false, on: &surface)
  }

  /// Draws `cells` in the columns from `x`, cut at the area's right edge. A left-aligned
  /// header title may run into the blank columns after its column.
  private func drawCells(
    _ cells: [Cell], x start: Int, y: Int, area: Rect, selected: Bool, isHeader: Bool,
    on surface: inout Surface
  ) {
    var x = start
    for (index, column) in columns.enumerated() {
      let room = isHeader && column.alignment == .left ? column.spacing : 0
      guard x < area.maxX else { break }
      let width = min(column.width + room, area.maxX - x)
      defer { x += column.width + column.spacing }
      guard width > 0, index < cells.count else { continue }
      let cell = cells[index]
      let rect = Rect(x: x, y: y, width: width, height: 1)
      let highlighted = selected && !cell.keepsStyle
      switch cell.content {
      case .widget(let widget):
        widget.render(in: rect, on: &surface)
      case .spans(let spans):
        surface.fill(rect, style: highlighted ? highlightStyle : cell.style)
        let textWidth = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        var used = column.alignment.offset(textWidth: textWidth, in: width)
        for span in spans where used < width {
          let text = DisplayWidth.truncate(span.text, to: width - used)
          used += surface.put(
            text, x: x + used, y: y, style: highlighted ? highlightStyle : span.style,
            maxWidth: width - used)
        }
      }
    }
  }
}
