import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm exchange add|list`: help given unasked, counted because trust grows from it.
struct ExchangeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exchange", abstract: "Log and list help one person or team gave another.",
    subcommands: [Add.self, List.self])

  /// `rhythm exchange add FROM TO TEXT [--date D]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Log an exchange; prints its short id.",
      discussion: """
        FROM and TO are @person or a team (a bare name is a team when there is one, else a
        person). --date is today or a past day.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Who gave the help: @person or a team.") var from: String
    @Argument(help: "Who received it: @person or a team.") var to: String
    @Argument(help: "What the help was.") var text: [String]
    @Option(help: "When (default: today).") var date: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let day = try date.map { (text) throws(RhythmError) in try context.day(text) }
      let store = try context.openStore()
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        try ExchangeEdits.add(
          from: from, to: to, text.joined(separator: " "), on: day, in: store, &editContext)
      }
      guard let id = edit.created else { return }
      Output.line(try References.short(Exchange.self, id: id, in: store))
    }
  }

  /// `rhythm exchange list [--window 13w] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List exchanges in a window ending today, newest first.",
      discussion: "--json prints objects {id, short, from, to, text, date (YYYY-MM-DD)}.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The window ending today: 4w, 13w, 26w or 52w.") var window = "13w"
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let range = try InsightWindow.parse(window, today: context.today)
      let store = try context.openStore()
      let all = try store.records(Exchange.self)
      let exchanges = all.values.filter {
        range.contains(Day(containing: $0.createdAt, in: context.timeZone))
      }
      .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
      let shorts = ShortIDs.map(Array(all.keys))
      if json {
        Output.json(
          .array(
            exchanges.map { exchange in
              .object([
                "id": .string(exchange.id), "short": .string(shorts[exchange.id] ?? exchange.id),
                "from": .string(exchange.from), "to": .string(exchange.to),
                "text": .string(exchange.text),
                "date": JSONValue(Day(containing: exchange.createdAt, in: context.timeZone)),
              ])
            }))
        return
      }
      guard !exchanges.isEmpty else {
        Output.line("no exchanges from \(range.start) to \(range.end)")
        return
      }
      let people = try store.records(Person.self)
      func party(_ name: String) -> String { people[name] == nil ? name : "@" + name }
      Output.table(
        exchanges.map { exchange in
          [
            shorts[exchange.id] ?? exchange.id,
            Day(containing: exchange.createdAt, in: context.timeZone).description,
            party(exchange.from) + " → " + party(exchange.to), exchange.text,
          ]
        })
    }
  }
}
