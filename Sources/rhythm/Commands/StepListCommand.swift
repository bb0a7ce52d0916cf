import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm step list [--owner P] [--team T] [--status S] [--due-before D] [--json]`.
struct StepListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List steps (all statuses unless --status), by due date.")

  /// Which steps by status.
  enum StatusFilter: String, ExpressibleByArgument, CaseIterable {
    case all, open, done, dropped, overdue
  }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "Only this owner's steps.") var owner: String?
  @Option(help: "Only steps of this team's people.") var team: String?
  @Option(help: "all, open, done, dropped or overdue (open and past due).") var status:
    StatusFilter = .all
  @Option(help: "Only steps due before this date.") var dueBefore: String?
  @Option(help: "Only steps due on or after this date.") var dueAfter: String?
  @Option(help: "Only steps with this tag.") var tag: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let today = context.today
    var owners: Set<String>?
    if let owner {
      let handle = EditRules.handle(owner)
      guard try store.records(Person.self)[handle] != nil else {
        throw RhythmError.unknownPerson(handle)
      }
      owners = [handle]
    }
    if let team {
      let members = try store.records(Person.self).values.filter { $0.teams.contains(team) }
      let knownTeam = try store.records(Team.self)[team] != nil
      guard !members.isEmpty || knownTeam else {
        throw RhythmError.notFound(kind: "team", reference: team)
      }
      let handles = Set(members.map(\.handle))
      owners = owners.map { $0.intersection(handles) } ?? handles
    }
    let before = try dueBefore.map { (text) throws(RhythmError) in try context.day(text) }
    let after = try dueAfter.map { (text) throws(RhythmError) in try context.day(text) }
    var rows = try store.stepRows(owners: owners).filter { row in
      if let owners, !owners.contains(row.owner) { return false }
      if let before, row.due >= before { return false }
      if let after, row.due < after { return false }
      switch status {
      case .all: return true
      case .overdue: return row.status == .open && row.due < today
      case .open: return row.status == .open
      case .done: return row.status == .done
      case .dropped: return row.status == .dropped
      }
    }
    rows.sort { ($0.due, $0.id) < ($1.due, $1.id) }
    var steps = try store.steps(rows)
    if let tag {
      let wanted = EditRules.tag(tag)
      let keep = steps.map { $0.tags.contains(wanted) }
      steps = zip(steps, keep).filter(\.1).map(\.0)
      rows = zip(rows, keep).filter(\.1).map(\.0)
    }
    if json {
      Output.json(
        .array(zip(rows, steps).map { row, step in StepListCommand.json(step, short: row.short) }))
      return
    }
    guard !steps.isEmpty else {
      Output.line("no steps")
      return
    }
    Output.table(
      zip(rows, steps).map { row, step in
        let state =
          step.isOverdue(now: context.clock.now, in: context.timeZone)
          ? "overdue" : step.status.rawValue
        return [row.short, step.due.description, "@" + step.owner, state, step.title]
      })
  }

  /// A step as `step list --json` prints it.
  static func json(_ step: Step, short: String) -> JSONValue {
    .object([
      "id": .string(step.id), "short": .string(short), "title": .string(step.title),
      "owner": .string(step.owner), "due": JSONValue(step.due),
      "status": .string(step.status.rawValue),
      "success": JSONValue(step.success), "createdAt": JSONValue(step.createdAt),
      "completedAt": JSONValue(step.completedAt), "review": JSONValue(step.review),
      "tags": JSONValue(step.tags), "topic": JSONValue(step.topic),
    ])
  }
}
