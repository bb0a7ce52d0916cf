import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// Golden screens of setting up: the forms' input lines, the one-key offer of an unknown
/// @handle, the priorities view, and the empty People and Metrics screens.
@Suite("Setting up, on screen")
struct SetupSnapshotTests {
  static let sizes = [(120, 40), (80, 24)]

  private func empty(width: Int, height: Int) -> AppState {
    AppState(
      data: StoreState(), now: Fixtures.now, timeZone: Fixtures.utc,
      size: Size(width: width, height: height), person: "tester")
  }

  @Test("the empty People screen, and its add form half typed")
  func people() {
    for (width, height) in Self.sizes {
      var state = empty(width: width, height: height)
      Fixtures.press(["5"], &state)
      assertSnapshotOfState(state, named: "people-empty-\(width)x\(height)")
      Fixtures.press(["a"], &state)
      assertSnapshotOfState(state, named: "people-add-\(width)x\(height)")
      Fixtures.type("maria | Maria Lopez | mark", &state)
      assertSnapshotOfState(state, named: "people-add-typed-\(width)x\(height)")
    }
  }

  @Test("the empty scorecard and priorities, and the metric form")
  func metrics() {
    for (width, height) in Self.sizes {
      var state = empty(width: width, height: height)
      Fixtures.press(["6"], &state)
      assertSnapshotOfState(state, named: "metrics-empty-\(width)x\(height)")
      Fixtures.press(["a"], &state)
      assertSnapshotOfState(state, named: "metric-add-\(width)x\(height)")
      Fixtures.press(["<esc>", "P"], &state)
      assertSnapshotOfState(state, named: "priorities-empty-\(width)x\(height)")
    }
  }

  @Test("the demo's priorities view, and a priority's edit form")
  func priorities() {
    for (width, height) in Self.sizes {
      var state = Fixtures.demoState(width: width, height: height)
      Fixtures.press(["6", "P", "j"], &state)
      assertSnapshotOfState(state, named: "priorities-\(width)x\(height)")
      Fixtures.press(["e"], &state)
      assertSnapshotOfState(state, named: "priority-edit-\(width)x\(height)")
    }
  }

  @Test("an unknown @handle in a capture: the one-key offer")
  func offer() {
    for (width, height) in Self.sizes {
      var state = Fixtures.demoState(width: width, height: height)
      Fixtures.press(["r", "a"], &state)
      Fixtures.type("Call the venue @newbie due:fri", &state)
      Fixtures.press(["<enter>"], &state)
      assertSnapshotOfState(state, named: "unknown-handle-\(width)x\(height)")
    }
  }

  @Test("tab on @ma: maria put in, the other matches listed")
  func completion() {
    for (width, height) in Self.sizes {
      var state = Fixtures.demoState(width: width, height: height)
      Fixtures.press(["3", "a"], &state)
      Fixtures.type("Call the venue @ma", &state)
      Fixtures.press(["<tab>"], &state)
      assertSnapshotOfState(state, named: "completion-\(width)x\(height)")
    }
  }
}
