import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm import csv|taskwarrior FILE`.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Import steps from CSV or a Taskwarrior export.",
    subcommands: [CSVFile.self, TaskwarriorFile.self])

  /// `rhythm import csv FILE [--new-people] [--owner P] [--due D]`.
  struct CSVFile: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "csv", abstract: "Import steps from a CSV file with a header line.",
      discussion: """
        Columns (any order): title (required), owner, due, success, tags
        (separated by spaces), status (open, done, dropped). Other columns
        are ignored. FILE - reads standard input.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The CSV file, or - for standard input.") var file: String
    @Option(help: "Owner of rows with none.") var owner: String?
    @Option(help: "Due date of rows with none.") var due: String?
    @Flag(help: "Add unknown owners as new people.") var newPeople = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let defaultDue = try due.map { (text) throws(RhythmError) in try context.day(text) }
      let steps = try StepsCSV.parse(try ImportCommand.read(file), defaultDue: defaultDue) {
        (text) throws(RhythmError) in try context.day(text)
      }
      try ImportCommand.save(
        consume steps, defaultOwner: owner, newPeople: newPeople, into: try context.openStore(),
        context: context)
    }
  }

  /// `rhythm import taskwarrior FILE [--owner P] [--due D] [--new-people]`.
  struct TaskwarriorFile: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "taskwarrior", abstract: "Import the JSON that `task export` prints.",
      discussion: """
        Pending and waiting tasks become open steps, completed ones done (at
        their end time), deleted ones dropped. The owner is a tag naming a
        known person, else --owner.
        Example: task export | rhythm import taskwarrior - --owner maria --due +1w
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The export file, or - for standard input.") var file: String
    @Option(help: "Owner of tasks with no tag naming a person.") var owner: String?
    @Option(help: "Due date of tasks with none.") var due: String?
    @Flag(help: "Add an unknown --owner as a new person.") var newPeople = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let defaultDue = try due.map { (text) throws(RhythmError) in try context.day(text) }
      let store = try context.openStore()
      let handles = Set(try store.records(Person.self).keys)
      let steps = try Taskwarrior.parse(
        try ImportCommand.read(file), source: file == "-" ? "standard input" : file,
        handles: handles, defaultOwner: nil, defaultDue: defaultDue, timeZone: context.timeZone)
      try ImportCommand.save(
        consume steps, defaultOwner: owner, newPeople: newPeople, into: store, context: context)
    }
  }

  /// The file's bytes (`-`: standard input).
  static func read(_ path: String) throws(RhythmError) -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let contents = FileManager.default.contents(atPath: path) else {
      throw .io(path: path, reason: "cannot read the file")
    }
    return contents
  }

  /// Stores the steps in one bulk commit (one journal append: all of them or none), checking
  /// owners first. Each step is held once: the steps read are let go as their changes are made.
  static func save(
    _ imported: consuming [ImportedStep], defaultOwner: String?, newPeople: Bool,
    into store: Store, context: CommandContext
  ) throws(RhythmError) {
    let count = imported.count
    var items = consume imported
    var editContext = EditContext(
      now: context.clock.now, timeZone: context.timeZone, actor: store.person)
    var added: [String] = []
    try store.commitInBulk { store throws(RhythmError) -> [Change] in
      let changes = try StepEdits.importing(
        items, defaultOwner: defaultOwner, addingPeople: newPeople, in: store, &editContext
      ).changes
      items = []
      added = changes.filter { $0.kind == .person && $0.isCreation }.map(\.id)
      return changes
    }
    let people =
      added.isEmpty
      ? ""
      : " and \(added.count) new \(added.count == 1 ? "person" : "people") (\(added.map { "@" + $0 }.joined(separator: ", ")))"
    Output.line("imported \(count) \(count == 1 ? "step" : "steps")\(people)")
  }
}
