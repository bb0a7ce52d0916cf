import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's headlines section, through the reducer")
struct ReviewHeadlinesTests {
  /// The Weekly marketing leadership review started, on its Headlines section.
  private func onHeadlines() throws -> AppState {
    var state = Fixtures.demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Weekly marketing leadership review" })
    Fixtures.send(.openReview(cadenceID: cadence.id, start: true), &state)
    Fixtures.press(["n", "n", "n"], &state)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .headlines)
    return state
  }

  @discardableResult
  private func tell(_ text: String, _ state: inout AppState) -> [Effect] {
    Fixtures.press(["H"], &state)
    Fixtures.type(text, &state)
    return Fixtures.press(["<enter>"], &state)
  }

  @Test("H tells a headline in this review; - first makes it bad news")
  func tellHeadlines() throws {
    var state = try onHeadlines()
    let effects = tell("Acme renewed for two years", &state)
    #expect(effects.count == 1)
    let session = try #require(state.review)
    tell("-Lost the Globex pilot", &state)
    let headlines = state.reviewHeadlines(for: session)
    #expect(headlines.map(\.text) == ["Acme renewed for two years", "Lost the Globex pilot"])
    #expect(headlines.map(\.tone) == [.good, .bad])
    #expect(headlines.allSatisfy { $0.by == "maria" && $0.createdAt == Fixtures.now })
    let text = Screen.render(state).lines.joined(separator: "\n")
    let line = try #require(
      text.split(separator: "\n").first { $0.contains("Lost the Globex pilot") })
    #expect(line.contains("−") && line.contains("@maria"))
  }

  @Test("an empty headline is not told; before the review starts H asks to start it")
  func refused() throws {
    var state = try onHeadlines()
    let before = state.data.headlines
    #expect(tell("", &state).isEmpty)
    #expect(state.data.headlines == before)
    var preview = Fixtures.demoState()
    Fixtures.press(["2"], &preview)
    let cadence = try #require(state.review?.cadenceID)
    Fixtures.send(.openReview(cadenceID: cadence, start: false), &preview)
    Fixtures.press(["H"], &preview)
    #expect(preview.prompt == nil)
    #expect(preview.message?.isError == true)
    #expect(!AppReducer.isAvailable(.recordHeadline, in: preview))
  }

  @Test("the headlines section on screen, wide and narrow")
  func headlinesScreen() throws {
    var state = try onHeadlines()
    tell("Acme renewed for two years", &state)
    tell("-Lost the Globex pilot", &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(2 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-headlines-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-headlines-80x24")
  }
}
