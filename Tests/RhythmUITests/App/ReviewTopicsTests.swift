import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's topics section, through the reducer")
struct ReviewTopicsTests {
  private func queue(_ state: AppState) throws -> [Topic] {
    state.topicQueue(for: try #require(state.review))
  }

  @Test("the demo's content review has open topics waiting in its Topics section")
  func queueShown() throws {
    let state = try Fixtures.onTopics()
    let queue = try queue(state)
    #expect(queue.count >= 2)
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("3 open · enter works"))
    #expect(text.contains(String(queue[0].title.prefix(20))))
  }

  @Test("j/k move the topic selection on the Topics section, not the check-in's")
  func selection() throws {
    var state = try Fixtures.onTopics()
    let count = try queue(state).count
    Fixtures.press(["j"], &state)
    #expect(state.review?.topicSelection == 1)
    #expect(state.review?.checkinSelection == 0)
    Fixtures.press(["G"], &state)
    #expect(state.review?.topicSelection == count - 1)
    Fixtures.press(["k"], &state)
    #expect(state.review?.topicSelection == count - 2)
  }

  @Test("J moves the selected topic one place down, K back up; the selection follows")
  func rank() throws {
    var state = try Fixtures.onTopics()
    let before = try queue(state)
    let first = before[0]
    let effects = Fixtures.press(["J"], &state)
    #expect(effects.count == 1)
    guard case .commit(let changes)? = effects.first else {
      Issue.record("J committed nothing")
      return
    }
    #expect(changes.count == 1)
    #expect(try queue(state).map(\.id) == [before[1].id, first.id] + before.dropFirst(2).map(\.id))
    #expect(state.review?.topicSelection == 1)
    Fixtures.press(["K"], &state)
    #expect(try queue(state).map(\.id) == before.map(\.id))
    #expect(state.review?.topicSelection == 0)
    // Nothing above the first topic: K there changes nothing.
    #expect(Fixtures.press(["K"], &state).isEmpty)
    #expect(try queue(state).map(\.id) == before.map(\.id))
  }

  @Test("S marks the selected topic solved in this review; it leaves the queue")
  func solve() throws {
    var state = try Fixtures.onTopics()
    let before = try queue(state)
    Fixtures.press(["j"], &state)
    let chosen = before[1]
    let session = try #require(state.review)
    let effects = Fixtures.press(["S"], &state)
    #expect(effects.count == 1)
    let topic = try #require(state.data.topics[chosen.id])
    #expect(topic.status == .solved)
    #expect(topic.review == session.reviewID)
    #expect(topic.solvedAt == Fixtures.now)
    #expect(try queue(state).map(\.id) == before.filter { $0.id != chosen.id }.map(\.id))
    #expect(state.review?.topicSelection == 1)
  }

  @Test("S and J do nothing outside the Topics section")
  func onlyOnTopics() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r"], &state)
    let before = state.data.topics
    #expect(Fixtures.press(["S", "J", "K"], &state).isEmpty)
    #expect(state.data.topics == before)
  }

  @Test("x and space answer no check-in on the Topics section, whose pane shows no check-in")
  func noCheckinOnTopics() throws {
    var state = try Fixtures.onTopics()
    let session = try #require(state.review)
    #expect(!state.checkinSteps(for: session).isEmpty)
    #expect(Fixtures.press(["x", "<space>"], &state).isEmpty)
    #expect(state.data.reviews[session.reviewID]?.checkins.isEmpty == true)
    #expect(!AppReducer.isAvailable(.checkinDone, in: state))
    #expect(AppReducer.isAvailable(.solveTopic, in: state))
  }

  @Test("t raises a topic from any section, last in the cadence's queue")
  func raise() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r", "t"], &state)
    #expect(state.prompt?.purpose == .topic)
    Fixtures.type("Hire a second editor", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(effects.count == 1)
    let session = try #require(state.review)
    let last = try #require(state.topicQueue(for: session).last)
    #expect(last.title == "Hire a second editor")
    #expect(last.cadence == session.cadenceID)
    #expect(last.by == "maria")
    #expect(last.status == .open)
  }

  @Test("a topic worked in an earlier review shows that time beside this review's")
  func timeFromEarlierReviews() throws {
    var state = try Fixtures.onTopics()
    let session = try #require(state.review)
    let topic = try #require(try queue(state).first)
    let earlier = try #require(
      state.data.reviews.values.first {
        $0.cadence == session.cadenceID && $0.id != session.reviewID
      })
    var stamper = MemoryStamper()
    let operations = stamper.operations(
      for: [.update(Review.self, id: earlier.id, [.entry(\.topicSpent, topic.id, 12 * 60)])],
      now: state.now, person: "tom", after: state.data.latestStamp)
    Fixtures.send(.committed(operations), &state)
    var text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("+12m"))
    Fixtures.press(["g", "<enter>"], &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(3 * 60)), &state)
    text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Working: " + topic.title))
    #expect(text.contains("● 03:00  +12m before"))
    #expect(text.contains("03:00 +12m"))
  }

  @Test("the Topics section on screen, wide and narrow")
  func topicsScreen() throws {
    var state = try Fixtures.onTopics()
    Fixtures.press(["j"], &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(4 * 60)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-topics-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-topics-80x24")
  }
}
