import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review: working a topic, dropping and reopening, topics from the selection")
struct ReviewWorkTopicTests {
  private func later(_ minutes: Double, _ state: inout AppState) {
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(minutes * 60)), &state)
  }

  @Test("enter works a topic: its timer runs, a and D link to it, S solves it; in the minutes")
  func workAndSolve() throws {
    var state = try Fixtures.onTopics()
    let session = try #require(state.review)
    let topic = try #require(state.topicQueue(for: session).first)
    Fixtures.press(["<enter>"], &state)
    #expect(state.data.reviews[session.reviewID]?.topic == topic.id)
    #expect(state.workedTopic(of: session)?.id == topic.id)
    later(3, &state)
    Fixtures.press(["a"], &state)
    Fixtures.type("Send the case study template @ana due:fri", &state)
    Fixtures.press(["<enter>", "D"], &state)
    Fixtures.type("Legal reviews case studies within two days @priya", &state)
    Fixtures.press(["<enter>"], &state)
    let linked = state.linkedItems(of: topic.id)
    #expect(linked.steps.map(\.title) == ["Send the case study template"])
    #expect(linked.decisions.map(\.text) == ["Legal reviews case studies within two days"])
    #expect(linked.decisions.first?.decidedBy == "priya")
    later(5, &state)
    let review = try #require(state.data.reviews[session.reviewID])
    #expect(review.topicElapsed(topic.id, now: state.now) == 5 * 60)
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Working: " + topic.title))
    #expect(text.contains("05:00"))
    Fixtures.press(["S"], &state)
    #expect(state.data.topics[topic.id]?.status == .solved)
    #expect(state.data.reviews[session.reviewID]?.topic == nil)
    #expect(state.data.reviews[session.reviewID]?.topicSpent[topic.id] == 300.0)
    // A step captured after the topic is left is linked to nothing.
    Fixtures.press(["a"], &state)
    Fixtures.type("Book the studio @kenji", &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.data.steps.values.first { $0.title == "Book the studio" }?.topic == nil)
    Fixtures.press(["n", "c"], &state)
    Fixtures.type("8", &state)
    Fixtures.press(["<enter>"], &state)
    let held = try #require(state.data.reviews[session.reviewID])
    let minutes = Minutes.markdown(review: held, state: state.data)
    #expect(minutes.contains("- **\(topic.title)**"))
    #expect(minutes.contains("worked 5 min"))
    #expect(minutes.contains("  - Decision: Legal reviews case studies within two days"))
    #expect(minutes.contains("  - Step: Send the case study template — Ana Costa (@ana)"))
  }

  @Test("q (or enter again) leaves the worked topic: back in the queue, the review stays open")
  func leave() throws {
    var state = try Fixtures.onTopics()
    let session = try #require(state.review)
    let queue = state.topicQueue(for: session)
    Fixtures.press(["j", "<enter>"], &state)
    #expect(state.workedTopic(of: session)?.id == queue[1].id)
    Fixtures.press(["q"], &state)
    #expect(state.screen == .review)
    #expect(state.workedTopic(of: session) == nil)
    #expect(state.topicQueue(for: session).map(\.id) == queue.map(\.id))
    Fixtures.press(["<enter>"], &state)
    #expect(state.workedTopic(of: session)?.id == queue[1].id)
    Fixtures.press(["<enter>"], &state)
    #expect(state.workedTopic(of: session) == nil)
    // Moving to another section leaves it too.
    Fixtures.press(["<enter>", "n"], &state)
    #expect(state.workedTopic(of: session) == nil)
  }

  @Test("X drops the selected topic, O reopens it from the settled rows below the queue")
  func dropAndReopen() throws {
    var state = try Fixtures.onTopics()
    let session = try #require(state.review)
    let queue = state.topicQueue(for: session)
    Fixtures.press(["X"], &state)
    #expect(state.data.topics[queue[0].id]?.status == .dropped)
    #expect(state.data.topics[queue[0].id]?.review == session.reviewID)
    let rows = state.topicRows(for: session)
    #expect(rows.map(\.id) == queue.dropFirst().map(\.id) + [queue[0].id])
    #expect(!AppReducer.isAvailable(.reopenTopic, in: state))
    Fixtures.press(["G"], &state)
    #expect(AppReducer.isAvailable(.reopenTopic, in: state))
    #expect(!AppReducer.isAvailable(.solveTopic, in: state))
    #expect(Fixtures.press(["S"], &state).isEmpty)
    Fixtures.press(["O"], &state)
    #expect(state.data.topics[queue[0].id]?.status == .open)
    #expect(state.topicQueue(for: session).last?.id == queue[0].id)
  }

  @Test("T makes the selected off-track priority a topic that refers to it, once")
  func priorityToTopic() throws {
    var state = try Fixtures.onPriorities()
    let session = try #require(state.review)
    let priority = try #require(state.reviewPriorities(for: session).first)
    Fixtures.press(["f", "T"], &state)
    #expect(state.data.priorities[priority.id]?.status == .offTrack)
    let topic = try #require(state.topicQueue(for: session).last)
    #expect(topic.refersTo == priority.id)
    #expect(topic.title == "\(priority.title) (off-track)")
    #expect(topic.cadence == session.cadenceID)
    #expect(Fixtures.press(["T"], &state).isEmpty)
    #expect(state.message?.isError == true)
  }

  @Test("T on the scorecard, headlines and check-in makes topics of a metric, headline, step")
  func otherSubjects() throws {
    var state = Fixtures.demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Weekly marketing leadership review" })
    Fixtures.send(.openReview(cadenceID: cadence.id, start: true), &state)
    let session = try #require(state.review)
    let step = try #require(state.checkinSteps(for: session).first)
    Fixtures.press(["T", "n"], &state)
    let metric = try #require(state.scorecardMetrics(for: session).first)
    Fixtures.press(["T", "n", "n", "H"], &state)
    Fixtures.type("-Lost the Globex pilot", &state)
    Fixtures.press(["<enter>", "T"], &state)
    let headline = try #require(state.reviewHeadlines(for: session).first)
    let refers = state.topicQueue(for: session).suffix(3).map(\.refersTo)
    #expect(refers == [step.id, metric.id, headline.id])
  }
}
