/// Writes themed text into a rectangle of a surface: the small drawing vocabulary the screens
/// share (panels, lines of styled segments, clipped to the area).
struct Painter {
  let theme: Theme

  /// A text run in one role (or an explicit style).
  typealias Segment = Span

  /// Draws a bordered panel titled `title` and returns its inside.
  @discardableResult
  func panel(_ title: String, in area: Rect, on surface: inout Surface) -> Rect {
    Block(
      title: " " + title + " ", borderStyle: theme[.border], titleStyle: theme[.title]
    ).render(in: area, on: &surface)
    return ScreenLayout.panelInner(area)
  }

  /// Writes `segments` on row `y` from `x`, clipped at `width` columns.
  /// - Returns: the columns used.
  @discardableResult
  func line(
    _ segments: [Segment], x: Int, y: Int, width: Int, on surface: inout Surface,
    fill: Style? = nil
  ) -> Int {
    guard width > 0 else { return 0 }
    if let fill { surface.fill(Rect(x: x, y: y, width: width, height: 1), style: fill) }
    var used = 0
    for segment in segments {
      guard used < width else { break }
      let text = DisplayWidth.truncate(segment.text, to: width - used)
      used += surface.put(text, x: x + used, y: y, style: segment.style, maxWidth: width - used)
    }
    return used
  }

  /// Writes `text` in `role`, clipped.
  @discardableResult
  func text(
    _ text: String, _ role: ThemeRole, x: Int, y: Int, width: Int, on surface: inout Surface
  ) -> Int {
    line([Segment(text, theme[role])], x: x, y: y, width: width, on: &surface)
  }

  /// A segment in `role`.
  func segment(_ text: String, _ role: ThemeRole) -> Segment {
    Segment(text, theme[role])
  }

  /// A column of fixed width (padded or cut) in `role`.
  func cell(_ text: String, _ width: Int, _ role: ThemeRole, alignRight: Bool = false) -> Segment {
    let fitted = DisplayWidth.truncate(text, to: width)
    let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
    return Segment(alignRight ? pad + fitted : fitted + pad, theme[role])
  }

  /// The style of a selected row: the selection role.
  var selected: Style { theme[.selection] }

  // MARK: - Tables

  /// A table in the theme's header, text and selection styles, with `▶ ` before the selected
  /// row unless `marksSelection` is false; its rows are built on demand by `row`.
  func table(
    _ columns: [Table.Column], rowCount: Int, state: TableState = TableState(),
    hasHeader: Bool = true, marksSelection: Bool = true,
    row: @escaping @Sendable (_ index: Int) -> [Table.Cell]
  ) -> Table {
    Table(
      columns: columns, rowCount: rowCount, state: state,
      headerStyle: hasHeader ? theme[.header] : nil, rowStyle: theme[.text],
      highlightStyle: selected, highlightSymbol: marksSelection ? "▶ " : "",
      symbolStyle: theme[.accent], row: row)
  }

  /// A table cell of `text` in `role`.
  func item(_ text: String, _ role: ThemeRole, keepsStyle: Bool = false) -> Table.Cell {
    Table.Cell(text, theme[role], keepsStyle: keepsStyle)
  }
}
