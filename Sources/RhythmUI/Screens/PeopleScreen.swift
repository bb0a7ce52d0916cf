import Foundation
import RhythmCore

/// People and teams: open steps, overdue, due this week, and on-time rate over 13 weeks
/// against the target, with a weekly trend.
enum PeopleScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let title =
      "People & teams · on time over \(CockpitSummary.windowWeeks) weeks · target "
      + ScreenText.percent(state.onTimeTarget)
    let inner = painter.panel(title, in: area, on: &surface)
    guard inner.height > 1 else { return }
    let nameWidth = min(22, inner.width / 5)
    let numberWidth = 8
    let rateWidth = 5
    let trendWidth = 13
    let barWidth = max(6, inner.width - nameWidth - numberWidth * 4 - rateWidth - trendWidth - 6)
    painter.line(
      [
        painter.cell("  person / team", nameWidth + 2, .header),
        painter.cell("open", numberWidth, .header, alignRight: true),
        painter.cell("overdue", numberWidth, .header, alignRight: true),
        painter.cell("this wk", numberWidth, .header, alignRight: true),
        painter.cell("due 13w", numberWidth, .header, alignRight: true),
        painter.segment("  ", .header),
        painter.cell("on time vs target", barWidth, .header),
        painter.cell("rate", rateWidth, .header, alignRight: true),
        painter.segment(" ", .header),
        painter.cell("trend", trendWidth, .header),
      ], x: inner.x, y: inner.y, width: inner.width, on: &surface)
    let rows = state.peopleRows
    let height = inner.height - 1
    let first = state.people.visibleOffset(height: height, count: rows.count)
    for line in 0..<height {
      let index = first + line
      guard index < rows.count else { break }
      let row = rows[index]
      let rate = row.rate
      let y = inner.y + 1 + line
      let selected = index == state.people.selection
      let role = CockpitScreen.rateRole(rate.onTimeRate, target: state.onTimeTarget)
      let used = painter.line(
        [
          painter.segment(selected ? "▶ " : "  ", .accent),
          painter.cell(row.label, nameWidth, row.isTeam ? .title : .text),
          painter.cell(String(rate.open), numberWidth, .text, alignRight: true),
          painter.cell(
            String(rate.overdue), numberWidth, rate.overdue > 0 ? .danger : .muted,
            alignRight: true),
          painter.cell(String(rate.dueThisWeek), numberWidth, .text, alignRight: true),
          painter.cell(String(rate.due), numberWidth, .muted, alignRight: true),
          painter.segment("  ", .text),
        ], x: inner.x, y: y, width: inner.width, on: &surface,
        fill: selected ? painter.selected : nil)
      Bar(
        fraction: rate.onTimeRate ?? 0, target: state.onTimeTarget, style: state.theme[role],
        emptyStyle: state.theme[.muted], targetStyle: state.theme[.muted]
      ).render(in: Rect(x: inner.x + used, y: y, width: barWidth, height: 1), on: &surface)
      let afterBar = inner.x + used + barWidth
      painter.line(
        [
          painter.cell(ScreenText.percent(rate.onTimeRate), rateWidth, role, alignRight: true),
          painter.segment(" ", .text),
        ], x: afterBar, y: y, width: rateWidth + 1, on: &surface)
      Sparkline(values: rate.trend, maximum: 1, style: state.theme[.accent])
        .render(
          in: Rect(x: afterBar + rateWidth + 1, y: y, width: trendWidth, height: 1), on: &surface)
    }
  }
}
