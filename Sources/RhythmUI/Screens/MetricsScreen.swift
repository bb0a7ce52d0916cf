import Foundation
import RhythmCore

/// The scorecard: each metric's last periods against its target, this period highlighted;
/// `enter` types this period's value.
enum MetricsScreen {
  /// Periods shown at most.
  static let periods = 13

  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    if state.metricsShowsPriorities {
      renderPriorities(state, in: area, painter: painter, on: &surface)
      return
    }
    let metrics = state.sortedMetrics
    let inner = painter.panel(
      "Scorecard vs target · enter types this period's value · P priorities", in: area,
      on: &surface)
    guard inner.height > 1 else { return }
    if metrics.isEmpty {
      painter.text(
        " No metric yet: a adds one (name | @owner | >=target | unit)", .muted, x: inner.x,
        y: inner.y, width: inner.width, on: &surface)
      return
    }
    let nameWidth = min(24, max(14, inner.width / 5))
    let ownerWidth = 9
    let targetWidth = 9
    let valueWidth = 6
    let fitting = max(1, (inner.width - nameWidth - ownerWidth - targetWidth - 3) / valueWidth)
    let count = min(periods, fitting)
    // When every metric has the same period, the columns can be labelled with their dates.
    var valuesTitle = "oldest → this period"
    if let sample = metrics.first, metrics.allSatisfy({ $0.period == sample.period }) {
      let current = sample.periodStart(containing: state.today)
      valuesTitle = lastPeriods(of: sample, ending: current, count: count).map { period in
        let (_, month, day) = period.components
        let label =
          sample.period == .week ? "\(day)/\(month)" : ScreenText.shortDay(period).suffix(3)
        return painter.cell(String(label), valueWidth, .header, alignRight: true).text
      }.joined()
    }
    let columns = [
      Table.Column("metric", width: nameWidth - 1, spacing: 1),
      Table.Column("owner", width: ownerWidth),
      Table.Column("target", width: targetWidth, alignment: .right, spacing: 1),
      Table.Column(valuesTitle, width: valueWidth * count, alignment: .right),
    ]
    let today = state.today
    painter.table(columns, rowCount: metrics.count, state: state.metrics) { index in
      let metric = metrics[index]
      let arrow = metric.direction == .higherIsBetter ? "≥" : "≤"
      let current = metric.periodStart(containing: today)
      let values = lastPeriods(of: metric, ending: current, count: count).map { period in
        guard let value = metric.values[period.description] else {
          return painter.cell(
            period == current ? "?" : "·", valueWidth, period == current ? .warn : .muted,
            alignRight: true)
        }
        let role: ThemeRole = metric.isOnTrack(value) ? .ok : .danger
        var cell = painter.cell(ScreenText.number(value), valueWidth, role, alignRight: true)
        if period == current { cell.style = painter.theme[role].bold() }
        return cell
      }
      return [
        painter.item(metric.name, .text),
        painter.item("@" + metric.owner, .accent),
        painter.item(
          arrow + ScreenText.number(metric.target) + unitSuffix(metric.unit), .muted),
        Table.Cell(spans: values),
      ]
    }.render(in: inner, on: &surface)
  }

  /// The priorities view: every live priority, the latest quarter first.
  private static func renderPriorities(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let priorities = state.sortedPriorities
    let inner = painter.panel(
      "Priorities (\(priorities.count)) · P scorecard", in: area, on: &surface)
    guard inner.height > 1 else { return }
    if priorities.isEmpty {
      painter.text(
        " No priority yet: a adds one (title | @owner | quarter)", .muted, x: inner.x,
        y: inner.y, width: inner.width, on: &surface)
      return
    }
    let ownerWidth = 14
    let quarterWidth = 9
    let statusWidth = 10
    let columns = [
      Table.Column(
        "priority", width: max(10, inner.width - ownerWidth - quarterWidth - statusWidth - 4),
        spacing: 1),
      Table.Column("owner", width: ownerWidth, spacing: 1),
      Table.Column("quarter", width: quarterWidth, spacing: 1),
      Table.Column("status", width: statusWidth),
    ]
    let current = Quarter(containing: state.today).description
    painter.table(columns, rowCount: priorities.count, state: state.priorities) { index in
      let priority = priorities[index]
      let role: ThemeRole
      switch priority.status {
      case .onTrack: role = .ok
      case .offTrack: role = .danger
      case .done, .dropped: role = .muted
      }
      return [
        painter.item(priority.title, priority.quarter == current ? .text : .muted),
        painter.item("@" + priority.owner, .accent),
        painter.item(priority.quarter, .muted),
        painter.item(priority.status.rawValue, role),
      ]
    }.render(in: inner, on: &surface)
  }

  private static func unitSuffix(_ unit: String) -> String {
    unit == "%" ? "%" : ""
  }

  /// The first days of the `count` periods ending with `current`, oldest first.
  static func lastPeriods(of metric: Metric, ending current: Day, count: Int) -> [Day] {
    var result: [Day] = [current]
    var day = current
    while result.count < count {
      day = metric.periodStart(containing: day.adding(days: -1))
      result.append(day)
    }
    return result.reversed()
  }
}
