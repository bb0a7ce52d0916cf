import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// The screens and the reducer work from one layout: what a page moves is what the screen
/// shows, and the offset the reducer keeps is the first row drawn.
@Suite("The layout the screens and the reducer share")
struct ScreenLayoutTests {
  /// The Steps screen of the demo organisation at 80x24 (24 open steps, more than fit).
  private func onSteps() -> AppState {
    var state = Fixtures.demoState(width: 80, height: 24)
    Fixtures.press(["3"], &state)
    return state
  }

  /// The short ids drawn in the steps table's rows, top to bottom.
  private func drawnIDs(_ state: AppState) -> [String] {
    let table = StepsLayout(state, in: ScreenLayout(state).body).table
    let lines = Screen.render(state).lines
    return (table.y + 1..<table.maxY).compactMap { y in
      let id = lines[y].dropFirst(table.x + 3).prefix(6).trimmingCharacters(in: .whitespaces)
      return id.isEmpty ? nil : id
    }
  }

  private func shortID(_ state: AppState, row index: Int) -> String {
    state.shortID(state.steps.facts(atRow: state.steps.visible[index]).id)
  }

  @Test("the Steps table has as many rows as the reducer's page, and the input line takes one")
  func stepsRowsMatchThePage() {
    var state = onSteps()
    let rows = AppReducer.visibleRows(state)
    #expect(rows == 24 - 5, "tab bar, panel border, header, status bar")
    #expect(state.steps.visible.count > rows)
    #expect(drawnIDs(state).count == rows)
    Fixtures.press(["/"], &state)
    #expect(AppReducer.visibleRows(state) == rows - 1)
    #expect(drawnIDs(state).count == rows - 1)
  }

  @Test("page down moves a page; the offset in the state is the first row drawn")
  func pageDownScrolls() throws {
    var state = onSteps()
    let rows = AppReducer.visibleRows(state)
    Fixtures.press(["<pgdn>"], &state)
    let selection = try #require(state.steps.table.selection)
    #expect(selection == rows)
    #expect(state.steps.table.offset == 1)
    var ids = drawnIDs(state)
    #expect(ids.first == shortID(state, row: 1))
    #expect(ids.last == shortID(state, row: selection), "the selection is the last row drawn")
    // Moving up inside the window does not scroll it.
    Fixtures.press(["k", "k"], &state)
    #expect(state.steps.table.offset == 1)
    #expect(drawnIDs(state) == ids)
    Fixtures.press(["<pgup>"], &state)
    #expect((state.steps.table.selection, state.steps.table.offset) == (0, 0))
    ids = drawnIDs(state)
    #expect(ids.first == shortID(state, row: 0))
  }

  @Test("the home screen's steps panel scrolls to the selection with its offset in the state")
  func cockpitStepsScroll() throws {
    var state = Fixtures.demoState(width: 80, height: 24)
    let layout = CockpitLayout(state, in: ScreenLayout(state).body)
    let rows = AppReducer.visibleRows(state)
    #expect(rows == ScreenLayout.panelInner(layout.steps).height)
    #expect(state.cockpitSteps.count > rows)
    Fixtures.press(["G"], &state)
    #expect(state.cockpit.offset == state.cockpitSteps.count - rows)
    let last = ScreenLayout.panelInner(layout.steps)
    let surface = Screen.render(state)
    let title = try #require(state.cockpitSteps.last?.title)
    #expect(surface.lines[last.maxY - 1].contains(String(title.prefix(12))))
    #expect(surface[last.x + 2, last.maxY - 1].style == state.theme[.selection])
  }

  @Test("the help overlay pages by the lines it shows")
  func helpPages() {
    var state = onSteps()
    Fixtures.press(["?", "<pgdn>"], &state)
    #expect(state.helpScroll == ScreenLayout(state).helpRows)
  }
}
