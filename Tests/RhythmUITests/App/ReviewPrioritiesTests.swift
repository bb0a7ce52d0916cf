import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's priorities section, through the reducer")
struct ReviewPrioritiesTests {
  @Test("the section lists this quarter's priorities of the participants, not the check-in")
  func shown() throws {
    let state = try Fixtures.onPriorities()
    let session = try #require(state.review)
    let priorities = state.reviewPriorities(for: session)
    #expect(!priorities.isEmpty)
    let owners = state.participants(of: session)
    #expect(priorities.allSatisfy { owners.contains($0.owner) && $0.quarter == "2026-Q4" })
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Priorities 2026-Q4"))
    #expect(text.contains(String(priorities[0].title.prefix(15))))
    #expect(!text.contains("Check-in: last time's steps"))
  }

  @Test("f, o and d set the selected priority off track, on track and done, one key each")
  func status() throws {
    var state = try Fixtures.onPriorities()
    let session = try #require(state.review)
    let priorities = state.reviewPriorities(for: session)
    let index = try #require(priorities.firstIndex { $0.status == .onTrack })
    Fixtures.press(Array(repeating: "j", count: index), &state)
    #expect(state.review?.prioritySelection == index)
    let id = priorities[index].id
    let effects = Fixtures.press(["f"], &state)
    #expect(
      effects == [.commit([.update(Priority.self, id: id, [.set(\.status, .offTrack)])])])
    #expect(state.data.priorities[id]?.status == .offTrack)
    // Pressing it again changes nothing.
    #expect(Fixtures.press(["f"], &state).isEmpty)
    Fixtures.press(["o"], &state)
    #expect(state.data.priorities[id]?.status == .onTrack)
    Fixtures.press(["d"], &state)
    #expect(state.data.priorities[id]?.status == .done)
    #expect(state.review?.prioritySelection == index)
  }

  @Test("the status keys do nothing on other sections")
  func onlyOnPriorities() throws {
    var state = try Fixtures.onPriorities()
    Fixtures.press(["n"], &state)
    let before = state.data.priorities
    #expect(Fixtures.press(["o", "f", "d"], &state).isEmpty)
    #expect(state.data.priorities == before)
    #expect(!AppReducer.isAvailable(.priorityStatus(.done), in: state))
  }

  @Test("the priorities section on screen, wide and narrow")
  func prioritiesScreen() throws {
    var state = try Fixtures.onPriorities()
    Fixtures.press(["j", "f"], &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(11 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-priorities-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-priorities-80x24")
  }
}
