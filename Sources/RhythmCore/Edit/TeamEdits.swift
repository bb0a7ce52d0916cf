import Foundation

/// Teams: added, renamed and removed. A team is known by its name, which its people, cadences,
/// priorities and exchanges hold; renaming or removing one changes every live record that
/// names it, in one commit (one undo).
public enum TeamEdits {
  /// The names of the live teams: the team records and the teams live people belong to.
  public static func names(in reader: some RecordReader) throws(RhythmError) -> Set<String> {
    var names = Set(try reader.all(Team.self).values.filter(\.isLive).map(\.name))
    for person in try reader.all(Person.self).values where person.isLive {
      names.formUnion(person.teams)
    }
    return names
  }

  /// Adds a team that no record and no person names yet.
  /// - Throws: a message when the name is empty, holds a control character, or is taken.
  public static func add(_ typed: String, in reader: some RecordReader) throws(RhythmError)
    -> Edit
  {
    let name = try EditRules.text(typed, field: "team")
    if try names(in: reader).contains(name) {
      throw .message("there is already a team '\(name)'")
    }
    return Edit([creation(of: name)], created: name)
  }

  /// Renames the team `old` to `new`: every live person, cadence, priority and exchange that
  /// names it names the new one.
  /// - Throws: `.notFound` for an unknown team; a message when `new` is taken or not a name.
  public static func rename(_ old: String, to typed: String, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    let known = try names(in: reader)
    guard known.contains(old) else { throw .notFound(kind: "team", reference: old) }
    let new = try EditRules.text(typed, field: "team")
    guard new != old else { return Edit([]) }
    if known.contains(new) { throw .message("there is already a team '\(new)'") }
    var changes: [Change] = [creation(of: new)]
    changes += try retire(old, replacingWith: new, in: reader)
    return Edit(changes, created: new)
  }

  /// Removes the team `name`: its people, cadences and priorities no longer name it (undo
  /// brings it back with them).
  public static func remove(_ name: String, in reader: some RecordReader) throws(RhythmError)
    -> Edit
  {
    guard try names(in: reader).contains(name) else {
      throw .notFound(kind: "team", reference: name)
    }
    return Edit(try retire(name, replacingWith: nil, in: reader))
  }

  /// Makes the team `name`, or brings back a removed team of that name: its `deleted` is
  /// written as `false`, which outweighs the older removal.
  static func creation(of name: String) -> Change {
    var team = Team(name: name)
    team.deleted = false
    return .create(team)
  }

  /// The changes that take `team` out of every live record naming it (putting `replacement`
  /// in its place, when there is one) and mark its record deleted.
  private static func retire(
    _ team: String, replacingWith replacement: String?, in reader: some RecordReader
  ) throws(RhythmError) -> [Change] {
    var changes: [Change] = []
    if try reader.live(Team.self, id: team) != nil {
      changes.append(.update(Team.self, id: team, [.set(\.deleted, true)]))
    }
    for person in try reader.all(Person.self).values.sorted(by: { $0.id < $1.id })
    where person.isLive && person.teams.contains(team) {
      var teams: [String] = []
      for name in person.teams {
        let kept = name == team ? replacement : name
        if let kept, !teams.contains(kept) { teams.append(kept) }
      }
      changes.append(.update(Person.self, id: person.id, [.set(\.teams, teams)]))
    }
    for cadence in try reader.all(Cadence.self).values.sorted(by: { $0.id < $1.id })
    where cadence.isLive && cadence.team == team {
      changes.append(.update(Cadence.self, id: cadence.id, [.set(\.team, replacement)]))
    }
    for priority in try reader.all(Priority.self).values.sorted(by: { $0.id < $1.id })
    where priority.isLive && priority.team == team {
      changes.append(.update(Priority.self, id: priority.id, [.set(\.team, replacement)]))
    }
    // An exchange a removed team gave or got keeps its name: it records what happened.
    guard let replacement else { return changes }
    for exchange in try reader.all(Exchange.self).values.sorted(by: { $0.id < $1.id })
    where exchange.isLive && (exchange.from == team || exchange.to == team) {
      var edits: [FieldEdit<Exchange>] = []
      if exchange.from == team { edits.append(.set(\.from, replacement)) }
      if exchange.to == team { edits.append(.set(\.to, replacement)) }
      changes.append(.update(Exchange.self, id: exchange.id, edits))
    }
    return changes
  }
}
