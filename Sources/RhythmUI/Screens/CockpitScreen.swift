import Foundation
import RhythmCore

/// Home: next reviews with a countdown, overdue and due-this-week steps, on-time rate per
/// owner against the target with a trend, what is off track, and minutes not yet out.
enum CockpitScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let layout = CockpitLayout(state, in: area)
    let tables = state.cockpitTables
    renderReviews(state, in: layout.reviews, table: tables.reviews, painter: painter, on: &surface)
    renderSteps(state, in: layout.steps, table: tables.steps, painter: painter, on: &surface)
    renderOwners(state, in: layout.owners, painter: painter, on: &surface)
    renderOffTrack(state, in: layout.offTrack, painter: painter, on: &surface)
    renderMinutes(state, in: layout.minutes, painter: painter, on: &surface)
  }

  // MARK: - Next reviews

  private static func renderReviews(
    _ state: AppState, in area: Rect, table: TableState, painter: Painter,
    on surface: inout Surface
  ) {
    let inner = painter.panel("Next reviews", in: area, on: &surface)
    guard !inner.isEmpty else { return }
    let upcoming = state.summary.upcoming
    if upcoming.isEmpty {
      painter.text(
        "No cadence yet: 4 then a adds one", .muted, x: inner.x + 1, y: inner.y,
        width: inner.width - 1, on: &surface)
      return
    }
    // Narrow panels drop the date and keep the countdown, which is what matters here.
    let whenWidth = inner.width >= 56 ? 17 : 0
    let countdownWidth = 10
    let columns = [
      Table.Column(
        width: max(4, inner.width - whenWidth - countdownWidth - (whenWidth > 0 ? 4 : 3)),
        spacing: 1),
      Table.Column(width: whenWidth, spacing: whenWidth > 0 ? 1 : 0),
      Table.Column(width: countdownWidth, alignment: .right),
    ]
    painter.table(columns, rowCount: upcoming.count, state: table, hasHeader: false) { index in
      let next = upcoming[index]
      let isLive = next.liveReviewID != nil
      let soon = next.startsAt.timeIntervalSince(state.now) < 3600
      return [
        painter.item(next.title, .text),
        painter.item(ScreenText.dateTime(next.startsAt, in: state.timeZone), .muted),
        painter.item(
          isLive ? "● live" : TimeText.countdown(to: next.startsAt, from: state.now),
          isLive || soon ? .warn : .accent),
      ]
    }.render(in: inner, on: &surface)
  }

  // MARK: - Steps

  private static func renderSteps(
    _ state: AppState, in area: Rect, table: TableState, painter: Painter,
    on surface: inout Surface
  ) {
    let summary = state.summary
    let title = "Overdue \(summary.overdue.count) · due this week \(summary.dueThisWeek.count)"
    let inner = painter.panel(title, in: area, on: &surface)
    guard !inner.isEmpty else { return }
    let steps = state.cockpitSteps
    if steps.isEmpty {
      painter.text(
        "Nothing overdue or due this week.", .ok, x: inner.x + 1, y: inner.y,
        width: inner.width - 1, on: &surface)
      return
    }
    let ownerWidth = 9
    let dueWidth = 9
    let columns = [
      Table.Column(width: max(4, inner.width - ownerWidth - dueWidth - 4), spacing: 1),
      Table.Column(width: ownerWidth),
      Table.Column(width: dueWidth, alignment: .right),
    ]
    let today = state.today
    painter.table(columns, rowCount: steps.count, state: table, hasHeader: false) { index in
      let step = steps[index]
      return [
        painter.item(step.title, .text),
        painter.item("@" + step.owner, .accent),
        painter.item(ScreenText.due(step.due, today: today), step.due < today ? .danger : .warn),
      ]
    }.render(in: inner, on: &surface)
  }

  // MARK: - On-time per owner

  private static func renderOwners(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let target = state.onTimeTarget
    let title =
      "On time, last \(CockpitSummary.windowWeeks) weeks · target \(ScreenText.percent(target))"
      + " · all \(ScreenText.percent(state.summary.overallRate))"
    let inner = painter.panel(title, in: area, on: &surface)
    guard inner.height > 1 else { return }
    let nameWidth = 9
    let rateWidth = 5
    let lateWidth = 5
    let trendWidth = inner.width >= 52 ? 12 : 6
    let barWidth = max(4, inner.width - nameWidth - rateWidth - trendWidth - lateWidth - 4)
    let columns = [
      Table.Column(" owner", width: nameWidth + 1),
      Table.Column("on time vs target", width: barWidth, spacing: 1),
      Table.Column("rate", width: rateWidth, alignment: .right, spacing: 1),
      Table.Column("trend", width: trendWidth),
      Table.Column("late", width: lateWidth, alignment: .right),
    ]
    let owners = state.summary.owners.filter { $0.due > 0 || $0.open > 0 }
    painter.table(columns, rowCount: owners.count, marksSelection: false) { index in
      let rate = owners[index]
      let role = rateRole(rate.onTimeRate, target: target)
      let theme = painter.theme
      return [
        painter.item(" " + rate.key, .text),
        .widget(
          Bar(
            fraction: rate.onTimeRate ?? 0, target: target, style: theme[role],
            emptyStyle: theme[.muted], targetStyle: theme[.muted])),
        painter.item(ScreenText.percent(rate.onTimeRate), role),
        .widget(Sparkline(values: rate.trend, maximum: 1, style: theme[.accent])),
        painter.item(
          rate.overdue > 0 ? String(rate.overdue) : "·", rate.overdue > 0 ? .danger : .muted),
      ]
    }.render(in: inner, on: &surface)
    if owners.isEmpty {
      painter.text(
        " No steps yet: capture some in a review.", .muted, x: inner.x, y: inner.y + 1,
        width: inner.width, on: &surface)
    }
  }

  /// ok at or above target, warn within ten points of it, danger below that.
  static func rateRole(_ rate: Double?, target: Double) -> ThemeRole {
    guard let rate else { return .muted }
    if rate >= target { return .ok }
    if rate >= target - 0.1 { return .warn }
    return .danger
  }

  // MARK: - Off track and minutes

  private static func renderOffTrack(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let inner = painter.panel("Off track", in: area, on: &surface)
    guard !inner.isEmpty else { return }
    var lines: [[Painter.Segment]] = []
    for (metric, value) in state.summary.offTrackMetrics {
      lines.append([
        painter.segment(" ▼ ", .danger),
        painter.segment(metric.name, .text),
        painter.segment(
          "  \(ScreenText.exact(value)) vs \(ScreenText.exact(metric.target)) \(metric.unit)",
          .danger),
        painter.segment("  @" + metric.owner, .muted),
      ])
    }
    for priority in state.summary.offTrackPriorities {
      lines.append([
        painter.segment(" ◆ ", .warn),
        painter.segment(priority.title, .text),
        painter.segment("  @" + priority.owner, .muted),
      ])
    }
    if lines.isEmpty {
      lines.append([painter.segment(" All metrics and priorities on track.", .ok)])
    }
    for (index, segments) in lines.prefix(inner.height).enumerated() {
      painter.line(segments, x: inner.x, y: inner.y + index, width: inner.width, on: &surface)
    }
  }

  private static func renderMinutes(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let pending = state.summary.minutesPending
    let inner = painter.panel("Minutes not out (\(pending.count))", in: area, on: &surface)
    guard !inner.isEmpty else { return }
    if pending.isEmpty {
      painter.text(
        " All minutes are out.", .ok, x: inner.x, y: inner.y,
        width: inner.width, on: &surface)
      return
    }
    for (index, review) in pending.prefix(inner.height).enumerated() {
      let title = state.data.cadences[review.cadence]?.title ?? review.cadence
      let late = state.now.timeIntervalSince(review.endedAt ?? review.occurrence) > 86_400
      painter.line(
        [
          painter.segment(" " + state.shortID(review.id) + "  ", .muted),
          painter.segment(title, .text),
          painter.segment(
            "  " + ScreenText.dateTime(review.occurrence, in: state.timeZone), .muted),
          painter.segment(late ? "  over 24h" : "", .danger),
        ], x: inner.x, y: inner.y + index, width: inner.width, on: &surface)
    }
  }
}
