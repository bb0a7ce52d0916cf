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
      case .confirmPerson, .addPerson, .editPerson, .addTeam, .renameTeam, .addMetric, .editMetric,
        .addPriority, .editPriority, .editTopic:
        return try submitSetup(&state, prompt.purpose, text: text)
      case .auditAnswer, .exchange, .right:
        return try submitMeeting(&state, prompt.purpose, text: text)
      }
    } catch {
      // An @handle no one has: offer to add them, then accept the line again.
      if case .unknownPerson(let handle) = error, Person.isValidHandle(handle) {
        return offerPerson(&state, handle, held: prompt)
      }
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

  /// `tab`: completes the `@handle`, `#tag` or `due:` word under the cursor. One candidate is
  /// put in whole (with a space after it); with several, the first is put in and each further
  /// `tab` puts in the next, those that begin with the typed text before those that only
  /// contain it.
  static func complete(_ state: inout AppState) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    let text = prompt.field.value
    if let cycle = prompt.completionCycle, cycle.text == text, cycle.candidates.count > 1 {
      let next = (cycle.index + 1) % cycle.candidates.count
      let current = cycle.candidates[cycle.index]
      let range = cycle.start..<min(cycle.start + current.count, text.count)
      prompt.field = replacing(range, in: text, with: cycle.candidates[next])
      prompt.completionCycle = CompletionCycle(
        candidates: cycle.candidates, index: next, start: cycle.start, text: prompt.field.value)
      state.prompt = prompt
      return []
    }
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
    prompt.completionCycle = nil
    guard let first = candidates.first else {
      prompt.completions = []
      state.prompt = prompt
      return [.bell]
    }
    let range = min(token.range.lowerBound, text.count)..<min(token.range.upperBound, text.count)
    if candidates.count == 1 {
      prompt.field = replacing(range, in: text, with: first + " ")
      prompt.completions = []
    } else {
      prompt.field = replacing(range, in: text, with: first)
      prompt.completions = Array(candidates.prefix(12))
      prompt.completionCycle = CompletionCycle(
        candidates: candidates, index: 0, start: range.lowerBound, text: prompt.field.value)
    }
    state.prompt = prompt
    return []
  }

  /// `text` with the characters in `range` replaced, the cursor after the replacement.
  private static func replacing(_ range: Range<Int>, in text: String, with replacement: String)
    -> TextField
  {
    var characters = Array(text)
    characters.replaceSubrange(range, with: Array(replacement))
    return TextField(value: String(characters), cursor: range.lowerBound + replacement.count)
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
