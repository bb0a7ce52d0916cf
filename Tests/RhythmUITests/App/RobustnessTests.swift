import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Every key on every screen, with and without data")
struct RobustnessTests {
  /// Every key the keymap binds, plus some text keys.
  private static let keys: [String] =
    Array(Set(KeyMap.defaults.bindings.flatMap(\.keys))).sorted() + ["z", "<left>", "<f5>"]

  @Test("no key on any screen traps, and every frame renders at both sizes")
  func everyKeyEverywhere() {
    let empty = AppState(
      data: StoreState(), now: Fixtures.now, timeZone: Fixtures.utc, person: "maria")
    for start in [Fixtures.demoState(), empty] {
      for screen in ScreenID.allCases {
        for key in Self.keys {
          var state = start
          _ = Fixtures.send(.showScreen(screen), &state)
          Fixtures.press([key, "x", "<enter>", key], &state)
          _ = Screen.render(state)
          state.size = Size(width: 80, height: 24)
          _ = Screen.render(state)
        }
      }
    }
  }

  @Test("the empty store shows helpful words, not broken panels")
  func emptyStore() {
    var state = AppState(
      data: StoreState(), now: Fixtures.now, timeZone: Fixtures.utc,
      size: Size(width: 80, height: 24), person: "maria")
    assertSnapshotOfState(state, named: "cockpit-empty-80x24")
    Fixtures.press(["3"], &state)
    #expect(Screen.render(state).lines.joined().contains("No steps yet"))
  }
}
