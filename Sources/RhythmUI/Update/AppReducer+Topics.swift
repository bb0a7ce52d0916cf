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

  /// The selected row of the topics section (open or settled here), when that section is the
  /// current one.
  private static func selectedTopic(_ state: AppState) -> (ReviewSession, Topic)? {
    guard let session = state.review, session.phase != .concluded,
      state.sectionKind(of: session) == .topics
    else { return nil }
    let rows = state.topicRows(for: session)
    guard rows.indices.contains(session.topicSelection) else { return nil }
    return (session, rows[session.topicSelection])
  }

  /// `J` / `K`: moves the selected topic one place down or up its queue; the selection follows.
  static func rankTopic(_ state: inout AppState, by delta: Int) -> [Effect] {
    guard let (session, topic) = selectedTopic(state), topic.status == .open else { return [] }
    let queue = state.topicQueue(for: session)
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

  /// `S`: marks the topic being worked solved in this review (which must have started), else
  /// the selected one.
  static func solveTopic(_ state: inout AppState) -> [Effect] {
    settleTopic(&state, solved: true)
  }

  /// `X` on the topics section: drops the topic being worked, else the selected one.
  static func dropTopic(_ state: inout AppState) -> [Effect] {
    settleTopic(&state, solved: false)
  }

  private static func settleTopic(_ state: inout AppState, solved: Bool) -> [Effect] {
    guard let (session, selected) = selectedTopic(state) else { return [] }
    guard session.phase == .running else {
      say(&state, "start the review first (s)", isError: true)
      return []
    }
    let topic = state.workedTopic(of: session) ?? selected
    guard topic.status == .open else {
      say(&state, "the topic is already \(topic.status.rawValue) (O reopens it)", isError: true)
      return []
    }
    let effects = perform(
      &state, message: (solved ? "solved: " : "dropped: ") + topic.title
    ) { data, context throws(RhythmError) in
      solved
        ? try TopicEdits.solve(topic.id, review: session.reviewID, in: data, context)
        : try TopicEdits.drop(topic.id, review: session.reviewID, in: data, context)
    }
    refreshReview(&state)
    return effects
  }

  /// `O`: reopens the selected topic settled in this review, at the end of the queue.
  static func reopenTopic(_ state: inout AppState) -> [Effect] {
    guard let (_, topic) = selectedTopic(state), topic.status != .open else { return [] }
    let effects = perform(&state, message: "reopened: \(topic.title)") {
      data, _ throws(RhythmError) in
      try TopicEdits.reopen(topic.id, in: data)
    }
    refreshReview(&state)
    return effects
  }

  /// `enter` on the topics section: works the selected open topic (its own timer; what is
  /// captured meanwhile is linked to it), or leaves it when it is the one being worked.
  static func workTopic(_ state: inout AppState) -> [Effect] {
    guard let (session, topic) = selectedTopic(state) else { return [] }
    if state.workedTopic(of: session)?.id == topic.id { return leaveTopic(&state) }
    guard topic.status == .open else {
      say(&state, "the topic is \(topic.status.rawValue): O reopens it", isError: true)
      return []
    }
    var effects = startSession(&state)
    effects += perform(
      &state, message: "working: \(topic.title) — a, D link to it · S solved · q leaves"
    ) { data, context throws(RhythmError) in
      try ReviewEdits.workTopic(session.reviewID, topic: topic.id, in: data, context)
    }
    return effects
  }

  /// Leaves the topic being worked: it goes back to the queue, its time kept.
  static func leaveTopic(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, let topic = state.workedTopic(of: session) else {
      return []
    }
    return perform(&state, message: "back to the queue: \(topic.title)") {
      data, context throws(RhythmError) in
      try ReviewEdits.leaveTopic(session.reviewID, in: data, context)
    }
  }

  /// `T`: turns the selected metric (scorecard), priority, headline or check-in step into a
  /// topic of the cadence that refers to it.
  static func makeTopic(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, session.phase != .concluded,
      let subject = selectedSubject(state, session)
    else {
      say(
        &state, "select a metric, priority, headline or check-in step to make a topic of",
        isError: true)
      return []
    }
    if let waiting = state.topicQueue(for: session).first(where: { $0.refersTo == subject }) {
      say(&state, "already a topic: \(waiting.title)", isError: true)
      return []
    }
    do {
      let edit = try edited(&state) { data, context throws(RhythmError) in
        try TopicEdits.add(nil, cadence: session.cadenceID, refersTo: subject, in: data, &context)
      }
      let title = try TopicEdits.subject(subject, in: state.data)
      return startSession(&state) + commit(&state, edit.changes, message: "topic raised: " + title)
    } catch {
      say(&state, error.description, isError: true)
      return []
    }
  }

  /// The id of what is selected in the current section that a topic can be about.
  static func selectedSubject(_ state: AppState, _ session: ReviewSession) -> String? {
    func pick<T>(_ rows: [T], _ index: Int, _ id: (T) -> String) -> String? {
      rows.indices.contains(index) ? id(rows[index]) : nil
    }
    switch state.sectionKind(of: session) {
    case .scorecard?:
      return pick(state.scorecardMetrics(for: session), session.metricSelection, \.id)
    case .priorities?:
      return pick(state.reviewPriorities(for: session), session.prioritySelection, \.id)
    case .headlines?:
      return pick(state.reviewHeadlines(for: session), session.headlineSelection, \.id)
    default:
      guard state.showsCheckin(session) else { return nil }
      return pick(state.checkinSteps(for: session), session.checkinSelection, \.id)
    }
  }
}

extension AppState {
  /// The selected topic of the topics section when it is open (not settled here).
  func selectedOpenTopic(_ session: ReviewSession) -> Topic? {
    let queue = topicQueue(for: session)
    return queue.indices.contains(session.topicSelection) ? queue[session.topicSelection] : nil
  }
}
