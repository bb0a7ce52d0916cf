import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm stats [--by owner|team|cadence] [--window 13w] [--json]`: due, done, on time and
/// overdue per owner, team or cadence, with completion and on-time rates.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats", abstract: "Completion and on-time rates per owner, team or cadence.",
    discussion: """
      due: steps due in the window (dropped ones excluded); done: of those, done at any time;
      onTime: done on or before the end of the due day; overdue: open steps past due (any date);
      given, received (by owner or team; null by cadence): exchanges logged in the window. A
      person or team with exchanges but no steps has a row too.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "owner, team or cadence.") var by: InsightGrouping = .owner
  @Option(help: "The window ending today: 4w, 13w, 26w or 52w.") var window = "13w"
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let range = try InsightWindow.parse(window, today: context.today)
    var teamsByOwner: [String: [String]] = [:]
    if by != .cadence {
      for person in try store.records(Person.self).values {
        teamsByOwner[person.handle] = person.teams
      }
    }
    var rows = Insights.rows(
      for: try store.stepFacts(), by: by, window: range, now: context.clock.now,
      timeZone: context.timeZone, teamsByOwner: teamsByOwner)
    if by != .cadence {
      let counts = Insights.exchangeCounts(
        try store.records(Exchange.self).values, by: by, window: range,
        timeZone: context.timeZone, teamsByOwner: teamsByOwner)
      rows = Insights.adding(counts, to: rows)
    }
    if by == .cadence {
      let cadences = try store.records(Cadence.self)
      rows = rows.map { row in
        var named = row
        named.key = cadences[row.key]?.title ?? row.key
        return named
      }.sorted { $0.key < $1.key }
    }
    if json {
      Output.json(
        .object([
          "window": .object(["start": JSONValue(range.start), "end": JSONValue(range.end)]),
          "rows": .array(
            rows.map { row in
              .object([
                "key": .string(row.key), "due": .number(Double(row.due)),
                "done": .number(Double(row.done)),
                "onTime": .number(Double(row.onTime)), "overdue": .number(Double(row.overdue)),
                "completionRate": row.completionRate.map(JSONValue.number) ?? .null,
                "onTimeRate": row.onTimeRate.map(JSONValue.number) ?? .null,
                "given": by == .cadence ? .null : row.given.json,
                "received": by == .cadence ? .null : row.received.json,
              ])
            }),
        ]))
      return
    }
    Output.line("\(range.start) – \(range.end)")
    let exchanges = by != .cadence
    Output.table(
      [
        [by.rawValue, "due", "done", "on time", "overdue", "done %", "on-time %"]
          + (exchanges ? ["given", "received"] : [])
      ]
        + rows.map { row in
          [
            row.key, String(row.due), String(row.done), String(row.onTime), String(row.overdue),
            Output.percent(row.completionRate), Output.percent(row.onTimeRate),
          ] + (exchanges ? [String(row.given), String(row.received)] : [])
        })
  }
}

extension InsightGrouping: ExpressibleByArgument {}
