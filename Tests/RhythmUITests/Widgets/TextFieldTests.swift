import RhythmUI
import Testing

@Suite("TextField")
struct TextFieldTests {
  private func type(_ keys: String..., into field: inout TextField) {
    for key in keys {
      if let event = KeyEvent(canonical: key) { field.handle(event) }
    }
  }

  @Test func insertsAndMovesTheCursor() {
    var field = TextField()
    type("a", "中", "c", "<left>", "<left>", "é", into: &field)
    #expect(field.value == "aé中c")
    #expect(field.cursor == 2)
    type("<home>", "x", "<end>", "y", into: &field)
    #expect(field.value == "xaé中cy")
    #expect(field.cursor == 6)
  }

  @Test func deletingKeys() {
    var field = TextField(value: "plan the week", cursor: 8)
    type("<backspace>", into: &field)
    #expect(field.value == "plan th week" && field.cursor == 7)
    type("<delete>", into: &field)
    #expect(field.value == "plan thweek")
    type("ctrl+w", into: &field)
    #expect(field.value == "plan week" && field.cursor == 5)
    type("ctrl+k", into: &field)
    #expect(field.value == "plan ")
    type("ctrl+a", "<right>", "ctrl+u", into: &field)
    #expect(field.value == "lan " && field.cursor == 0)
    type("ctrl+e", into: &field)
    #expect(field.cursor == 4)
  }

  @Test func combiningMarkMergesWithThePreviousCharacter() {
    var field = TextField(value: "e")
    let handled = field.handle(.character("\u{301}"))
    #expect(handled)
    #expect(field.value == "é" && field.cursor == 1)
  }

  @Test func nonEditingKeysAreNotHandled() {
    var field = TextField(value: "x")
    let results = [KeyEvent(.enter), KeyEvent(.escape), .ctrl("q")].map { field.handle($0) }
    #expect(results == [false, false, false])
    #expect(field.value == "x")
  }

  @Test func rendersWithHorizontalScrollKeepingTheCursorVisible() {
    var surface = Surface(size: Size(width: 6, height: 1))
    let field = TextField(value: "abc中defg")
    field.render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["defg  "])
    #expect(surface[4, 0].style == Style.plain.reversed())
    #expect(surface[3, 0].style == .plain)

    var start = Surface(size: Size(width: 6, height: 1))
    TextField(value: "abc中defg", cursor: 3).render(in: start.bounds, on: &start)
    #expect(start.lines == ["abc中d"])
    #expect(start[3, 0].style == Style.plain.reversed() && start[4, 0].isContinuation)
  }

  @Test func rendersThePlaceholderWhenEmpty() {
    var surface = Surface(size: Size(width: 8, height: 1))
    TextField().render(in: surface.bounds, on: &surface, placeholder: "Search")
    #expect(surface.lines == ["Search  "])
    #expect(surface[0, 0].style == Style.plain.reversed())
    #expect(surface[1, 0].style == Style.plain.dim())
  }
}
