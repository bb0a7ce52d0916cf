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
  @Option(help: "The topic it comes out of (id or short id).") var topic: String?
  @Flag(help: "Add the owner as a new person when unknown.") var newPerson = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var draft = StepEdits.Draft(
      try QuickAdd.parse(text.joined(separator: " "), today: context.today))
    if let owner { draft.owner = owner }
    if let due { draft.due = try context.day(due) }
    if let success { draft.success = success }
    draft.tags += tag
    let edit = try context.commit(store) { store, editContext throws(RhythmError) in
      draft.review = try review.map { (text) throws(RhythmError) in
        try store.resolve(text, among: try store.records(Review.self).keys, kind: "review")
      }
      draft.topic = try References.topic(topic, in: store)
      return try StepEdits.add(draft, addingOwner: newPerson, in: store, &editContext)
    }
    guard let id = edit.created else { return }
    let owner = EditRules.handle(draft.owner ?? "")
    Output.line(try store.stepRows(owners: [owner]).first { $0.id == id }?.short ?? id)
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
    try context.commit(store) { store, editContext throws(RhythmError) in
      var targets: [String] = []
      for reference in ids {
        let row = try store.resolveStep(reference)
        guard !targets.contains(row.id) else { continue }
        if row.status == status {
          Terminal.printError("rhythm: step \(row.short) is already \(status.rawValue)")
          continue
        }
        targets.append(row.id)
        report.append(row.short)
      }
      return try StepEdits.setStatus(status, of: targets, in: store, editContext)
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
    let patch = StepEdits.Patch(
      title: title, owner: owner,
      due: try due.map { (text) throws(RhythmError) in
        try context.day(text)
      }, success: success.map { .some($0) }, tags: tag.isEmpty ? nil : tag)
    guard !patch.isEmpty else {
      throw ValidationError("nothing to change: give --title, --owner, --due, --success or --tag")
    }
    var short = id
    try context.commit(store) { store, _ throws(RhythmError) in
      let row = try store.resolveStep(id)
      short = row.short
      return try StepEdits.edit(row.id, patch, in: store)
    }
    Output.line("changed \(short)")
  }
}
