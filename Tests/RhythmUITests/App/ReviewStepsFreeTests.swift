import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's last-steps and free sections, and notes of several lines")
struct ReviewStepsFreeTests {
  /// The first upcoming review (Weekly content review) started, `sections` sections on.
  private func content(_ sections: Int) -> AppState {
    var state = Fixtures.demoState()
    Fixtures.press(["r"] + Array(repeating: "n", count: sections), &state)
    return state
  }

  @Test("a note written in $EDITOR shows on one line, its lines joined by ' / '")
  func multilineNote() throws {
    var state = content(0)
    let session = try #require(state.review)
    Fixtures.send(
      .editorClosed(
        .note(reviewID: session.reviewID),
        .saved("Calendar slips a week\n\nask Kenji about the launch  \n")), &state)
    let note = try #require(state.data.notes.values.first { $0.review == session.reviewID })
    #expect(note.text.contains("\n"))
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("note      Calendar slips a week / ask Kenji about the launch"))
  }

  @Test("a section with no view of its own (free) on screen, wide and narrow")
  func freeScreen() throws {
    var state = content(0)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .free)
    Fixtures.press(["a"], &state)
    Fixtures.type("Move the webinar post to Friday @chloe due:fri", &state)
    Fixtures.press(["<enter>"], &state)
    Fixtures.send(
      .editorClosed(
        .note(reviewID: session.reviewID),
        .saved("Calendar slips a week\nask Kenji about the launch date before we announce it\n")),
      &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(4 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-free-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-free-80x24")
  }

  @Test("the last-steps section on screen, wide and narrow")
  func stepsScreen() throws {
    var state = content(2)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .steps)
    try #require(!state.checkinSteps(for: session).isEmpty)
    Fixtures.press(["x", "<space>"], &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(2 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-steps-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-steps-80x24")
  }
}
