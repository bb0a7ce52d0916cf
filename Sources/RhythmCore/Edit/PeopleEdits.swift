import Foundation

/// Adding people and the teams they belong to.
public enum PeopleEdits {
  /// Adds a person (name defaults to the handle) and any team of theirs that does not exist.
  /// - Throws: `.invalidHandle`, `.duplicatePerson`.
  public static func add(
    handle typed: String, name: String? = nil, teams: [String] = [], email: String? = nil,
    in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let handle = EditRules.handle(typed)
    guard Person.isValidHandle(handle) else { throw .invalidHandle(handle) }
    guard try reader.live(Person.self, id: handle) == nil else { throw .duplicatePerson(handle) }
    var checkedTeams: [String] = []
    for team in teams where !team.trimmingCharacters(in: .whitespaces).isEmpty {
      checkedTeams.append(try EditRules.text(team, field: "team"))
    }
    let teams = checkedTeams
    var changes: [Change] = []
    for team in teams where try reader.live(Team.self, id: team) == nil {
      changes.append(TeamEdits.creation(of: team))
    }
    let displayName = try name.map { (text) throws(RhythmError) in
      try EditRules.text(text, field: "name")
    }
    let email = try EditRules.optionalText(email, field: "email")
    changes.append(
      .create(Person(handle: handle, name: displayName ?? handle, teams: teams, email: email)))
    return Edit(changes, created: handle)
  }
}
