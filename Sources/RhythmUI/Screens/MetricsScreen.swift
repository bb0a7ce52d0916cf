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
    let metrics = state.sortedMetrics
    let inner = painter.panel(
      "Scorecard vs target · enter types this period's value", in: area, on: &surface)
    guard inner.height > 1 else { return }
    if metrics.isEmpty {
      painter.text(
        " No metric yet: rhythm metric add", .muted, x: inner.x, y: inner.y, width: inner.width,
        on: &surface)
      return
    }
    let nameWidth = min(24, max(14, inner.width / 5))
    let ownerWidth = 9
    let targetWidth = 9
    let valueWidth = 6
    let fitting = max(1, (inner.width - nameWidth - ownerWidth - targetWidth - 3) / valueWidth)
    let count = min(periods, fitting)
    var header = [
      painter.cell("  metric", nameWidth + 2, .header),
      painter.cell("owner", ownerWidth, .header),
      painter.cell("target", targetWidth, .header, alignRight: true),
      painter.segment(" ", .header),
    ]
    // When every metric has the same period, the columns can be labelled with their dates.
    if let sample = metrics.first, metrics.allSatisfy({ $0.period == sample.period }) {
      let current = sample.periodStart(containing: state.today)
      for period in lastPeriods(of: sample, ending: current, count: count) {
        let (_, month, day) = period.components
        let label =
          sample.period == .week ? "\(day)/\(month)" : ScreenText.shortDay(period).suffix(3)
        header.append(painter.cell(String(label), valueWidth, .header, alignRight: true))
      }
    } else {
      header.append(
        painter.cell("oldest → this period", valueWidth * count, .header, alignRight: true))
    }
    painter.line(header, x: inner.x, y: inner.y, width: inner.width, on: &surface)
    let first = state.metrics.visibleOffset(height: inner.height - 1, count: metrics.count)
    for line in 0..<(inner.height - 1) {
      let index = first + line
      guard index < metrics.count else { break }
      let metric = metrics[index]
      let selected = index == state.metrics.selection
      let y = inner.y + 1 + line
      let arrow = metric.direction == .higherIsBetter ? "≥" : "≤"
      var segments = [
        painter.segment(selected ? "▶ " : "  ", .accent),
        painter.cell(metric.name, nameWidth - 1, .text),
        painter.segment(" ", .text),
        painter.cell("@" + metric.owner, ownerWidth, .accent),
        painter.cell(
          arrow + ScreenText.number(metric.target) + unitSuffix(metric.unit), targetWidth, .muted,
          alignRight: true),
        painter.segment(" ", .text),
      ]
      let current = metric.periodStart(containing: state.today)
      for period in lastPeriods(of: metric, ending: current, count: count) {
        let key = period.description
        if let value = metric.values[key] {
          let role: ThemeRole = metric.isOnTrack(value) ? .ok : .danger
          let text = ScreenText.number(value)
          segments.append(
            painter.cell(text, valueWidth, period == current ? .title : role, alignRight: true))
          if period == current { segments[segments.count - 1].style = state.theme[role].bold() }
        } else {
          segments.append(
            painter.cell(
              period == current ? "?" : "·", valueWidth, period == current ? .warn : .muted,
              alignRight: true))
        }
      }
      CockpitScreen.row(
        segments, selected: selected, x: inner.x, y: y, width: inner.width, painter: painter,
        on: &surface)
    }
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
