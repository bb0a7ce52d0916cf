import RhythmUI
import Testing

@Suite("Block and ListView")
struct BlockAndListTests {
  @Test func blockDrawsBorderAndTitle() {
    var surface = Surface(size: Size(width: 11, height: 3))
    let block = Block(title: "Reviews")
    block.render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["┌Reviews──┐", "│         │", "└─────────┘"])
    #expect(block.inner(surface.bounds) == Rect(x: 1, y: 1, width: 9, height: 1))
  }

  @Test func blockTruncatesALongTitle() {
    var surface = Surface(size: Size(width: 8, height: 2))
    Block(title: "Quarterly planning", border: .rounded).render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["╭Quart…╮", "╰──────╯"])
  }

  @Test func listInsideABlockMarksTheSelection() {
    var surface = Surface(size: Size(width: 11, height: 4))
    Block(title: "Reviews").render(in: surface.bounds, on: &surface)
    let list = ListView(
      items: ["Weekly", "Monthly 中文"], state: ListState(selection: 0),
      selectedStyle: Style(foreground: .yellow))
    list.render(in: surface.bounds.inset(by: 1), on: &surface)
    #expect(surface.lines == ["┌Reviews──┐", "│> Weekly │", "│  Monthl…│", "└─────────┘"])
    #expect(surface[3, 1].style.foreground == .yellow)
    #expect(surface[3, 2].style == .plain)
  }

  @Test func listScrollsToKeepTheSelectionVisible() {
    var surface = Surface(size: Size(width: 5, height: 2))
    let items: [ListView.Item] = ["a", "b", "c", "d", "e"]
    ListView(items: items, state: ListState(selection: 3)).render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["  c  ", "> d  "])
    var state = ListState(selection: 1, offset: 3)
    #expect(state.visibleOffset(height: 2, count: 5) == 1)
    state.move(by: 10, count: 5)
    #expect(state.selection == 4)
    state.scrollToSelection(height: 2, count: 5)
    #expect(state.offset == 3)
  }
}
