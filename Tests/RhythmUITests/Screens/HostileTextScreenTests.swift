import Foundation
import RhythmCore
import RhythmTestSupport
import Testing

@testable import RhythmUI

/// The cockpit draws store text inert: a control character never reaches a cell, so the
/// terminal never receives it; wide and zero-width characters keep their columns.
@Suite("Hostile text on screen")
struct HostileTextScreenTests {
  /// Maria, a person whose name is an OSC title payload, and one open step per payload (the
  /// first owned by that person), due one day apart from today.
  private static func state() -> AppState {
    var data = StoreState()
    data.people["maria"] = Person(handle: "maria", name: "Maria Lopez")
    data.people["mallory"] = Person(handle: "mallory", name: "Mallory \u{1B}]0;pwned\u{07}")
    let today = Day(containing: Fixtures.now, in: Fixtures.utc)
    for (index, payload) in HostileText.payloads.enumerated() {
      let id = String(format: "01m88yxtm0hostilestep%05d", index)
      data.steps[id] = Step(
        id: id, title: payload.text, owner: index == 0 ? "mallory" : "maria",
        due: today.adding(days: index), success: payload.text, createdAt: Fixtures.now,
        tags: ["x"])
    }
    return AppState(
      data: data, now: Fixtures.now, timeZone: Fixtures.utc, size: Size(width: 120, height: 40),
      person: "maria", ids: RecordIDGenerator(seed: 42))
  }

  @Test("the steps list and the detail of a step titled with escape sequences")
  func stepsDetail() {
    var state = Self.state()
    Fixtures.press(["3", "<enter>"], &state)
    _ = AppReducer.update(
      &state, .historyLoaded(stepID: state.steps.selectedStep?.id ?? "", entries: []))
    let surface = Screen.render(state)
    assertSnapshot(surface, named: "steps-detail-hostile-120x40")
    expectNoControls(surface)
    #expect(surface.lines.joined().contains("title ]0;pwned end"))
  }

  @Test("no screen puts a control character in a cell", arguments: ScreenID.allCases)
  func everyScreen(_ screen: ScreenID) {
    for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
      var state = Self.state()
      state.size = size
      _ = AppReducer.update(&state, .showScreen(screen))
      expectNoControls(Screen.render(state))
      Fixtures.press(["<enter>"], &state)
      expectNoControls(Screen.render(state))
    }
  }

  private func expectNoControls(
    _ surface: Surface, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let raw = surface.cells.flatMap { HostileText.rawControls(in: $0.text) }
    #expect(
      raw.isEmpty, "raw in cells: \(raw.map { String($0.value, radix: 16) })",
      sourceLocation: sourceLocation)
  }
}
