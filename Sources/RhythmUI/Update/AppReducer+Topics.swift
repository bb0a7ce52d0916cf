import Foundation
import RhythmCore

// MARK: - The topics section of the live review

extension AppReducer {
  /// Raises a topic at the end of the review's cadence's queue (from any section).
  static func raiseTopic(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    guard let session = state.review else { return [] }
    let edit = try edited(&state) { data, context throws(RhythmError) in
      try TopicEdits.add(text, cadence: session.cadenceID, in: data, &context)
    }
    return startSession(&state) + commit(&state, edit.changes, message: "topic raised: \(text)")
  }

  /// The selected topic of the topics section, when that section is the current one.
  private static func selectedTopic(_ state: AppState) -> (ReviewSession, [Topic], Topic)? {
    guard let session = state.review, session.phase != .concluded,
      state.sectionKind(of: session) == .topics
    else { return nil }
    let queue = state.topicQueue(for: session)
    guard queue.indices.contains(session.topicSelection) else { return nil }
    return (session, queue, queue[session.topicSelection])
  }

  /// `J` / `K`: moves the selected topic one place down or up its queue; the selection follows.
  static func rankTopic(_ state: inout AppState, by delta: Int) -> [Effect] {
    guard let (session, queue, topic) = selectedTopic(state) else { return [] }
    let target = session.topicSelection + delta
    guard queue.indices.contains(target) else { return [] }
    var effects = startSession(&state)
    effects += perform(&state, message: "topic \(target + 1) of \(queue.count): \(topic.title)") {
      data, _ throws(RhythmError) in
      try TopicEdits.rank(topic.id, to: target + 1, in: data)
    }
    if !effects.isEmpty, var moved = state.review {
      moved.topicSelection = target
      state.review = moved
    }
    return effects
  }

  /// `S`: marks the selected topic solved in this review (which must have started).
  static func solveTopic(_ state: inout AppState) -> [Effect] {
    guard let (session, _, topic) = selectedTopic(state) else { return [] }
    guard session.phase == .running else {
      say(&state, "start the review first (s)", isError: true)
      return []
    }
    let effects = perform(&state, message: "solved: \(topic.title)") {
      data, context throws(RhythmError) in
      try TopicEdits.solve(topic.id, review: session.reviewID, in: data, context)
    }
    refreshReview(&state)
    return effects
  }
}
