import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm metric add|set|list`: the scorecard.
struct MetricCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metric", abstract: "Keep the scorecard.",
    subcommands: [Add.self, Set.self, List.self])

  /// `rhythm metric add NAME --owner P --target N [--unit U] [--lower-is-better] [--monthly]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a metric.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The metric's name.") var name: String
    @Option(help: "Owner's handle.") var owner: String
    @Option(help: "The target value.") var target: Double
    @Option(help: "Unit, e.g. %, €, leads.") var unit = ""
    @Flag(help: "Lower values are better (e.g. cost per lead).") var lowerIsBetter = false
    @Flag(help: "One value per month instead of per week.") var monthly = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        try MetricEdits.add(
          name: name, owner: owner, unit: unit, target: target,
          direction: lowerIsBetter ? .lowerIsBetter : .higherIsBetter,
          period: monthly ? .month : .week, in: store, &editContext)
      }
      Output.line(String((edit.created ?? "").suffix(6)))
    }
  }

  /// `rhythm metric set METRIC VALUE [--date D]`: the value of the period containing D.
  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set", abstract: "Enter a period's value.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Metric id or name.") var metric: String
    @Argument(help: "The value.") var value: Double
    @Option(help: "A day in the period (default: today).") var date: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let day =
        try date.map { (text) throws(RhythmError) in try context.day(text) } ?? context.today
      var report = ""
      try context.commit(store) { store, _ throws(RhythmError) in
        let target = try MetricCommand.find(metric, in: store)
        let period = target.periodStart(containing: day)
        report = "\(target.name) for \(target.period.rawValue) of \(period): \(value)"
        return try MetricEdits.setValue(value, of: target.id, on: day, in: store)
      }
      Output.line(report)
    }
  }

  /// `rhythm metric list [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "The scorecard: latest values against target.")
    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let metrics = try store.records(Metric.self).values.sorted {
        ($0.name, $0.id) < ($1.name, $1.id)
      }
      if json {
        Output.json(
          .array(
            metrics.map { metric in
              var values: [String: JSONValue] = [:]
              for (period, value) in metric.values { values[period] = .number(value) }
              return .object([
                "id": .string(metric.id), "name": .string(metric.name),
                "owner": .string(metric.owner),
                "unit": .string(metric.unit), "target": .number(metric.target),
                "direction": .string(metric.direction.rawValue),
                "period": .string(metric.period.rawValue),
                "values": .object(values),
              ])
            }))
        return
      }
      Output.table(
        [["metric", "owner", "latest", "target", ""]]
          + metrics.map { metric in
            let latest = metric.orderedValues.last
            let mark = latest.map { metric.isOnTrack($0.value) ? "on track" : "off track" } ?? ""
            return [
              metric.name, "@" + metric.owner, latest.map { Metric.format($0.value) } ?? "-",
              (metric.direction == .higherIsBetter ? "≥ " : "≤ ")
                + Metric.format(metric.target)
                + (metric.unit.isEmpty ? "" : " " + metric.unit), mark,
            ]
          })
    }
  }

  static func find(_ reference: String, in store: Store) throws(RhythmError) -> Metric {
    let metrics = try store.records(Metric.self)
    if let named = metrics.values.first(where: { $0.name.lowercased() == reference.lowercased() }) {
      return named
    }
    let id = try store.resolve(reference, among: metrics.keys, kind: "metric")
    guard let metric = metrics[id] else { throw .notFound(kind: "metric", reference: reference) }
    return metric
  }
}
