import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Review sections whose own view is not in the cockpit yet")
struct ReviewPlaceholderTests {
  @Test("the audit and decision-rights sections say where they are kept, and show no check-in")
  func placeholders() throws {
    var state = Fixtures.demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Quarterly strategy reset" })
    Fixtures.send(.openReview(cadenceID: cadence.id, start: true), &state)
    Fixtures.press(["n"], &state)
    var session = try #require(state.review)
    #expect(state.sectionKind(of: session) == .audit)
    var text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Collaboration audit: answers are kept with rhythm audit"))
    #expect(!text.contains("Check-in: last time's steps"))
    #expect(Fixtures.press(["x"], &state).isEmpty)
    Fixtures.press(["n", "n"], &state)
    session = try #require(state.review)
    #expect(state.sectionKind(of: session) == .decisionRights)
    text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Decision rights: kept with rhythm right"))
  }
}
