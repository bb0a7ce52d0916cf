import Foundation

// MARK: - Editing people

extension PeopleEdits {
  /// Changes a person's name, teams or email (`nil` leaves a field as it is); a team of theirs
  /// that does not exist yet is added.
  /// - Throws: `.unknownPerson`, or a message for empty or control-character text.
  public static func edit(
    handle typed: String, name: String? = nil, teams: [String]? = nil, email: String? = nil,
    in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let handle = EditRules.handle(typed)
    guard let person = try reader.live(Person.self, id: handle) else {
      throw .unknownPerson(handle)
    }
    var changes: [Change] = []
    var edits: [FieldEdit<Person>] = []
    if let name {
      let name = try EditRules.text(name, field: "name")
      if name != person.name { edits.append(.set(\.name, name)) }
    }
    if let teams {
      var checked: [String] = []
      for team in teams where !team.trimmingCharacters(in: .whitespaces).isEmpty {
        let name = try EditRules.text(team, field: "team")
        if !checked.contains(name) { checked.append(name) }
      }
      for team in checked where try reader.live(Team.self, id: team) == nil {
        changes.append(TeamEdits.creation(of: team))
      }
      if checked != person.teams { edits.append(.set(\.teams, checked)) }
    }
    if let email {
      let trimmed = email.trimmingCharacters(in: .whitespaces)
      let value = try EditRules.optionalText(trimmed, field: "email").flatMap {
        $0.isEmpty ? nil : $0
      }
      if value != person.email { edits.append(.set(\.email, value)) }
    }
    guard !edits.isEmpty else { return Edit(changes) }
    return Edit(changes + [.update(Person.self, id: handle, edits)])
  }
}
