import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review, through the reducer")
struct ReviewFlowTests {
  /// Starts the first upcoming review (Weekly content review) from the cockpit.
  private func started() -> AppState {
    var state = Fixtures.demoState()
    Fixtures.press(["r"], &state)
    return state
  }

  @Test("r on the cockpit starts the next review: one live Review record, committed")
  func start() throws {
    var state = Fixtures.demoState()
    let effects = Fixtures.press(["r"], &state)
    let session = try #require(state.review)
    #expect(state.screen == .review)
    #expect(session.phase == .running)
    let review = try #require(state.data.reviews[session.reviewID])
    #expect(review.status == .live)
    #expect(review.startedAt == Fixtures.now)
    #expect(review.cadence == session.cadenceID)
    #expect(effects == [.commit([.create(review)])])
  }

  @Test("openReview opens a named cadence's next review, and starts it when asked")
  func openByCadence() throws {
    var state = Fixtures.demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Weekly pipeline review" })
    #expect(Fixtures.send(.openReview(cadenceID: cadence.id, start: false), &state).isEmpty)
    #expect(state.screen == .review)
    #expect(state.review?.cadenceID == cadence.id)
    #expect(state.review?.phase == .preview)
    let effects = Fixtures.send(.openReview(cadenceID: cadence.id, start: true), &state)
    #expect(effects.count == 1)
    #expect(state.review?.phase == .running)
  }

