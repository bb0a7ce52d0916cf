import Foundation
import RhythmCore

/// What the live review's timers, topics, audit and decision rights show, derived from the
/// state (the screens draw these and the reducer acts on the same rows).
extension AppState {
  /// The stored review of `session`, once it has started.
  func storedReview(of session: ReviewSession) -> Review? {
    session.phase == .preview ? nil : data.reviews[session.reviewID]
  }

  /// Seconds spent in agenda section `index` of `session` (none before it starts).
  func sectionElapsed(_ session: ReviewSession, _ index: Int) -> TimeInterval {
    storedReview(of: session)?.sectionElapsed(index, now: now) ?? 0
  }

  /// Whether `session`'s meeting is paused.
  func isPaused(_ session: ReviewSession) -> Bool {
    storedReview(of: session)?.isPaused == true
  }

  /// The topic `session`'s room is working, when one is open.
  func workedTopic(of session: ReviewSession) -> Topic? {
    guard session.phase == .running, let id = data.reviews[session.reviewID]?.topic else {
      return nil
    }
    return data.topics[id].flatMap { $0.isLive && $0.status == .open ? $0 : nil }
  }

  /// The topics settled (solved or dropped) in `session`'s review, in the order they were.
  func settledTopics(for session: ReviewSession) -> [Topic] {
    data.topics.values.filter { $0.isLive && $0.review == session.reviewID && $0.status != .open }
      .sorted { ($0.solvedAt ?? $0.createdAt, $0.id) < ($1.solvedAt ?? $1.createdAt, $1.id) }
  }

  /// The topics section's rows: the open queue, then the topics settled in this review (which
  /// can be reopened).
  func topicRows(for session: ReviewSession) -> [Topic] {
    topicQueue(for: session) + settledTopics(for: session)
  }

  /// The decisions and steps captured under `topic`, oldest first.
  func linkedItems(of topic: String) -> (decisions: [Decision], steps: [Step]) {
    let decisions = data.decisions.values.filter { $0.isLive && $0.topic == topic }
      .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    let steps = data.steps.values.filter { $0.isLive && $0.topic == topic }
      .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    return (decisions, steps)
  }

  /// Who answers the collaboration audit in `session`: the conclude roll (participants, then
  /// anyone else who came), then anyone else who answered.
  func auditRoll(for session: ReviewSession) -> [String] {
    var roll = concludeRoll(for: session)
    let answered = data.reviews[session.reviewID]?.audit.keys.sorted() ?? []
    for handle in answered where !roll.contains(handle) { roll.append(handle) }
    return roll
  }

  /// The previous audit of `session`'s cadence (last quarter's answers).
  func previousAudit(for session: ReviewSession) -> AuditSummary? {
    let review =
      data.reviews[session.reviewID]
      ?? Review(id: session.reviewID, cadence: session.cadenceID, occurrence: session.occurrence)
    return AuditSummary.previous(before: review, in: data.reviews.values)
  }

  /// Exchanges logged in the quarter under review: the 13 weeks up to `session`'s occurrence.
  func auditExchanges(for session: ReviewSession) -> Int {
    AuditSummary.exchangeCount(for: session.occurrence, in: data.exchanges.values, zone: timeZone)
  }

  /// The decision rights `session`'s room sees: its cadence's and everyone's, by area.
  func reviewRights(for session: ReviewSession) -> [DecisionRight] {
    data.rights.values.filter {
      $0.isLive && ($0.cadence == nil || $0.cadence == session.cadenceID)
    }.sorted { ($0.area.lowercased(), $0.id) < ($1.area.lowercased(), $1.id) }
  }
}
