import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Cadences, metrics and people actions, through the reducer")
struct ScreenActionTests {
  @Test("enter on a metric takes this period's value and commits it as one period field")
  func metricValue() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["6"], &state)
    let metric = try #require(state.sortedMetrics.first)
    Fixtures.press(["<enter>"], &state)
    guard case .metricValue(let id)? = state.prompt?.purpose else {
      Issue.record("no metric prompt")
      return
    }
    #expect(id == metric.id)
    Fixtures.type("4x", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    Fixtures.press(["<backspace>"], &state)
    let effects = Fixtures.press(["<enter>"], &state)
    // The week of Wednesday 2026-11-25 starts on Monday the 23rd.
    #expect(
      effects == [.commit([.update(Metric.self, id: id, [.entry(\.values, "2026-11-23", 4.0)])])])
    #expect(state.data.metrics[id]?.values["2026-11-23"] == 4)
  }

  @Test("K skips the selected cadence's next occurrence with a skipped Review record")
  func skip() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["4"], &state)
    let cadence = try #require(state.sortedCadences.first)
    let next = try #require(state.summary.upcoming.first { $0.cadenceID == cadence.id })
    let effects = Fixtures.press(["K"], &state)
    let skipped = try #require(
      state.data.reviews.values.first {
        $0.cadence == cadence.id && $0.occurrence == next.occurrence
      })
    #expect(skipped.status == .skipped)
    #expect(effects == [.commit([.create(skipped)])])
    // The cadence's next review is now the one after.
    let after = try #require(state.summary.upcoming.first { $0.cadenceID == cadence.id })
    #expect(after.occurrence > next.occurrence)
  }

  @Test("K on an occurrence with a stored review marks that review, as `cadence skip` does")
  func skipStoredOccurrence() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["4"], &state)
    let cadence = try #require(state.sortedCadences.first)
    let next = try #require(state.summary.upcoming.first { $0.cadenceID == cadence.id })
    let stored = Review(id: "01storedreview", cadence: cadence.id, occurrence: next.occurrence)
    var stamper = MemoryStamper()
    _ = AppReducer.update(
      &state,
      .committed(
        stamper.operations(
          for: [.create(stored)], now: state.now, person: "maria", after: state.data.latestStamp)))
    let effects = Fixtures.press(["K"], &state)
    #expect(
      effects == [
        .commit([
          .update(Review.self, id: stored.id, [.set(\.status, .skipped), .set(\.movedTo, nil)])
        ])
      ])
    let reviews = state.data.reviews.values.filter {
      $0.cadence == cadence.id && $0.occurrence == next.occurrence
    }
    #expect(reviews.map(\.status) == [.skipped])
  }

  @Test("the calendar moves by month, or by quarter in quarter view")
  func calendar() {
    var state = Fixtures.demoState()
    Fixtures.press(["4", "]", "]"], &state)
    #expect(state.calendarOffset == 2)
    Fixtures.press(["Q", "["], &state)
    #expect(state.calendarShowsQuarter)
    #expect(state.calendarOffset == -3)
    assertSnapshotOfState(state, named: "cadences-quarter-120x40")
  }

  @Test("enter on the cockpit opens the selected review without starting it")
  func openReview() throws {
    var state = Fixtures.demoState()
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(effects.isEmpty)
    #expect(state.screen == .review)
    #expect(state.review?.phase == .preview)
    #expect(state.data.reviews[try #require(state.review?.reviewID)] == nil)
    // Capturing a step starts it: nothing said in a review is lost.
    Fixtures.press(["a"], &state)
    Fixtures.type("Call the venue @tom", &state)
    let capture = Fixtures.press(["<enter>"], &state)
    #expect(capture.count == 2)
    #expect(state.review?.phase == .running)
  }
}

@Suite("Adding and editing cadences from the cadences screen")
struct CadenceEditingTests {
  @Test("a adds a cadence from title | rule | agenda; the rule is stored as RRULE")
  func add() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["4", "a"], &state)
    Fixtures.type("Weekly ops review | weekly thu 16:00 | pipeline", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    let cadence = try #require(state.data.cadences.values.first { $0.title == "Weekly ops review" })
    #expect(cadence.rule == "FREQ=WEEKLY;BYDAY=TH")
    #expect(cadence.start == "2026-11-25T16:00:00")
    #expect(cadence.agenda == AgendaTemplate.pipeline.sections)
    #expect(cadence.durationMinutes == 45)
    #expect(cadence.facilitator == "maria")
    #expect(effects == [.commit([.create(cadence)])])
    // It is scheduled at once: Thursday 26 November, 16:00.
    let next = try #require(state.summary.upcoming.first { $0.cadenceID == cadence.id })
    #expect(next.occurrence == ISOInstant.parse("2026-11-26T16:00:00Z"))
  }

  @Test("e edits the selected cadence; only what changed is committed")
  func edit() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["4"], &state)
    let cadence = try #require(state.sortedCadences.first)
    Fixtures.press(["e"], &state)
    let text = try #require(state.prompt?.field.value)
    #expect(text.hasPrefix(cadence.title + " | " + cadence.rule + " | "))
    Fixtures.press(["<home>"], &state)
    Fixtures.type("New ", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(
      effects == [
        .commit([.update(Cadence.self, id: cadence.id, [.set(\.title, "New " + cadence.title)])])
      ])
  }

  @Test("a rule that cannot be read keeps the line open with the engine's advice")
  func badRule() {
    var state = Fixtures.demoState()
    Fixtures.press(["4", "a"], &state)
    Fixtures.type("Ops | every blue moon", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    #expect(state.prompt?.error?.isEmpty == false)
  }
}
