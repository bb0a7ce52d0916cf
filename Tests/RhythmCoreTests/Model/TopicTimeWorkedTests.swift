import Foundation
import Testing

@testable import RhythmCore

@Suite("The time a topic was worked, across reviews")
struct TopicTimeWorkedTests {
  private let now = Date(timeIntervalSince1970: 1_800_000_000)

  private func review(_ id: String, spent: [String: Double], status: Review.Status = .held)
    -> Review
  {
    var review = Review(
      id: id, cadence: "c", occurrence: now.addingTimeInterval(-86_400), status: status)
    review.topicSpent = spent
    return review
  }

  @Test("banked time adds up over reviews; the worked topic of a live review runs until now")
  func addsUp() {
    var live = review("r3", spent: ["a": 60], status: .live)
    live.topic = "b"
    live.topicStartedAt = now.addingTimeInterval(-90)
    var removed = review("r4", spent: ["a": 600])
    removed.deleted = true
    let worked = TopicTimeWorked.byTopic(
      in: [
        review("r1", spent: ["a": 600, "b": 20]), review("r2", spent: ["a": 300]), live, removed,
      ],
      now: now)
    #expect(worked["a"] == TopicTimeWorked(seconds: 960, reviews: 3))
    #expect(worked["b"] == TopicTimeWorked(seconds: 110, reviews: 2))
    #expect(worked["a"]?.minutes == 16)
    #expect(TopicTimeWorked(seconds: 29, reviews: 1).minutes == nil)
    let others = TopicTimeWorked.byTopic(
      in: [review("r1", spent: ["a": 600]), live], now: now, excluding: "r3")
    #expect(others["a"] == TopicTimeWorked(seconds: 600, reviews: 1))
    #expect(others["b"] == nil)
  }
}
