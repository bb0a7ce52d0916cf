import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm team add|rename|remove|list`: the teams people belong to.
struct TeamCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "team", abstract: "Add, rename, remove and list teams.",
    subcommands: [Add.self, Rename.self, Remove.self, List.self])

  /// `rhythm team add NAME`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a team.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The team's name.") var name: [String]

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let edit = try context.commit(store) { store, _ throws(RhythmError) in
        try TeamEdits.add(name.joined(separator: " "), in: store)
      }
      Output.line("added team \(edit.created ?? name.joined(separator: " "))")
    }
  }

  /// `rhythm team rename OLD NEW`.
  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rename",
      abstract: "Rename a team: its people, cadences, priorities and exchanges follow.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The team's name now.") var old: String
    @Argument(help: "Its new name.") var new: String

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let edit = try context.commit(store) { store, _ throws(RhythmError) in
        try TeamEdits.rename(old, to: new, in: store)
      }
      Output.line("\(old) is now \(edit.created ?? old)")
    }
  }

  /// `rhythm team remove NAME`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove a team: its people, cadences and priorities no longer name it.",
      discussion: "`rhythm undo` brings it back with them.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The team's name.") var name: String

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      try context.commit(store) { store, _ throws(RhythmError) in
        try TeamEdits.remove(name, in: store)
      }
      Output.line("removed team \(name)")
    }
  }

  /// `rhythm team list [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List teams with their people.",
      discussion: "--json prints objects {name, people: [handle]}.")
    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let people = try store.records(Person.self).values.filter(\.isLive)
      let teams = try TeamEdits.names(in: store).sorted {
        ($0.lowercased(), $0) < ($1.lowercased(), $1)
      }
      func members(_ team: String) -> [String] {
        people.filter { $0.teams.contains(team) }.map(\.handle).sorted()
      }
      if json {
        Output.json(
          .array(
            teams.map { team in
              .object(["name": .string(team), "people": JSONValue(members(team))])
            }))
        return
      }
      guard !teams.isEmpty else {
        Output.line("no teams")
        return
      }
      Output.table(
        teams.map { team in [team, members(team).map { "@" + $0 }.joined(separator: " ")] })
    }
  }
}
