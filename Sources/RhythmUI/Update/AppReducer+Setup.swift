import Foundation
import RhythmCore

// MARK: - Setting up from the cockpit: where each key goes, and the forms' submits

extension AppReducer {
  /// The actions of setting up people, teams, metrics, priorities and topics, and `$EDITOR`.
  static func setUp(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .addItem:
      switch state.screen {
      case .people: return addPerson(&state)
      case .metrics: return addOnMetrics(&state)
      default: return []
      }
    case .editItem:
      switch state.screen {
      case .people: return editPerson(&state)
      case .metrics: return editOnMetrics(&state)
      case .review: return editInReview(&state)
      default: return []
      }
    case .addTeam: return addTeam(&state)
    case .togglePriorities: return togglePriorities(&state)
    case .describeTopic: return describeTopic(&state)
    case .openEditor: return openEditor(&state)
    case .editorClosed(let request, let outcome): return editorClosed(&state, request, outcome)
    default: return []
    }
  }

  /// Accepts the forms of setting up.
  static func submitSetup(_ state: inout AppState, _ purpose: Prompt.Purpose, text: String)
    throws(RhythmError) -> [Effect]
  {
    switch purpose {
    case .addPerson: return try savePerson(&state, text: text)
    case .editPerson(let handle): return try savePersonEdit(&state, handle: handle, text: text)
    case .addTeam: return try saveTeam(&state, text: text)
    case .renameTeam(let name): return try saveTeamName(&state, name: name, text: text)
    case .addMetric: return try saveMetric(&state, id: nil, text: text)
    case .editMetric(let id): return try saveMetric(&state, id: id, text: text)
    case .addPriority: return try savePriority(&state, id: nil, text: text)
    case .editPriority(let id): return try savePriority(&state, id: id, text: text)
    case .editTopic(let id):
      return try performing(&state, message: "topic saved") { data, _ throws(RhythmError) in
        try TopicEdits.retitle(id, text, in: data)
      }
    default: return []
    }
  }

  // MARK: - In the live review

  /// The review's selected topic (topics section) or priority (priorities section).
  private static func reviewSelection(_ state: AppState) -> (topic: Topic?, priority: Priority?) {
    guard let session = state.review, session.phase != .concluded else { return (nil, nil) }
    switch state.sectionKind(of: session) {
    case .topics?:
      let queue = state.topicQueue(for: session)
      return (
        queue.indices.contains(session.topicSelection) ? queue[session.topicSelection] : nil, nil
      )
    case .priorities?:
      let priorities = state.reviewPriorities(for: session)
      return (
        nil,
        priorities.indices.contains(session.prioritySelection)
          ? priorities[session.prioritySelection] : nil
      )
    default:
      return (nil, nil)
    }
  }

  /// `e` in the review: the selected topic's title, or the selected priority's form.
  private static func editInReview(_ state: inout AppState) -> [Effect] {
    let selection = reviewSelection(state)
    if let topic = selection.topic {
      state.prompt = Prompt(
        purpose: .editTopic(topicID: topic.id), label: "topic", text: topic.title)
    } else if let priority = selection.priority {
      editPriority(&state, priority)
    } else {
      say(&state, "e edits the selected topic or priority (Topics, Priorities)", isError: true)
    }
    return []
  }

  /// `ctrl+x` in the review: the selected topic's description, in `$EDITOR`.
  private static func describeTopic(_ state: inout AppState) -> [Effect] {
    guard let topic = reviewSelection(state).topic else {
      say(&state, "E describes the selected topic (Topics section)", isError: true)
      return []
    }
    return [
      .openEditor(text: topic.description ?? "", request: .topicDescription(topicID: topic.id))
    ]
  }

  /// Whether the current screen and section have something `e` edits (the status bar hint).
  static func canEditItem(_ state: AppState) -> Bool {
    switch state.screen {
    case .people, .metrics: return true
    case .review:
      let selection = reviewSelection(state)
      return selection.topic != nil || selection.priority != nil
    default: return false
    }
  }

  /// Whether `ctrl+x` has a topic to describe.
  static func canDescribeTopic(_ state: AppState) -> Bool {
    reviewSelection(state).topic != nil
  }
}
