import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm step add|done|drop|reopen|edit|list`.
struct StepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "step", abstract: "Capture, complete and list next steps.",
    subcommands: [
      StepAddCommand.self, StepStatusCommand.Done.self, StepStatusCommand.Drop.self,
      StepStatusCommand.Reopen.self, StepEditCommand.self, StepListCommand.self,
    ])
}

/// `rhythm step add "TITLE @owner due:DATE success:\"…\" #tag"`, or with flags.
struct StepAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a next step; prints its short id.",
    discussion: """
      Quick-add: "Draft booth design @maria due:fri success:\\"approved by VP\\" #conference".
      Dates: 2026-12-01, today, tomorrow, fri, +3d, +2w, eom, eoq.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The step, in quick-add syntax.") var text: [String]
  @Option(help: "Owner's handle.") var owner: String?
  @Option(help: "Due date.") var due: String?
  @Option(help: "What done looks like.") var success: String?
  @Option(help: "A tag; repeat for several.") var tag: [String] = []
  @Option(help: "The review the step comes from (id or short id).") var review: String?
  @Flag(help: "Add the owner as a new person when unknown.") var newPerson = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var parsed = try QuickAdd.parse(text.joined(separator: " "), today: context.today)
    if let owner { parsed.owner = TypedName.handle(owner) }
    if let due { parsed.due = try context.day(due) }
    if let success { parsed.success = success }
    parsed.tags += tag.map { TypedName.tag($0) }
    guard let owner = parsed.owner?.lowercased() else {
      throw RhythmError.message("the step has no owner: add @handle or --owner HANDLE")
    }
    guard let dueDay = parsed.due else {
      throw RhythmError.message(
        "the step has no due date: add due:DATE or --due DATE (e.g. due:fri)")
    }
    let id = store.newID()
    try store.commit { store throws(RhythmError) -> [Change] in
      var changes: [Change] = []
      if try store.records(Person.self)[owner] == nil {
        guard newPerson else { throw .unknownPerson(owner) }
        changes += try PersonCommand.changesAdding(
          handle: owner, name: nil, teams: [], email: nil, to: store)
      }
      var reviewID: String?
      if let review {
        reviewID = try store.resolve(
          review, among: try store.records(Review.self).keys, kind: "review")
      }
      let step = Step(
        id: id, title: parsed.title, owner: owner, due: dueDay, success: parsed.success,
        createdAt: context.clock.now, review: reviewID, tags: parsed.tags)
      changes.append(.create(step))
      return changes
    }
    let short = try store.stepRows(owners: [owner]).first { $0.id == id }?.short ?? id
    Output.line(short)
  }
}

/// `rhythm step done|drop|reopen ID...`.
enum StepStatusCommand {
  /// Marks steps done.
  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "done", abstract: "Mark steps done.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Step ids (4+ characters of the id).") var ids: [String]

    func run() throws { try StepStatusCommand.set(.done, ids: ids, options: storeOptions) }
  }

  /// Drops steps (no longer needed; they leave the figures).
  struct Drop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Drop steps.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Step ids.") var ids: [String]

    func run() throws { try StepStatusCommand.set(.dropped, ids: ids, options: storeOptions) }
  }

  /// Reopens done or dropped steps.
  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reopen", abstract: "Reopen steps.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Step ids.") var ids: [String]

    func run() throws { try StepStatusCommand.set(.open, ids: ids, options: storeOptions) }
  }

  static func set(_ status: Step.Status, ids: [String], options: StoreOptions) throws {
    let context = try CommandContext(options)
    let store = try context.openStore()
    var report: [String] = []
    try store.commit { store throws(RhythmError) -> [Change] in
      var changes: [Change] = []
      var seen = Set<String>()
      for reference in ids {
        let row = try store.resolveStep(reference)
        guard seen.insert(row.id).inserted else { continue }
        if row.status == status {
          Terminal.printError("rhythm: step \(row.short) is already \(status.rawValue)")
          continue
        }
        let completedAt: JSONValue = status == .open ? .null : JSONValue(context.clock.now)
        changes.append(
          .update(
            Step.self, id: row.id, ["status": .string(status.rawValue), "completedAt": completedAt])
        )
        report.append(row.short)
      }
      return changes
    }
    for short in report {
      Output.line("\(status == .open ? "reopened" : status.rawValue) \(short)")
    }
  }
}

/// `rhythm step edit ID [--title --owner --due --success --tag]`.
struct StepEditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a step.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "Step id.") var id: String
  @Option(help: "New title.") var title: String?
  @Option(help: "New owner.") var owner: String?
  @Option(help: "New due date.") var due: String?
  @Option(help: "New success criterion.") var success: String?
  @Option(help: "Replace the tags; repeat for several.") var tag: [String] = []

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var fields: [String: JSONValue] = [:]
    if let title {
      guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw RhythmError.emptyTitle
      }
      fields["title"] = .string(title)
    }
    if let due { fields["due"] = JSONValue(try context.day(due)) }
    if let success { fields["success"] = .string(success) }
    if !tag.isEmpty {
      fields["tags"] = JSONValue(tag.map { TypedName.tag($0) })
    }
    let newOwner = owner.map { TypedName.handle($0) }
    guard !fields.isEmpty || newOwner != nil else {
      throw ValidationError("nothing to change: give --title, --owner, --due, --success or --tag")
    }
    var short = id
    try store.commit { store throws(RhythmError) -> [Change] in
      let row = try store.resolveStep(id)
      short = row.short
      var changed = fields
      if let newOwner {
        guard try store.records(Person.self)[newOwner] != nil else {
          throw .unknownPerson(newOwner)
        }
        changed["owner"] = .string(newOwner)
      }
      return [.update(Step.self, id: row.id, changed)]
    }
    Output.line("changed \(short)")
  }
}
