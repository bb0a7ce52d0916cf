import RhythmUI
import Synchronization
import Testing

@Suite("Table and TableState")
struct TableTests {
  private let columns = [
    Table.Column("Step", width: 8, spacing: 1),
    Table.Column("Owner", width: 5, spacing: 1),
    Table.Column("Due", width: 3, alignment: .right),
  ]

  /// A table of `rows` (the widget asks for rows by index).
  private static func table(
    _ columns: [Table.Column], _ rows: [[Table.Cell]], state: TableState = TableState(),
    headerStyle: Style? = Style.plain.bold(), highlightSymbol: String = "",
    symbolStyle: Style? = nil
  ) -> Table {
    Table(
      columns: columns, rowCount: rows.count, state: state, headerStyle: headerStyle,
      highlightSymbol: highlightSymbol, symbolStyle: symbolStyle
    ) { rows[$0] }
  }

  private static func rows(_ count: Int) -> [[Table.Cell]] {
    (1...count).map { [Table.Cell("row \($0)"), Table.Cell("p\($0)"), Table.Cell("1")] }
  }

  @Test("header, cells cut with an ellipsis, right alignment, spacing, the selected row")
  func headerRowsAndAlignment() {
    var surface = Surface(size: Size(width: 19, height: 3))
    let table = Self.table(
      columns,
      [
        [Table.Cell("Ship 中文 notes"), Table.Cell("ana"), Table.Cell("2d")],
        [Table.Cell("Fix", Style(foreground: .red)), Table.Cell("bob"), Table.Cell("10d")],
      ],
      state: TableState(selection: 1))
    table.render(in: surface.bounds, on: &surface)
    #expect(
      surface.lines == [
        "Step     Owner Due ",
        "Ship 中… ana    2d ",
        "Fix      bob   10d ",
      ])
    #expect(surface[0, 0].style == Style.plain.bold())
    #expect(surface[18, 0].style == .plain, "the header is as wide as its columns")
    #expect(surface[0, 2].style == Style.plain.reversed(), "the selected row drops cell styles")
    #expect(surface[18, 2].style == Style.plain.reversed(), "and is highlighted across")
    #expect(surface[0, 1].style == .plain)
  }

  @Test("the window scrolls so the selection shows, and starts from the offset in the state")
  func scrollsToTheSelection() {
    let rows = Self.rows(6)
    var surface = Surface(size: Size(width: 18, height: 3))
    var table = Self.table(columns, rows, state: TableState(selection: 4))
    #expect(table.bodyHeight(in: surface.bounds) == 2)
    table.render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["Step     Owner Due", "row 4    p4      1", "row 5    p5      1"])
    // A stored offset is kept while the selection is in sight …
    table.state = TableState(selection: 2, offset: 1)
    table.render(in: surface.bounds, on: &surface)
    #expect(surface.lines[1] == "row 2    p2      1")
    // … and never leaves the window part empty.
    table.state = TableState(selection: 5, offset: 5)
    table.render(in: surface.bounds, on: &surface)
    #expect(surface.lines[1...] == ["row 5    p5      1", "row 6    p6      1"])
  }

  @Test("moving and scrolling in the state: the offset moves only when the selection leaves")
  func stateMovesAndScrolls() {
    var state = TableState(selection: 0)
    for expected in [0, 0, 1, 2, 3] {
      state.move(by: 1, count: 6)
      state.scrollToSelection(height: 3, count: 6)
      #expect(state.offset == expected)
    }
    #expect(state.selection == 5)
    state.move(by: -1, count: 6)
    state.scrollToSelection(height: 3, count: 6)
    #expect(state.offset == 3, "moving back up inside the window does not scroll")
    state.move(by: -10, count: 6)
    state.scrollToSelection(height: 3, count: 6)
    #expect((state.selection, state.offset) == (0, 0))
    state.move(by: 1, count: 0)
    #expect(state.selection == nil)
  }

  @Test("only the rows in sight are built")
  func buildsOnlyVisibleRows() {
    let asked = Mutex<[Int]>([])
    let table = Table(
      columns: columns, rowCount: 50_000, state: TableState(selection: 30_000, offset: 29_990)
    ) { index in
      asked.withLock { $0.append(index) }
      return [Table.Cell("row \(index)")]
    }
    var surface = Surface(size: Size(width: 18, height: 4))
    table.render(in: surface.bounds, on: &surface)
    #expect(asked.withLock { $0 } == [29_998, 29_999, 30_000])
  }

  @Test("the highlight symbol, marks that keep their style, widgets that draw themselves")
  func symbolMarksAndWidgets() {
    let red = Style(foreground: .red)
    let accent = Style(foreground: .cyan)
    let table = Self.table(
      [Table.Column(width: 1), Table.Column("Name", width: 4), Table.Column(width: 2)],
      [
        [Table.Cell("●", red, keepsStyle: true), Table.Cell("ana"), .widget(Bar(fraction: 1))],
        [Table.Cell(" ", red), Table.Cell("bob"), .widget(Bar(fraction: 0.5, style: red))],
      ],
      state: TableState(selection: 0), headerStyle: nil, highlightSymbol: "▶ ",
      symbolStyle: accent)
    var surface = Surface(size: Size(width: 9, height: 2))
    table.render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["▶ ●ana ██", "   bob █ "])
    #expect(surface[2, 0].style == red, "a mark keeps its style on the selected row")
    #expect(surface[3, 0].style == Style.plain.reversed())
    #expect(surface[0, 1].style == accent)
    #expect(surface[7, 1].style == red, "a widget cell draws in its own style")
  }

  @Test("a left-aligned header title may run into the spacing after its column")
  func headerUsesSpacing() {
    let table = Self.table(
      [Table.Column("on time", width: 4, spacing: 2), Table.Column("rate", width: 4)], [])
    var surface = Surface(size: Size(width: 10, height: 1))
    table.render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["on ti…rate"])
  }
}
