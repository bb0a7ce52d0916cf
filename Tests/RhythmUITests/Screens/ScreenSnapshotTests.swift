import Foundation
import RhythmCore
import RhythmTestSupport
import Testing

@testable import RhythmUI

@Suite("Screen snapshots on the demo organisation")
struct ScreenSnapshotTests {
  static let sizes = [(120, 40), (80, 24)]

  @Test("every screen renders at 120x40 and 80x24", arguments: ScreenID.allCases)
  func screen(_ screen: ScreenID) {
    for (width, height) in Self.sizes {
      var state = Fixtures.demoState(width: width, height: height)
      _ = AppReducer.update(&state, .showScreen(screen))
      let surface = Screen.render(state)
      assertSnapshot(surface, named: "\(screen.title.lowercased())-\(width)x\(height)")
    }
  }

  @Test("a terminal smaller than 80x24 shows a centred message")
  func tooSmall() {
    let state = Fixtures.demoState(width: 40, height: 10)
    let surface = Screen.render(state)
    assertSnapshot(surface, named: "too-small-40x10")
    #expect(surface.lines.contains { $0.contains("Rhythm needs at least 80x24") })
    #expect(surface.lines.contains { $0.contains("this terminal is 40x10") })
  }

  @Test("the monochrome theme (NO_COLOR) draws with attributes only")
  func monochrome() {
    var state = Fixtures.demoState(width: 80, height: 24)
    state.theme = .monochrome
    let surface = Screen.render(state)
    assertSnapshot(surface, named: "cockpit-monochrome-80x24")
    #expect(
      surface.cells.allSatisfy {
        $0.style.foreground == .default && $0.style.background == .default
      })
  }

  @Test("the help overlay lists the screen's bindings from the keymap")
  func help() {
    var state = Fixtures.demoState()
    _ = AppReducer.update(&state, .showScreen(.steps))
    Fixtures.press(["?"], &state)
    let surface = Screen.render(state)
    assertSnapshot(surface, named: "help-steps-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshot(Screen.render(state), named: "help-steps-80x24")
    // What does not fit scrolls with j; any other key closes the help.
    #expect(!Screen.render(state).lines.joined().contains("Quit"))
    Fixtures.press(Array(repeating: "j", count: 30), &state)
    #expect(state.isHelpShown)
    #expect(Screen.render(state).lines.joined().contains("Quit"))
    Fixtures.press(["x"], &state)
    #expect(!state.isHelpShown)
    let text = surface.lines.joined(separator: "\n")
    for binding in state.keyMap.bindings(in: .steps) {
      #expect(text.contains(binding.description), "help misses \(binding.id)")
    }
  }
}
