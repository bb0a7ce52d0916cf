import Foundation
import RhythmCore

// MARK: - Data from the store

extension AppReducer {
  /// After the data changed under the cockpit (a reload, an undo, another process's changes):
  /// the live review follows, the message shows, and the history on show is read again (it
  /// may have grown).
  static func dataArrived(_ state: inout AppState, message: String?) -> [Effect] {
    refreshReview(&state)
    if let message { say(&state, message) }
    if state.screen == .steps, state.steps.showsDetail, let id = state.steps.selectedStepID {
      return [.loadHistory(stepID: id)]
    }
    return []
  }
}
