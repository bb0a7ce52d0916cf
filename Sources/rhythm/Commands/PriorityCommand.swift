import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm priority add|set|edit|list`: quarterly priorities.
struct PriorityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "priority", abstract: "Set quarterly priorities and their status.",
    subcommands: [Add.self, Set.self, Edit.self, List.self])

  /// `rhythm priority add TITLE --owner P [--quarter 2026-Q4] [--team T]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a priority (on track); prints its short id.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The priority.") var title: [String]
    @Option(help: "Owner's handle.") var owner: String
    @Option(help: "The quarter: 2026-Q4, 2026Q4 or Q4 (default: this quarter).") var quarter:
      String?
    @Option(help: "The team it belongs to.") var team: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let quarter = try self.quarter.map { (text) throws(RhythmError) in
        try References.quarter(text, today: context.today)
      }
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        try PriorityEdits.add(
          title.joined(separator: " "), owner: owner, quarter: quarter, team: team, in: store,
          &editContext)
      }
      guard let id = edit.created else { return }
      Output.line(try References.short(Priority.self, id: id, in: store))
    }
  }

  /// `rhythm priority set ID on-track|off-track|done|dropped`.
  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set", abstract: "Set a priority's status.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The priority: 4+ characters of its id.") var id: String
    @Argument(help: "on-track, off-track, done or dropped.") var status: Priority.Status

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      var short = id
      try context.commit(store) { store, _ throws(RhythmError) in
        let priority = try References.record(Priority.self, id, kind: "priority", in: store)
        short = try References.short(Priority.self, id: priority.id, in: store)
        return try PriorityEdits.setStatus(status, of: [priority.id], in: store)
      }
      Output.line("\(short) \(status.rawValue)")
    }
  }

  /// `rhythm priority edit ID [--title T] [--owner P] [--quarter Q] [--team T]`.
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit", abstract: "Change a priority.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The priority: 4+ characters of its id.") var id: String
    @Option(help: "New title.") var title: String?
    @Option(help: "New owner.") var owner: String?
    @Option(help: "New quarter.") var quarter: String?
    @Option(help: "New team.") var team: String?

    func run() throws {
      guard title != nil || owner != nil || quarter != nil || team != nil else {
        throw ValidationError("nothing to change: give --title, --owner, --quarter or --team")
      }
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let patch = PriorityEdits.Patch(
        title: title, owner: owner,
        quarter: try quarter.map { (text) throws(RhythmError) in
          try References.quarter(text, today: context.today)
        }, team: team)
      var short = id
      try context.commit(store) { store, _ throws(RhythmError) in
        let priority = try References.record(Priority.self, id, kind: "priority", in: store)
        short = try References.short(Priority.self, id: priority.id, in: store)
        return try PriorityEdits.edit(priority.id, patch, in: store)
      }
      Output.line("edited \(short)")
    }
  }

  /// `rhythm priority list [--quarter Q|all] [--owner P] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List priorities (default: this quarter's).",
      discussion: """
        --json prints objects {id, short, title, owner, team, quarter, status}, status one of
        on-track, off-track, done, dropped.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "A quarter (2026-Q4, Q4) or all (default: this quarter).") var quarter: String?
    @Option(help: "Only this owner's.") var owner: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      var shownQuarter: String? = Quarter(containing: context.today).description
      if let quarter {
        shownQuarter =
          quarter.lowercased() == "all"
          ? nil : try References.quarter(quarter, today: context.today).description
      }
      let handle = owner.map(EditRules.handle)
      let all = try store.records(Priority.self)
      let priorities = all.values.filter {
        (shownQuarter == nil || $0.quarter == shownQuarter)
          && (handle == nil || $0.owner == handle)
      }
      .sorted { ($0.quarter, $0.owner, $0.title, $0.id) < ($1.quarter, $1.owner, $1.title, $1.id) }
      let shorts = ShortIDs.map(Array(all.keys))
      if json {
        Output.json(
          .array(
            priorities.map { priority in
              .object([
                "id": .string(priority.id), "short": .string(shorts[priority.id] ?? priority.id),
                "title": .string(priority.title), "owner": .string(priority.owner),
                "team": JSONValue(priority.team), "quarter": .string(priority.quarter),
                "status": .string(priority.status.rawValue),
              ])
            }))
        return
      }
      guard !priorities.isEmpty else {
        Output.line("no priorities" + (shownQuarter.map { " for \($0)" } ?? ""))
        return
      }
      Output.table(
        priorities.map { priority in
          [
            shorts[priority.id] ?? priority.id, priority.quarter, "@" + priority.owner,
            priority.team ?? "", priority.status.rawValue, priority.title,
          ]
        })
    }
  }
}

extension Priority.Status: ExpressibleByArgument {}
