import Foundation
import RhythmCore

// MARK: - The priorities section of the live review

extension AppReducer {
  /// `o` / `f` / `d`: sets the selected priority on track, off track or done.
  static func setPriorityStatus(_ state: inout AppState, _ status: Priority.Status) -> [Effect] {
    guard let session = state.review, session.phase != .concluded,
      state.sectionKind(of: session) == .priorities
    else { return [] }
    let priorities = state.reviewPriorities(for: session)
    guard priorities.indices.contains(session.prioritySelection) else { return [] }
    let priority = priorities[session.prioritySelection]
    guard priority.status != status else { return [] }
    var effects = startSession(&state)
    effects += perform(
      &state, message: "@\(priority.owner): \(priority.title) — \(status.rawValue)"
    ) { data, _ throws(RhythmError) in
      try PriorityEdits.setStatus(status, of: [priority.id], in: data)
    }
    return effects
  }
}
