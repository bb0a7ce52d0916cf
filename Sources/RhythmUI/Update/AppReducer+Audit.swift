import Foundation
import RhythmCore

// MARK: - The audit section of the live review: each attendee's three answers

extension AppReducer {
  /// `enter` on the audit section: asks for the selected attendee's three answers, 1–5 each
  /// (their earlier answers typed in, to change).
  static func askAuditAnswers(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, state.sectionKind(of: session) == .audit else { return [] }
    guard session.phase == .running else {
      say(&state, "start the review first (s)", isError: true)
      return []
    }
    let roll = state.auditRoll(for: session)
    guard roll.indices.contains(session.auditSelection) else { return [] }
    let handle = roll[session.auditSelection]
    let current = state.data.reviews[session.reviewID]?.audit[handle].map {
      "\($0.risk) \($0.transparency) \($0.drive)"
    }
    state.prompt = Prompt(
      purpose: .auditAnswer(handle: handle),
      label: "@\(handle): risk and reward, transparency, drive to win (1–5 each)",
      text: current ?? "")
    return []
  }

  /// Records `handle`'s audit answers typed as three scores (`4 3 5`, `4,3,5` or `435`), with
  /// the same edit as `rhythm audit add`; the selection moves to the next attendee.
  static func answerAudit(_ state: inout AppState, _ handle: String, text: String)
    throws(RhythmError) -> [Effect]
  {
    guard let session = state.review else { return [] }
    let scores = try auditScores(text)
    let answer = AuditAnswer(risk: scores[0], transparency: scores[1], drive: scores[2])
    let effects = try performing(
      &state,
      message: "@\(handle): risk \(scores[0]) · transparency \(scores[1]) · drive \(scores[2])"
    ) { data, _ throws(RhythmError) in
      try ReviewEdits.answerAudit(session.reviewID, by: handle, answer, in: data)
    }
    _ = move(&state, by: 1)
    return effects
  }

  /// A digit key in the audit section: the selected attendee's next answer (risk and reward,
  /// transparency, drive to win, 1–5 each); the third saves all three, as `enter` would.
  static func auditDigit(_ state: inout AppState, _ digit: Int) -> [Effect] {
    guard var session = state.review else { return [] }
    let roll = state.auditRoll(for: session)
    guard roll.indices.contains(session.auditSelection) else { return [] }
    guard (1...5).contains(digit) else {
      say(&state, "audit answers are 1–5", isError: true)
      return []
    }
    let handle = roll[session.auditSelection]
    var scores = session.auditDraft?.handle == handle ? session.auditDraft?.scores ?? [] : []
    scores.append(digit)
    guard scores.count == 3 else {
      session.auditDraft = ReviewSession.AuditDraft(handle: handle, scores: scores)
      state.review = session
      return []
    }
    session.auditDraft = nil
    state.review = session
    do {
      return try answerAudit(&state, handle, text: scores.map(String.init).joined(separator: " "))
    } catch {
      say(&state, error.description, isError: true)
      return []
    }
  }

  /// The three scores in `text`: separated by spaces or commas, or three digits in a row.
  static func auditScores(_ text: String) throws(RhythmError) -> [Int] {
    let parts = text.split { !$0.isNumber }.map(String.init)
    let digits = parts.count == 1 && parts[0].count == 3 ? parts[0].map(String.init) : parts
    let scores = digits.compactMap { Int($0) }
    guard scores.count == 3, digits.count == 3 else {
      throw .invalidValue(
        field: "answers", value: text,
        expected: "three scores 1–5: risk and reward, transparency, drive (4 3 5)")
    }
    return scores
  }
}
