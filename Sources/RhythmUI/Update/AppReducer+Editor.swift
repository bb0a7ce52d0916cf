import Foundation
import RhythmCore

// MARK: - Long text in $EDITOR

extension AppReducer {
  /// The key in the input line that hands what is typed to `$EDITOR` (a note only: other
  /// lines are one line by nature).
  static func openEditor(_ state: inout AppState) -> [Effect] {
    guard let prompt = state.prompt else { return [] }
    guard prompt.purpose == .note, let session = state.review, session.phase != .concluded else {
      say(&state, "only a note (N) is written in the editor here", isError: true)
      return [.bell]
    }
    state.prompt = nil
    return [.openEditor(text: prompt.field.value, request: .note(reviewID: session.reviewID))]
  }

  /// Saves what the editor left through the edit it is for; an editor that failed, or a file
  /// left empty, saves nothing and says so.
  static func editorClosed(
    _ state: inout AppState, _ request: EditorRequest, _ outcome: EditorOutcome
  ) -> [Effect] {
    let text: String
    switch outcome {
    case .failed(let reason):
      say(&state, reason + ": nothing saved", isError: true)
      return []
    case .saved(let written):
      text = written
    }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      say(&state, "the file was left empty: nothing saved", isError: true)
      return []
    }
    switch request {
    case .note(let reviewID):
      do {
        let edit = try edited(&state) { data, context throws(RhythmError) in
          try MeetingEdits.longNote(text, review: reviewID, in: data, &context)
        }
        let started = state.review?.reviewID == reviewID ? startSession(&state) : []
        return started + commit(&state, edit.changes, message: "note taken")
      } catch {
        say(&state, "not saved: " + error.description, isError: true)
        return []
      }
    case .topicDescription(let id):
      do {
        return try performing(&state, message: "description saved") {
          data, _ throws(RhythmError) in
          try TopicEdits.describe(id, text, in: data)
        }
      } catch {
        say(&state, "not saved: " + error.description, isError: true)
        return []
      }
    }
  }
}
