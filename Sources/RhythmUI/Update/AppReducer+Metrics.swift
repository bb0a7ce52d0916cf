import Foundation
import RhythmCore

// MARK: - The Metrics screen: the scorecard's metrics and this year's priorities

extension AppReducer {
  /// `P` / `tab` on the Metrics screen: the scorecard or the priorities.
  static func togglePriorities(_ state: inout AppState) -> [Effect] {
    state.metricsShowsPriorities.toggle()
    return []
  }

  /// `a` on the Metrics screen: a new metric, or a new priority when they are shown.
  static func addOnMetrics(_ state: inout AppState) -> [Effect] {
    if state.metricsShowsPriorities {
      state.prompt = Prompt(purpose: .addPriority, label: "new priority")
    } else {
      state.prompt = Prompt(purpose: .addMetric, label: "new metric")
    }
    return []
  }

  /// `e` on the Metrics screen: the selected metric (or priority) as its form.
  static func editOnMetrics(_ state: inout AppState) -> [Effect] {
    if state.metricsShowsPriorities {
      let priorities = state.sortedPriorities
      guard let index = state.priorities.selection, priorities.indices.contains(index) else {
        return []
      }
      editPriority(&state, priorities[index])
      return []
    }
    let metrics = state.sortedMetrics
    guard let index = state.metrics.selection, metrics.indices.contains(index) else { return [] }
    let metric = metrics[index]
    let arrow = metric.direction == .higherIsBetter ? ">=" : "<="
    state.prompt = Prompt(
      purpose: .editMetric(metricID: metric.id), label: "edit metric",
      text: "\(metric.name) | @\(metric.owner) | \(arrow)\(Metric.format(metric.target))"
        + " | \(metric.unit)")
    return []
  }

  /// Opens the form of `priority`: `title | @owner | quarter`.
  static func editPriority(_ state: inout AppState, _ priority: Priority) {
    state.prompt = Prompt(
      purpose: .editPriority(priorityID: priority.id), label: "edit priority",
      text: "\(priority.title) | @\(priority.owner) | \(priority.quarter)")
  }

  /// Saves `name | @owner | target | unit | week|month` as a new metric (`id` nil), or over
  /// metric `id` (the period stays). A target `<=5` is lower-is-better; `>=`, or none, higher.
  static func saveMetric(_ state: inout AppState, id: String?, text: String)
    throws(RhythmError) -> [Effect]
  {
    let parts = fields(text)
    let form = "name | @owner | target | unit, such as Win rate | @maria | >=25 | %"
    guard parts.count >= 3, !parts[0].isEmpty else {
      throw .invalidValue(field: "metric", value: text, expected: form)
    }
    let owner = parts[1].isEmpty ? (state.person ?? "") : parts[1]
    let (target, direction) = try targetAndDirection(parts[2])
    let unit = parts.count > 3 ? parts[3] : ""
    if let id {
      let patch = MetricEdits.Patch(
        name: parts[0], owner: owner, unit: unit, target: target, direction: direction)
      return try performing(&state, message: "metric saved") { data, _ throws(RhythmError) in
        try MetricEdits.edit(id, patch, in: data)
      }
    }
    var period = Metric.Period.week
    if parts.count > 4, !parts[4].isEmpty {
      guard let read = Metric.Period(rawValue: parts[4].lowercased()) else {
        throw .invalidValue(field: "period", value: parts[4], expected: "week or month")
      }
      period = read
    }
    return try performing(&state, message: "metric \(parts[0]) added") {
      data, context throws(RhythmError) in
      try MetricEdits.add(
        name: parts[0], owner: owner, unit: unit, target: target,
        direction: direction ?? .higherIsBetter, period: period, in: data, &context)
    }
  }

  /// `>=25`, `≤ 4`, `25`: the target and, when given, which way is good.
  static func targetAndDirection(_ text: String) throws(RhythmError) -> (
    Double, Metric.Direction?
  ) {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    var direction: Metric.Direction?
    for (sign, meaning) in [
      (">=", Metric.Direction.higherIsBetter), ("≥", .higherIsBetter), ("<=", .lowerIsBetter),
      ("≤", .lowerIsBetter),
    ] where rest.hasPrefix(sign) {
      direction = meaning
      rest = rest.dropFirst(sign.count)
      break
    }
    return (try MetricEdits.value(String(rest), field: "target"), direction)
  }

  /// Saves `title | @owner | quarter` as a new priority (`id` nil) or over priority `id`.
  static func savePriority(_ state: inout AppState, id: String?, text: String)
    throws(RhythmError) -> [Effect]
  {
    let parts = fields(text)
    guard let title = parts.first, !title.isEmpty else {
      throw .invalidValue(
        field: "priority", value: text,
        expected: "title | @owner | quarter, such as Launch the partner programme | @maria | Q1")
    }
    let owner = parts.count > 1 && !parts[1].isEmpty ? parts[1] : (state.person ?? "")
    var quarter: Quarter?
    if parts.count > 2, !parts[2].isEmpty {
      guard let read = Quarter(parsing: parts[2], today: state.today) else {
        throw .invalidValue(field: "quarter", value: parts[2], expected: "2026-Q4, 2027Q1 or Q1")
      }
      quarter = read
    }
    if let id {
      let patch = PriorityEdits.Patch(title: title, owner: owner, quarter: quarter)
      return try performing(&state, message: "priority saved") { data, _ throws(RhythmError) in
        try PriorityEdits.edit(id, patch, in: data)
      }
    }
    return try performing(&state, message: "priority \(title) added") {
      data, context throws(RhythmError) in
      try PriorityEdits.add(title, owner: owner, quarter: quarter, in: data, &context)
    }
  }
}
