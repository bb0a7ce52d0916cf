import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm right add|set|remove|list`: decision rights, who decides what.
struct RightCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "right", abstract: "Keep the decision rights: who decides what.",
    subcommands: [Add.self, Set.self, Remove.self, List.self])

  /// `rhythm right add AREA --decider P [--cadence C]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Name who decides in an area; prints its short id.",
      discussion: "Without --cadence the right holds for everyone.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The area, e.g. \"Campaign spend over 10k\".") var area: [String]
    @Option(help: "Who decides.") var decider: String
    @Option(help: "The cadence whose room agreed it.") var cadence: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        try RightEdits.add(
          area.joined(separator: " "), decider: decider,
          cadence: try cadence.map { (text) throws(RhythmError) in
            try CadenceSupport.cadence(text, in: store).id
          }, in: store, &editContext)
      }
      guard let id = edit.created else { return }
      Output.line(try References.short(DecisionRight.self, id: id, in: store))
    }
  }

  /// `rhythm right set ID [--decider P] [--area TEXT]`.
  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Give a decision right to someone else, or rename its area.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The right: 4+ characters of its id.") var id: String
    @Option(help: "Who decides now.") var decider: String?
    @Option(help: "The area's new name.") var area: String?

    func validate() throws {
      guard decider != nil || area != nil else {
        throw ValidationError("give --decider, --area or both")
      }
    }

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      var id = id
      try context.commit(store) { store, _ throws(RhythmError) in
        id = try References.record(DecisionRight.self, id, kind: "decision right", in: store).id
        return try RightEdits.change(id, area: area, decider: decider, in: store)
      }
      let right = try References.record(DecisionRight.self, id, kind: "decision right", in: store)
      Output.line("\(right.area): @\(right.decider)")
    }
  }

  /// `rhythm right remove ID`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove", abstract: "Remove a decision right.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The right: 4+ characters of its id.") var id: String

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      var area = id
      try context.commit(store) { store, _ throws(RhythmError) in
        let right = try References.record(DecisionRight.self, id, kind: "decision right", in: store)
        area = right.area
        return try RightEdits.remove(right.id, in: store)
      }
      Output.line("removed \(area)")
    }
  }

  /// `rhythm right list [--cadence C] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List decision rights by area.",
      discussion: """
        With --cadence: that cadence's rights and everyone's. --json prints objects {id,
        short, area, decider, cadence (null: everyone)}.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only this cadence's rights and everyone's.") var cadence: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let cadenceID = try cadence.map { (text) throws(RhythmError) in
        try CadenceSupport.cadence(text, in: store).id
      }
      let all = try store.records(DecisionRight.self)
      let rights = all.values.filter {
        cadenceID == nil || $0.cadence == nil || $0.cadence == cadenceID
      }
      .sorted { ($0.area.lowercased(), $0.id) < ($1.area.lowercased(), $1.id) }
      let shorts = ShortIDs.map(Array(all.keys))
      if json {
        Output.json(
          .array(
            rights.map { right in
              .object([
                "id": .string(right.id), "short": .string(shorts[right.id] ?? right.id),
                "area": .string(right.area), "decider": .string(right.decider),
                "cadence": JSONValue(right.cadence),
              ])
            }))
        return
      }
      guard !rights.isEmpty else {
        Output.line("no decision rights")
        return
      }
      let cadences = try store.records(Cadence.self)
      Output.table(
        rights.map { right in
          [
            shorts[right.id] ?? right.id, right.area, "@" + right.decider,
            right.cadence.map { cadences[$0]?.title ?? $0 } ?? "everyone",
          ]
        })
    }
  }
}
