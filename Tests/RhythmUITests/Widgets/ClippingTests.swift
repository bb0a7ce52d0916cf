import RhythmUI
import Testing

@Suite("Widgets stay inside their area")
struct ClippingTests {
  private static let widgets: [(String, any Widget & Sendable)] = [
    ("block", Block(title: "Title 中文")),
    (
      "table",
      Table(
        columns: [Table.Column("A", width: 2, spacing: 1), Table.Column("B", width: 4)],
        rowCount: 3, state: TableState(selection: 1), highlightSymbol: "▶ "
      ) { index in
        [
          [Table.Cell("x"), Table.Cell("中文中文")],
          [Table.Cell("y"), .widget(Bar(fraction: 0.5))],
          [Table.Cell(spans: [Span("a"), Span("中文")]), Table.Cell("z")],
        ][index]
      }
    ),
    ("bar", Bar(fraction: 0.7, target: 1)),
    ("sparkline", Sparkline(values: [1, nil, 3])),
    ("modal", Modal(size: Size(width: 30, height: 10), title: "Modal")),
    (
      "status",
      StatusBar(left: "中文", right: "right", hints: [KeyHint(keys: "q", description: "quit")])
    ),
    ("help", HelpOverlay(sections: [.init("S", [KeyHint(keys: "k", description: "up")])])),
  ]

  @Test(arguments: 0..<widgets.count)
  func neverDrawsOutsideTheArea(index: Int) {
    let (name, widget) = ClippingTests.widgets[index]
    for width in 0...5 {
      for height in 0...3 {
        var surface = Surface(size: Size(width: 9, height: 7))
        let area = Rect(x: 2, y: 2, width: width, height: height)
        widget.render(in: area, on: &surface)
        for y in 0..<7 {
          for x in 0..<9 where !area.contains(x: x, y: y) {
            #expect(surface[x, y] == .blank, "\(name) in \(area) drew at \(x),\(y)")
          }
        }
      }
    }
  }
}
