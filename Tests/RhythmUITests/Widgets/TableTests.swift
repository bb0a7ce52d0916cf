import RhythmUI
import Testing

@Suite("Table")
struct TableTests {
  private let columns = [
    Table.Column("Step", width: .fill(1)),
    Table.Column("Owner", width: .length(5)),
    Table.Column("Due", width: .length(3), alignment: .right),
  ]

  @Test func headerRowsAndAlignment() {
    var surface = Surface(size: Size(width: 20, height: 3))
    let table = Table(
      columns: columns, rows: [["Ship 中文 notes", "ana", "2d"], ["Fix", "bob", "10d"]],
      state: ListState(selection: 1))
    table.render(in: surface.bounds, on: &surface)
    #expect(
      surface.lines == [
        "Step       Owner Due",
        "Ship 中文… ana    2d",
        "Fix        bob   10d",
      ])
    #expect(surface[0, 0].style == Style.plain.bold())
    #expect(surface[0, 2].style == Style.plain.reversed())
    #expect(surface[0, 1].style == .plain)
  }

  @Test func scrollsBodyUnderTheHeader() {
    var surface = Surface(size: Size(width: 12, height: 3))
    let rows = (1...6).map { ["row \($0)", "p\($0)", "1"] }
    let table = Table(columns: columns, rows: rows, state: ListState(selection: 4))
    #expect(table.bodyHeight(in: surface.bounds) == 2)
    table.render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["S… Owner Due", "r… p4      1", "r… p5      1"])
    #expect(surface[0, 2].style == Style.plain.reversed())
  }
}
