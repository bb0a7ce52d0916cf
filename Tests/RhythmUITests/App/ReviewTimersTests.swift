import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's timers: pause, and a restart that continues where they stood")
struct ReviewTimersTests {
  private func at(_ minutes: Double, _ state: inout AppState) {
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(minutes * 60)), &state)
  }

  @Test("P pauses every timer and P again resumes them; the banner says so")
  func pause() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r"], &state)
    let session = try #require(state.review)
    at(2, &state)
    #expect(Fixtures.press(["P"], &state).count == 1)
    #expect(state.isPaused(session))
    at(30, &state)
    #expect(state.sectionElapsed(session, 0) == 120)
    #expect(state.data.reviews[session.reviewID]?.meetingElapsed(now: state.now) == 120)
    var text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("⏸ PAUSED"))
    #expect(text.contains("elapsed 02:00"))
    Fixtures.press(["P"], &state)
    at(31, &state)
    #expect(!state.isPaused(session))
    #expect(state.sectionElapsed(session, 0) == 180)
    text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("● LIVE"))
    #expect(text.contains("elapsed 03:00"))
  }

  @Test("a cockpit restarted on the same store opens the review in its section, timers running on")
  func restart() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r"], &state)
    at(4, &state)
    Fixtures.press(["n", "n", "n"], &state)
    at(6, &state)
    Fixtures.press(["<enter>"], &state)
    at(9, &state)
    let before = try #require(state.review)
    let topic = try #require(state.workedTopic(of: before))
    // What was stored, read by a fresh cockpit (as after kill -9) ten minutes later.
    var restarted = AppState(
      data: state.data, now: Fixtures.now.addingTimeInterval(19 * 60), timeZone: Fixtures.utc,
      size: Size(width: 120, height: 40), person: "maria", ids: RecordIDGenerator(seed: 7))
    Fixtures.send(.openReview(cadenceID: before.cadenceID, start: false), &restarted)
    let session = try #require(restarted.review)
    #expect(session.phase == .running)
    #expect(session.section == 3)
    #expect(restarted.sectionElapsed(session, 0) == 4 * 60)
    #expect(restarted.sectionElapsed(session, 3) == 15 * 60)
    #expect(restarted.workedTopic(of: session)?.id == topic.id)
    let review = try #require(restarted.data.reviews[session.reviewID])
    #expect(review.topicElapsed(topic.id, now: restarted.now) == 13 * 60)
    #expect(review.meetingElapsed(now: restarted.now) == 19 * 60)
    let text = Screen.render(restarted).lines.joined(separator: "\n")
    #expect(text.contains("15:00/15:00"))
    #expect(text.contains("elapsed 19:00"))
  }

  @Test("starting a review from the preview keeps the section the preview stood on")
  func startWhereThePreviewStood() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["<enter>"], &state)
    #expect(state.review?.phase == .preview)
    Fixtures.press(["n", "n", "s"], &state)
    let session = try #require(state.review)
    #expect(session.phase == .running)
    #expect(session.section == 2)
    #expect(state.data.reviews[session.reviewID]?.section == 2)
    at(1, &state)
    #expect(state.sectionElapsed(session, 2) == 60)
  }

  @Test("the rating prompt's line shows the label once, no 1–10 placeholder in the field")
  func ratingPrompt() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r", "c"], &state)
    #expect(state.prompt?.purpose == .rating)
    let line = try #require(Screen.render(state).lines.first { $0.contains("rate the meeting") })
    #expect(line.components(separatedBy: "1–10").count == 2)
  }

  @Test("the live review paused, working a topic, on screen wide and narrow")
  func pausedScreen() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r", "n", "n", "n", "j", "<enter>", "a"], &state)
    Fixtures.type("Cap video spend at 2k @kenji due:fri", &state)
    Fixtures.press(["<enter>", "D"], &state)
    Fixtures.type("Video budget stays at 2k this quarter @priya", &state)
    Fixtures.press(["<enter>"], &state)
    at(7, &state)
    Fixtures.press(["P"], &state)
    at(12, &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-topic-paused-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-topic-paused-80x24")
  }
}
