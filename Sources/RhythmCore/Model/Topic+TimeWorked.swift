import Foundation

/// The time a topic was worked across every review that worked it: a topic left open is
/// worked again in later reviews, and the room should see what it has cost so far.
public struct TopicTimeWorked: Equatable, Sendable {
  /// Seconds worked, all reviews together.
  public var seconds: TimeInterval = 0
  /// How many reviews worked it.
  public var reviews = 0

  /// The time each topic was worked in `reviews` (live ones count as of `now`), leaving out
  /// the review `excluded` (the one on screen, whose own timer is shown beside).
  public static func byTopic(
    in reviews: some Sequence<Review>, now: Date, excluding excluded: String? = nil
  ) -> [String: TopicTimeWorked] {
    var worked: [String: TopicTimeWorked] = [:]
    func add(_ topic: String, of review: Review) {
      let seconds = review.topicElapsed(topic, now: now)
      guard seconds > 0 else { return }
      worked[topic, default: TopicTimeWorked()].seconds += seconds
      worked[topic, default: TopicTimeWorked()].reviews += 1
    }
    // Called for every frame of a review's Topics section: no set is made per review.
    for review in reviews where review.isLive && review.id != excluded {
      for topic in review.topicSpent.keys { add(topic, of: review) }
      if review.status == .live, let topic = review.topic, review.topicSpent[topic] == nil {
        add(topic, of: review)
      }
    }
    return worked
  }

  /// Whole minutes, rounded (`nil` under half a minute: nothing worth saying).
  public var minutes: Int? {
    seconds >= 30 ? Int((seconds / 60).rounded()) : nil
  }
}
