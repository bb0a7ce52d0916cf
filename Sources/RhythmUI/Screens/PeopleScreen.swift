import Foundation
import RhythmCore

/// People and teams: open steps, overdue, due this week, on-time rate over 13 weeks against
/// the target, exchanges given and received in those weeks, and a weekly trend.
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
    let exchangeWidth = 4
    // The weekly trend gives way first on a narrow screen.
    let trendWidth = inner.width >= 100 ? 13 : 0
    let fixed = nameWidth + numberWidth * 4 + rateWidth + exchangeWidth * 2 + trendWidth + 8
    let barWidth = max(6, inner.width - fixed)
    var columns = [
      Table.Column("person / team", width: nameWidth),
      Table.Column("open", width: numberWidth, alignment: .right),
      Table.Column("overdue", width: numberWidth, alignment: .right),
      Table.Column("this wk", width: numberWidth, alignment: .right),
      Table.Column("due 13w", width: numberWidth, alignment: .right, spacing: 2),
      Table.Column("on time vs target", width: barWidth),
      Table.Column("rate", width: rateWidth, alignment: .right, spacing: 1),
      Table.Column("gave", width: exchangeWidth, alignment: .right, spacing: 1),
      Table.Column("got", width: exchangeWidth, alignment: .right, spacing: 1),
    ]
    if trendWidth > 0 { columns.append(Table.Column("trend", width: trendWidth)) }
    let rows = state.peopleRows
    if rows.isEmpty {
      painter.text(
        " No one yet: a adds a person (handle | name | teams), T a team", .muted, x: inner.x,
        y: inner.y, width: inner.width, on: &surface)
      return
    }
    let target = state.onTimeTarget
    painter.table(columns, rowCount: rows.count, state: state.people) { index in
      let row = rows[index]
      let rate = row.rate
      let role = CockpitScreen.rateRole(rate.onTimeRate, target: target)
      let theme = painter.theme
      return [
        painter.item(row.label, row.isTeam ? .title : .text),
        painter.item(String(rate.open), .text),
        painter.item(String(rate.overdue), rate.overdue > 0 ? .danger : .muted),
        painter.item(String(rate.dueThisWeek), .text),
        painter.item(String(rate.due), .muted),
        .widget(
          Bar(
            fraction: rate.onTimeRate ?? 0, target: target, style: theme[role],
            emptyStyle: theme[.muted], targetStyle: theme[.muted])),
        painter.item(ScreenText.percent(rate.onTimeRate), role),
        painter.item(String(rate.given), rate.given > 0 ? .text : .muted),
        painter.item(String(rate.received), rate.received > 0 ? .text : .muted),
      ]
        + (trendWidth > 0
          ? [.widget(Sparkline(values: rate.trend, maximum: 1, style: theme[.accent]))] : [])
    }.render(in: inner, on: &surface)
  }
}
