import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's scorecard section, through the reducer")
struct ReviewScorecardTests {
  /// The Weekly pipeline review started, on its first section (Funnel numbers, a scorecard).
  private func onScorecard() throws -> AppState {
    var state = Fixtures.demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Weekly pipeline review" })
    Fixtures.send(.openReview(cadenceID: cadence.id, start: true), &state)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .scorecard)
    return state
  }

  @Test("the scorecard lists the participants' metrics with this period's value and light")
  func shown() throws {
    let state = try onScorecard()
    let session = try #require(state.review)
    let cadence = try #require(state.data.cadences[session.cadenceID])
    let metrics = state.scorecardMetrics(for: session)
    #expect(!metrics.isEmpty)
    #expect(metrics.allSatisfy { cadence.participants.contains($0.owner) })
    #expect(metrics.count < state.sortedMetrics.count)
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Scorecard: this period vs target"))
    #expect(text.contains(String(metrics[0].name.prefix(12))))
    #expect(!text.contains("Check-in: last time's steps"))
  }

  @Test("j moves the metric selection; enter asks for its value; the value is committed")
  func enterValue() throws {
    var state = try onScorecard()
    let session = try #require(state.review)
    let metrics = state.scorecardMetrics(for: session)
    try #require(metrics.count >= 2)
    Fixtures.press(["j"], &state)
    #expect(state.review?.metricSelection == 1)
    #expect(state.review?.checkinSelection == 0)
    let metric = metrics[1]
    Fixtures.press(["<enter>"], &state)
    #expect(state.prompt?.purpose == .metricValue(metricID: metric.id))
    // The prompt holds this period's value when there is one: typed over here.
    state.prompt?.field = TextField(value: "")
    Fixtures.type("42", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(effects.count == 1)
    let period = metric.periodStart(containing: state.today)
    #expect(state.data.metrics[metric.id]?.values[period.description] == 42)
    #expect(state.review?.metricSelection == 1)
  }

  @Test("enter and the check-in keys do nothing on other sections' views")
  func onlyOnScorecard() throws {
    var state = try onScorecard()
    #expect(Fixtures.press(["x", "<space>"], &state).isEmpty)
    #expect(!AppReducer.isAvailable(.checkinDone, in: state))
    #expect(AppReducer.isAvailable(.open, in: state))
    Fixtures.press(["n"], &state)
    #expect(!AppReducer.isAvailable(.open, in: state))
    Fixtures.press(["<enter>"], &state)
    #expect(state.prompt == nil)
  }

  @Test("the scorecard section on screen, wide and narrow")
  func scorecardScreen() throws {
    var state = try onScorecard()
    // Two values entered this period: the lights show how they stand.
    for value in ["150", "400"] {
      Fixtures.press(["j", "<enter>"], &state)
      state.prompt?.field = TextField(value: "")
      Fixtures.type(value, &state)
      Fixtures.press(["<enter>"], &state)
    }
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(3 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-scorecard-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-scorecard-80x24")
  }
}
