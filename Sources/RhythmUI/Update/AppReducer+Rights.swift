import Foundation
import RhythmCore

// MARK: - The decision-rights section of the live review: who decides what

extension AppReducer {
  /// The selected decision right, when the decision-rights section is the current one.
  private static func selectedRight(_ state: AppState) -> (ReviewSession, DecisionRight)? {
    guard let session = state.review, session.phase != .concluded,
      state.sectionKind(of: session) == .decisionRights
    else { return nil }
    let rights = state.reviewRights(for: session)
    guard rights.indices.contains(session.rightSelection) else { return nil }
    return (session, rights[session.rightSelection])
  }

  /// `+`: asks for a new area and its decider (`Campaign spend @maria`).
  static func askRight(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, session.phase != .concluded,
      state.sectionKind(of: session) == .decisionRights
    else { return [] }
    state.prompt = Prompt(purpose: .right(rightID: nil), label: "area @decider")
    return []
  }

  /// `enter`: asks for the selected right's area and decider, as they are, to change either.
  static func askRightChange(_ state: inout AppState) -> [Effect] {
    guard let (_, right) = selectedRight(state) else { return [] }
    state.prompt = Prompt(
      purpose: .right(rightID: right.id), label: "area @decider",
      text: right.area + " @" + right.decider)
    return []
  }

  /// `X`: removes the selected decision right (u brings it back).
  static func removeRight(_ state: inout AppState) -> [Effect] {
    guard let (_, right) = selectedRight(state) else { return [] }
    let effects = perform(&state, message: "removed: \(right.area) (u brings it back)") {
      data, _ throws(RhythmError) in
      try RightEdits.remove(right.id, in: data)
    }
    refreshReview(&state)
    return effects
  }

  /// Saves a typed right: `area @decider` adds one for the review's cadence; for `id`, the
  /// area and `@decider` typed replace its own (an area left out keeps its name).
  static func saveRight(_ state: inout AppState, id: String?, text: String) throws(RhythmError)
    -> [Effect]
  {
    guard let session = state.review else { return [] }
    let words = text.split(separator: " ").map(String.init)
    let handles = words.filter { $0.hasPrefix("@") }
    let area = words.filter { !$0.hasPrefix("@") }.joined(separator: " ")
    guard handles.count == 1, let decider = handles.first else {
      throw .message("name one decider with @, as in: Campaign spend @maria")
    }
    if let id {
      return try performing(&state, message: "\(area.isEmpty ? "it" : area): \(decider) decides") {
        data, _ throws(RhythmError) in
        try RightEdits.change(id, area: area.isEmpty ? nil : area, decider: decider, in: data)
      }
    }
    return try performing(&state, message: "\(area): \(decider) decides") {
      data, context throws(RhythmError) in
      try RightEdits.add(area, decider: decider, cadence: session.cadenceID, in: data, &context)
    }
  }
}
