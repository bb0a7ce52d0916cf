import Foundation
import RhythmCore

// MARK: - The input line

extension AppReducer {
  static func submit(_ state: inout AppState) -> [Effect] {
    guard let prompt = state.prompt else { return [] }
    let text = prompt.field.value
    state.prompt = nil
    do {
      switch prompt.purpose {
      case .capture:
        guard !text.isEmpty else { return [] }
        return try captureStep(&state, text: text)
      case .decision:
        guard !text.isEmpty else { return [] }
        return try recordDecision(&state, text: text)
      case .note:
        guard !text.isEmpty else { return [] }
        return try recordNote(&state, text: text)
      case .attendeeRating(let handle): return try rateAsAttendee(&state, handle, text: text)
      case .headline:
        guard !text.isEmpty else { return [] }
        return try recordHeadline(&state, text: text)
      case .topic:
        guard !text.isEmpty else { return [] }
        return try raiseTopic(&state, text: text)
      case .rating: return try rate(&state, text: text)
      case .filter:
        state.steps.setFilter(text)
        return []
      case .owner: return try changeOwner(&state, text: text)
      case .due: return try changeDue(&state, text: text)
      case .edit(let id): return try saveEdit(&state, id: id, text: text)
      case .addStep:
        guard !text.isEmpty else { return [] }
        return try addStep(&state, text: text)
      case .metricValue(let id): return try saveValue(&state, metricID: id, text: text)
      case .addCadence: return try saveCadence(&state, id: nil, text: text)
      case .editCadence(let id): return try saveCadence(&state, id: id, text: text)
      case .command: return try command(&state, text: text)
      case .auditAnswer, .exchange, .right:
        return try submitMeeting(&state, prompt.purpose, text: text)
      }
    } catch {
      // Keep what was typed so one fix and enter is enough.
      var kept = prompt
      kept.error = error.description
      state.prompt = kept
      return [.bell]
    }
  }

  static func cancel(_ state: inout AppState) -> [Effect] {
    guard let prompt = state.prompt else { return [] }
    if prompt.purpose == .filter { state.steps.setFilter(prompt.original) }
    state.prompt = nil
    return []
  }

  /// `tab`: completes the `@handle`, `#tag` or `due:` word under the cursor; with several
  /// candidates, completes their common beginning and lists them.
  static func complete(_ state: inout AppState) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    let text = prompt.field.value
    var token = QuickAddCompletion.token(at: prompt.field.cursor, in: text)
    if token == nil, prompt.purpose == .owner {
      let bare = text.hasPrefix("@") ? String(text.dropFirst()) : text
      token = QuickAddCompletion.Token(
        kind: .owner, prefix: bare, range: (text.count - bare.count)..<text.count)
    }
    guard let token else { return [.bell] }
    let options: [String]
    switch token.kind {
    case .owner: options = state.data.people.values.filter(\.isLive).map(\.id)
    case .tag: options = Array(Set(state.data.steps.values.lazy.flatMap(\.tags)))
    case .due: options = QuickAddCompletion.dateWords
    }
    let candidates = QuickAddCompletion.candidates(prefix: token.prefix, from: options)
    guard let first = candidates.first else {
      prompt.completions = []
      state.prompt = prompt
      return [.bell]
    }
    var replacement = first
    if candidates.count > 1 {
      replacement = candidates.dropFirst().reduce(first) { common, next in
        String(zip(common, next).prefix { $0 == $1 }.map(\.0))
      }
      if replacement.count < token.prefix.count { replacement = token.prefix }
    } else {
      replacement += " "
    }
    var characters = Array(text)
    let range =
      min(
        token.range.lowerBound, characters.count)..<min(
        token.range.upperBound, characters.count)
    characters.replaceSubrange(range, with: Array(replacement))
    prompt.field = TextField(
      value: String(characters), cursor: range.lowerBound + replacement.count)
    prompt.completions = candidates.count > 1 ? Array(candidates.prefix(12)) : []
    state.prompt = prompt
    return []
  }

  /// `:` commands: a screen number or name, `q`/`quit`, `help`, `undo`, `redo`,
  /// `filter TEXT`, `sort KEY`.
  static func command(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    let words = text.split(separator: " ", maxSplits: 1).map(String.init)
    guard let name = words.first?.lowercased() else { return [] }
    let argument = words.count > 1 ? words[1] : ""
    if let number = Int(name), let screen = ScreenID(rawValue: number) {
      return show(&state, screen)
    }
    if let screen = ScreenID.allCases.first(where: { $0.title.lowercased().hasPrefix(name) }) {
      return show(&state, screen)
    }
    switch name {
    case "q", "quit": return update(&state, .quit)
    case "help", "h": return update(&state, .toggleHelp)
    case "undo": return undo(&state)
    case "redo": return redo(&state)
    case "filter":
      _ = show(&state, .steps)
      state.steps.setFilter(argument)
      return []
    case "sort":
      guard let sort = StepSort(rawValue: argument.lowercased()) else {
        throw .invalidValue(
          field: "sort", value: argument, expected: "due, owner, status or created")
      }
      state.steps.setSort(sort)
      return []
    default:
      throw .message(
        "unknown command '\(name)' (try :3, :steps, :filter @maria, :sort owner, :undo, :q)")
    }
  }
}
