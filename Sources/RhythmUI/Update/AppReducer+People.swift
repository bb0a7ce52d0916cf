import Foundation
import RhythmCore

// MARK: - People and teams, and the unknown @handle of a capture

extension AppReducer {
  /// `a` on the People screen: a new person, `handle | name | teams`.
  static func addPerson(_ state: inout AppState) -> [Effect] {
    state.prompt = Prompt(purpose: .addPerson, label: "new person")
    return []
  }

  /// `e` on the People screen: the selected person's `name | teams`, or a team's name.
  static func editPerson(_ state: inout AppState) -> [Effect] {
    let rows = state.peopleRows
    guard let index = state.people.selection, rows.indices.contains(index) else { return [] }
    let row = rows[index]
    if row.isTeam {
      state.prompt = Prompt(
        purpose: .renameTeam(name: row.key), label: "rename team \(row.key)", text: row.key)
      return []
    }
    guard let person = state.data.people[row.key], person.isLive else { return [] }
    state.prompt = Prompt(
      purpose: .editPerson(handle: person.handle), label: "edit @\(person.handle)",
      text: "\(person.name) | \(person.teams.joined(separator: ", "))")
    return []
  }

  /// `T` on the People screen: a new team.
  static func addTeam(_ state: inout AppState) -> [Effect] {
    state.prompt = Prompt(purpose: .addTeam, label: "new team")
    return []
  }

  /// Saves `handle | name | teams` as a new person.
  static func savePerson(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    let parts = fields(text)
    guard let handle = parts.first, !handle.isEmpty else {
      throw .invalidValue(
        field: "person", value: text,
        expected: "handle | name | teams, such as maria | Maria Rossi | marketing")
    }
    let name = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    let teams = parts.count > 2 ? teamNames(parts[2]) : []
    let effects = try performing(&state, message: "@\(EditRules.handle(handle)) added") {
      data, _ throws(RhythmError) in
      try PeopleEdits.add(handle: handle, name: name, teams: teams, in: data)
    }
    return effects
  }

  /// Saves `name | teams` over a person's.
  static func savePersonEdit(_ state: inout AppState, handle: String, text: String)
    throws(RhythmError) -> [Effect]
  {
    let parts = fields(text)
    let teams = parts.count > 1 ? teamNames(parts[1]) : nil
    return try performing(&state, message: "@\(handle) saved") { data, _ throws(RhythmError) in
      try PeopleEdits.edit(handle: handle, name: parts.first ?? "", teams: teams, in: data)
    }
  }

  /// Saves a new team.
  static func saveTeam(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    try performing(&state, message: "team \(text.trimmingCharacters(in: .whitespaces)) added") {
      data, _ throws(RhythmError) in
      try TeamEdits.add(text, in: data)
    }
  }

  /// Saves a team's new name: its people, cadences and priorities follow.
  static func saveTeamName(_ state: inout AppState, name: String, text: String)
    throws(RhythmError) -> [Effect]
  {
    try performing(&state, message: "\(name) is now \(text.trimmingCharacters(in: .whitespaces))") {
      data, _ throws(RhythmError) in
      try TeamEdits.rename(name, to: text, in: data)
    }
  }

  // MARK: - An unknown @handle

  /// Holds the refused prompt and asks, with one key, whether to add `handle` as a person.
  static func offerPerson(_ state: inout AppState, _ handle: String, held: Prompt) -> [Effect] {
    var held = held
    held.error = nil
    state.heldPrompt = held
    state.prompt = Prompt(
      purpose: .confirmPerson(handle: handle), label: "@\(handle) is not a person here")
    return [.bell]
  }

  /// The answer to ``offerPerson(_:_:held:)``: `y` (or enter) adds the person and submits the
  /// held prompt again, `esc` (or `n`) goes back to it; other keys ring the bell.
  static func answerPerson(_ state: inout AppState, _ handle: String, _ key: KeyEvent)
    -> [Effect]
  {
    let held = state.heldPrompt
    switch (key.key, key.modifiers) {
    case (.character("y"), []), (.character("Y"), []), (.enter, []):
      state.heldPrompt = nil
      state.prompt = held
      do {
        let edit = try edited(&state) { data, _ throws(RhythmError) in
          try PeopleEdits.add(handle: handle, in: data)
        }
        // The person is stored first; the held line is accepted again once they are.
        return commit(&state, edit.changes, message: "@\(handle) added") + [.submit]
      } catch {
        state.prompt?.error = error.description
        return [.bell]
      }
    case (.escape, []), (.character("n"), []), (.character("c"), .ctrl):
      state.heldPrompt = nil
      state.prompt = held
      return []
    default:
      return [.bell]
    }
  }

  // MARK: - Forms

  /// The `|`-separated fields of a one-line form, trimmed.
  static func fields(_ text: String) -> [String] {
    text.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// Team names separated by commas.
  static func teamNames(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }
}
