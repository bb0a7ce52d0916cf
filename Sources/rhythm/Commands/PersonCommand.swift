import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm person add|list`.
struct PersonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "person", abstract: "Add and list people.",
    subcommands: [Add.self, List.self])

  /// `rhythm person add HANDLE [--name NAME] [--team T]... [--email E]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a person (teams are created as needed).")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The handle people type after @ (lower-case letters, digits, - _ .).")
    var handle: String
    @Option(help: "Display name (default: the handle).") var name: String?
    @Option(help: "A team; repeat for several.") var team: [String] = []
    @Option(help: "Email address.") var email: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let edit = try context.commit(store) { store, _ throws(RhythmError) in
        try PeopleEdits.add(handle: handle, name: name, teams: team, email: email, in: store)
      }
      Output.line("added @\(edit.created ?? handle)")
    }
  }

  /// `rhythm person list [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List people with their teams.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let people = try store.records(Person.self).values.sorted { $0.handle < $1.handle }
      if json {
        Output.json(
          .array(
            people.map { person in
              .object([
                "handle": .string(person.handle), "name": .string(person.name),
                "teams": JSONValue(person.teams), "email": JSONValue(person.email),
              ])
            }))
      } else {
        Output.table(
          people.map {
            ["@" + $0.handle, $0.name, $0.teams.joined(separator: ","), $0.email ?? ""]
          })
      }
    }
  }
}
