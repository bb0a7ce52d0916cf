import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Triage stays fast at 50,000 steps")
struct TriagePerformanceTests {
  /// The demo organisation plus 50,000 generated steps, about 3,000 of them open.
  static let bigData: StoreState = {
    var data = Fixtures.demoData
    var random = SplitMix64(seed: 2026)
    var ids = RecordIDGenerator(seed: 99)
    let owners = data.people.keys.sorted()
    let verbs = ["Draft", "Review", "Send", "Plan", "Update", "Call", "Fix", "Write", "Book"]
    let things = [
      "the pricing page", "the board deck", "renewal terms", "the webinar", "CRM fields",
      "the partner brief", "event budget", "the SDR playbook", "case study", "launch email",
    ]
    let today = Day(containing: Fixtures.now, in: Fixtures.utc)
    for index in 0..<50_000 {
      let created = Fixtures.now.addingTimeInterval(-Double(index) * 600)
      let due = today.adding(days: Int(random.next() % 400) - 360)
      var step = Step(
        id: ids.next(at: created),
        title: "\(verbs[index % verbs.count]) \(things[(index / 9) % things.count]) \(index)",
        owner: owners[Int(random.next() % UInt64(owners.count))], due: due, createdAt: created,
        tags: index % 7 == 0 ? ["crm"] : [])
      if random.next() % 100 >= 6 {
        step.status = .done
        step.completedAt = due.start(in: Fixtures.utc)
      }
      data.steps[step.id] = step
    }
    return data
  }()

  private static func milliseconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
  }

  @Test("moving the selection and typing a filter character stay within budget")
  func budgets() {
    var state = AppState(
      data: Self.bigData, now: Fixtures.now, timeZone: Fixtures.utc,
      size: Size(width: 120, height: 40), person: "maria")
    _ = AppReducer.update(&state, .showScreen(.steps))
    #expect(state.steps.rows.count > 50_000)

    // Moving the selection and drawing the frame: the median of 50 moves.
    var moves: [Double] = []
    for _ in 0..<50 {
      moves.append(
        Self.milliseconds {
          _ = AppReducer.update(&state, .moveDown)
          _ = Screen.render(state)
        })
    }
    // Typing a filter, one character at a time, each followed by a frame.
    _ = AppReducer.update(&state, .filter)
    var typing: [Double] = []
    for character in "@sam due<fri review" {
      typing.append(
        Self.milliseconds {
          _ = AppReducer.update(&state, .key(.character(character)))
          _ = Screen.render(state)
        })
    }
    let moveMedian = moves.sorted()[moves.count / 2]
    let typingMedian = typing.sorted()[typing.count / 2]
    print(
      "triage at 50k: move+frame median \(moveMedian) ms, filter character+frame median "
        + "\(typingMedian) ms, worst \(typing.max() ?? 0) ms")
    // The budgets (2 ms to move, 10 ms per filter character) hold for release builds, measured
    // here on a quiet machine at about 0.6 ms and 4 ms. Debug builds are several times slower
    // and this machine is shared, so a debug run checks medians against ten times the budget:
    // enough to catch work that grows with the number of steps per frame, without flaking.
    #if DEBUG
    let slack = 10.0
    #else
    let slack = 1.0
    #endif
    #expect(moveMedian < 2 * slack)
    #expect(typingMedian < 10 * slack)
  }
}