  @Test("x says done, space says not done, each one key; space again flips the answer")
  func checkin() throws {
    var state = started()
    // The check-in is worked in Last steps.
    Fixtures.press(["n", "n"], &state)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .steps)
    let steps = state.checkinSteps(for: session)
    let index = try #require(steps.firstIndex { $0.status == .open })
    try #require(index + 1 < steps.count)
    let first = steps[index]
    state.review?.checkinSelection = index
    let effects = Fixtures.press(["x"], &state)
    #expect(
      effects == [
        .commit([
          .update(Review.self, id: session.reviewID, [.entry(\.checkins, first.id, "done")]),
          .update(
            Step.self, id: first.id, [.set(\.status, .done), .set(\.completedAt, Fixtures.now)]),
        ])
      ])
    #expect(state.data.steps[first.id]?.status == .done)
    #expect(state.data.reviews[session.reviewID]?.checkins[first.id] == "done")
    #expect(state.review?.checkinSelection == index + 1)

    // The next one was not done: one key, the step stays open, the cursor moves on.
    let second = steps[index + 1]
    let secondWasOpen = second.status == .open
    Fixtures.press(["<space>"], &state)
    #expect(state.data.reviews[session.reviewID]?.checkins[second.id] == "not-done")
    if secondWasOpen { #expect(state.data.steps[second.id]?.status == .open) }

    // Back up and say the first was not done after all: the answer flips and the step reopens.
    state.review?.checkinSelection = index
    Fixtures.press(["<space>"], &state)
    #expect(state.data.reviews[session.reviewID]?.checkins[first.id] == "not-done")
    #expect(state.data.steps[first.id]?.status == .open)
    #expect(state.data.steps[first.id]?.completedAt == nil)
    #expect(state.review?.checkinSelection == index)
  }

  @Test("a captures a step in quick-add form, tied to the review, with @owner completion")
  func capture() throws {
    var state = started()
    let reviewID = try #require(state.review?.reviewID)
    Fixtures.press(["a"], &state)
    #expect(state.prompt?.purpose == .capture)
    Fixtures.type("Draft booth design @ch", &state)
    Fixtures.press(["<tab>"], &state)
    #expect(state.prompt?.field.value == "Draft booth design @chloe ")
    Fixtures.type("due:fri success:\"approved by VP\" #conference", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(state.prompt == nil)
    let step = try #require(state.data.steps.values.first { $0.title == "Draft booth design" })
    #expect(step.owner == "chloe")
    #expect(step.due == Day(year: 2026, month: 11, day: 27))
    #expect(step.success == "approved by VP")
    #expect(step.tags == ["conference"])
    #expect(step.review == reviewID)
    #expect(step.createdAt == Fixtures.now)
    #expect(effects == [.commit([.create(step)])])
  }

  @Test("an unknown owner is offered as a person (one key); esc keeps the line, commits nothing")
  func captureUnknownOwner() {
    var state = started()
    Fixtures.press(["a"], &state)
    Fixtures.type("Call the venue @nobody", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(effects == [.bell])
    #expect(state.prompt?.purpose == .confirmPerson(handle: "nobody"))
    #expect(state.heldPrompt?.field.value == "Call the venue @nobody")
    #expect(Fixtures.press(["<esc>"], &state).isEmpty)
    #expect(state.prompt?.field.value == "Call the venue @nobody")
    #expect(state.prompt?.purpose == .capture)
  }

  @Test("D records a decision with its decider, N a note; both committed at once")
  func decisionAndNote() throws {
    var state = started()
    let reviewID = try #require(state.review?.reviewID)
    Fixtures.press(["D"], &state)
    Fixtures.type("Move the launch to March @tom", &state)
    let decisionEffects = Fixtures.press(["<enter>"], &state)
    let decision = try #require(state.data.decisions.values.first { $0.review == reviewID })
    #expect(decision.text == "Move the launch to March")
    #expect(decision.decidedBy == "tom")
    #expect(decisionEffects == [.commit([.create(decision)])])

    Fixtures.press(["N"], &state)
    Fixtures.type("Budget is frozen until January", &state)
    Fixtures.press(["<enter>"], &state)
    let note = try #require(state.data.notes.values.first { $0.review == reviewID })
    #expect(note.text == "Budget is frozen until January")
    #expect(note.author == "maria")
  }

  @Test("n and p walk the agenda; the timer runs on ticks and turns amber, then red")
  func sections() throws {
    var state = started()
    #expect(state.review?.section == 0)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(3 * 60)), &state)
    #expect(Fixtures.press(["n"], &state).count == 1)
    var session = try #require(state.review)
    #expect(session.section == 1)
    #expect(state.data.reviews[session.reviewID]?.section == 1)
    #expect(state.sectionElapsed(session, 0) == 180)
    // Section 1 of the content review is 10 minutes: amber from 8, red past 10.
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(3 * 60 + 8 * 60 + 30)), &state)
    session = try #require(state.review)
    #expect(TimeboxState(elapsed: state.sectionElapsed(session, 1), minutes: 10) == .nearEnd)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(3 * 60 + 10 * 60 + 1)), &state)
    session = try #require(state.review)
    #expect(TimeboxState(elapsed: state.sectionElapsed(session, 1), minutes: 10) == .over)
    Fixtures.press(["p"], &state)
    session = try #require(state.review)
    #expect(session.section == 0)
    #expect(state.sectionElapsed(session, 1) == 601)
  }

  @Test("c concludes: a rating out of range is refused, then the review is held and rated")
  func conclude() throws {
    var state = started()
    let reviewID = try #require(state.review?.reviewID)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(40 * 60)), &state)
    Fixtures.press(["c"], &state)
    #expect(state.prompt?.purpose == .rating)
    Fixtures.type("11", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    Fixtures.press(["<backspace>", "<backspace>"], &state)
    Fixtures.type("8", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    let end = Fixtures.now.addingTimeInterval(40 * 60)
    let edits: [FieldEdit<Review>] = [
      .set(\.status, .held), .set(\.endedAt, end), .entry(\.spent, "0", 40.0 * 60),
      .set(\.sectionStartedAt, nil), .set(\.rating, 8),
    ]
    let expected: [Effect] = [.commit([.update(Review.self, id: reviewID, edits)])]
    #expect(effects == expected)
    let review = try #require(state.data.reviews[reviewID])
    #expect(review.status == .held)
    #expect(review.rating == 8)
    #expect(state.review?.phase == .concluded)
    // The recap is on screen, and the minutes are one pure function away.
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Recap"))
    #expect(text.contains("rhythm export minutes"))
    let minutes = Minutes.markdown(review: review, state: state.data)
    #expect(minutes.contains("**Rating:** 8/10"))
    #expect(Fixtures.press(["m"], &state).count == 1)
    #expect(state.data.reviews[reviewID]?.minutesAt == end)
  }

  @Test("the live review screen renders the running timer, check-ins and captured items")
  func liveScreen() {
    var state = started()
    Fixtures.press(["n", "n", "x"], &state)
    Fixtures.press(["a"], &state)
    Fixtures.type("Draft booth design @chloe due:fri", &state)
    Fixtures.press(["<enter>", "D"], &state)
    Fixtures.type("Move the launch to March @tom", &state)
    Fixtures.press(["<enter>"], &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(9 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-live-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-live-80x24")
  }
}
