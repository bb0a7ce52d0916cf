import RhythmUI
import Testing

@Suite("Block")
struct BlockTests {
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
}
