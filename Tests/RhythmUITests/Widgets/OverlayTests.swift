import RhythmUI
import Testing

@Suite("Modal, StatusBar and HelpOverlay")
struct OverlayTests {
  @Test func modalClearsItsAreaAndCentres() {
    var surface = Surface(size: Size(width: 10, height: 5))
    for row in 0..<5 { surface.put("xxxxxxxxxx", x: 0, y: row) }
    let modal = Modal(size: Size(width: 6, height: 3), title: "Hi")
    modal.render(in: surface.bounds, on: &surface)
    #expect(
      surface.lines == ["xxxxxxxxxx", "xx┌Hi──┐xx", "xx│    │xx", "xx└────┘xx", "xxxxxxxxxx"])
    #expect(modal.contentArea(in: surface.bounds) == Rect(x: 4, y: 2, width: 2, height: 1))
  }

  @Test func statusBarPlacesTextsAndHints() {
    var surface = Surface(size: Size(width: 30, height: 1))
    StatusBar(
      left: "Cockpit", right: "09:00",
      hints: [KeyHint(keys: "?", description: "help"), KeyHint(keys: "q", description: "quit")]
    ).render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["Cockpit  ? help  q quit  09:00"])
    #expect(surface[9, 0].style == Style.plain.bold())
    #expect(surface[10, 0].style == .plain)
  }

  @Test func statusBarDropsHintsThatDoNotFit() {
    var surface = Surface(size: Size(width: 20, height: 1))
    StatusBar(
      left: "Cockpit", right: "09:00",
      hints: [KeyHint(keys: "?", description: "help"), KeyHint(keys: "q", description: "quit")]
    ).render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["Cockpit        09:00"])
  }

  @Test func helpOverlayListsSectionsInColumns() {
    var surface = Surface(size: Size(width: 40, height: 8))
    let help = HelpOverlay(sections: [
      .init(
        "Move", [KeyHint(keys: "j", description: "down"), KeyHint(keys: "k", description: "up")]),
      .init("Do", [KeyHint(keys: "<enter>", description: "open")]),
    ])
    help.render(in: surface.bounds, on: &surface)
    #expect(
      surface.lines == [
        "                                        ",
        "   ┌Help───────────────────────────┐    ",
        "   │ Move            Do            │    ",
        "   │ j        down   <enter>  open │    ",
        "   │ k        up                   │    ",
        "   └───────────────────────────────┘    ",
        "                                        ",
        "                                        ",
      ])
  }
}
