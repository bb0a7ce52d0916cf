import Foundation
import RhythmCore

// MARK: - Keys of the live review whose meaning is the current section's

extension AppReducer {
  /// `enter` on the review screen: the selected metric's value (scorecard), work or leave the
  /// selected topic (topics), the selected attendee's answers (audit), the selected area's
  /// decider (decision rights).
  static func openInReview(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, session.phase != .concluded else { return [] }
    switch state.sectionKind(of: session) {
    case .scorecard?: return enterValue(&state)
    case .topics?: return workTopic(&state)
    case .audit?: return askAuditAnswers(&state)
    case .decisionRights?: return askRightChange(&state)
    default: return []
    }
  }

  /// `X` on the review screen: drops a topic (topics) or removes a decision right.
  static func dropSelected(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, session.phase != .concluded else { return [] }
    switch state.sectionKind(of: session) {
    case .topics?: return dropTopic(&state)
    case .decisionRights?: return removeRight(&state)
    default: return []
    }
  }

  /// What the review's input lines for the audit, exchanges and decision rights make of
  /// `text`.
  static func submitMeeting(_ state: inout AppState, _ purpose: Prompt.Purpose, text: String)
    throws(RhythmError) -> [Effect]
  {
    switch purpose {
    case .auditAnswer(let handle): return try answerAudit(&state, handle, text: text)
    case .exchange: return try recordExchange(&state, text: text)
    case .right(let id): return try saveRight(&state, id: id, text: text)
    default: return []
    }
  }

  /// Whether a key of the live review's sections does something in the state as it is.
  static func isAvailableInReview(_ action: Action, in state: AppState) -> Bool {
    guard let session = state.review, session.phase != .concluded else { return false }
    let running = session.phase == .running
    let kind = state.sectionKind(of: session)
    switch action {
    case .open:
      switch kind {
      case .scorecard?: return !state.scorecardMetrics(for: session).isEmpty
      case .topics?: return state.selectedOpenTopic(session) != nil
      case .audit?: return running && !state.auditRoll(for: session).isEmpty
      case .decisionRights?: return !state.reviewRights(for: session).isEmpty
      default: return false
      }
    case .togglePause: return running
    case .dropSelected:
      if kind == .topics { return running && state.selectedOpenTopic(session) != nil }
      return kind == .decisionRights && !state.reviewRights(for: session).isEmpty
    case .reopenTopic:
      let rows = state.topicRows(for: session)
      return kind == .topics && rows.indices.contains(session.topicSelection)
        && rows[session.topicSelection].status != .open
    case .makeTopic: return selectedSubject(state, session) != nil
    case .addRight: return kind == .decisionRights
    default: return true
    }
  }

  // MARK: - Pause

  /// `P`: pauses the live review (every timer stops where it stands), or resumes it.
  static func togglePause(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, session.phase == .running else {
      say(&state, "the review is not running", isError: true)
      return []
    }
    let paused = state.isPaused(session)
    return perform(&state, message: paused ? "resumed" : "paused: P resumes") {
      data, context throws(RhythmError) in
      paused
        ? try ReviewEdits.resume(session.reviewID, in: data, context)
        : try ReviewEdits.pause(session.reviewID, in: data, context)
    }
  }

  // MARK: - Exchanges

  /// `E`: asks for an exchange, `@from @to what was given`.
  static func askExchange(_ state: inout AppState) -> [Effect] {
    state.prompt = Prompt(purpose: .exchange, label: "exchange")
    return []
  }

  /// Logs an exchange typed as `@from @to what was given` (each side a person or a team).
  static func recordExchange(_ state: inout AppState, text: String) throws(RhythmError)
    -> [Effect]
  {
    let words = text.split(separator: " ", maxSplits: 2).map(String.init)
    guard words.count == 3 else {
      throw .message("type who gave, who received, then what: @maria @ana reviewed the brief")
    }
    return try performing(&state, message: "exchange logged: \(words[0]) → \(words[1])") {
      data, context throws(RhythmError) in
      try ExchangeEdits.add(from: words[0], to: words[1], words[2], in: data, &context)
    }
  }
}
