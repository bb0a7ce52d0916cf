import Foundation
import RhythmCore

/// Home: next reviews with a countdown, overdue and due-this-week steps, on-time rate per
/// owner against the target with a trend, what is off track, and minutes not yet out.
enum CockpitScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let columns = Layout.horizontal([.percentage(50), .fill(1)]).split(area)
    let summary = state.summary
    let reviewRows = min(max(summary.upcoming.count, 1), 6) + 2
    let left = Layout.vertical([.length(reviewRows), .fill(1)]).split(columns[0])
    let ownerRows = min(max(summary.owners.count, 1), 14) + 3
    let offTrackRows = summary.offTrackMetrics.count + summary.offTrackPriorities.count
    let right = Layout.vertical([
      .length(ownerRows), .length(min(max(offTrackRows, 1), 8) + 2), .fill(1),
    ]).split(columns[1])
    let selection = state.cockpit.selection ?? -1
    renderReviews(state, in: left[0], selection: selection, painter: painter, on: &surface)
    renderSteps(
      state, in: left[1], selection: selection - summary.upcoming.count, painter: painter,
      on: &surface)
    renderOwners(state, in: right[0], painter: painter, on: &surface)
    renderOffTrack(state, in: right[1], painter: painter, on: &surface)
    renderMinutes(state, in: right[2], painter: painter, on: &surface)
  }

  // MARK: - Next reviews

  private static func renderReviews(
    _ state: AppState, in area: Rect, selection: Int, painter: Painter, on surface: inout Surface
  ) {
    let inner = painter.panel("Next reviews", in: area, on: &surface)
    guard !inner.isEmpty else { return }
    if state.summary.upcoming.isEmpty {
      painter.text(
        "No cadence yet: rhythm cadence add", .muted, x: inner.x + 1, y: inner.y,
        width: inner.width - 1, on: &surface)
      return
    }
    // Narrow panels drop the date and keep the countdown, which is what matters here.
    let whenWidth = inner.width >= 56 ? 17 : 0
    let countdownWidth = 10
    let titleWidth = max(4, inner.width - whenWidth - countdownWidth - (whenWidth > 0 ? 4 : 3))
    for (index, upcoming) in state.summary.upcoming.prefix(inner.height).enumerated() {
      let isSelected = index == selection
      let isLive = upcoming.liveReviewID != nil
      let countdown =
        isLive
        ? "● live" : ScreenText.countdown(to: upcoming.occurrence, from: state.now)
      let soon = upcoming.occurrence.timeIntervalSince(state.now) < 3600
      let segments = [
        painter.segment(isSelected ? "▶ " : "  ", .accent),
        painter.cell(upcoming.title, titleWidth, .text),
        painter.segment(" ", .text),
        painter.cell(
          ScreenText.dateTime(upcoming.occurrence, in: state.timeZone), whenWidth, .muted),
        painter.segment(whenWidth > 0 ? " " : "", .text),
        painter.cell(
          countdown, countdownWidth, isLive ? .warn : (soon ? .warn : .accent), alignRight: true),
      ]
      row(
        segments, selected: isSelected, x: inner.x, y: inner.y + index, width: inner.width,
        painter: painter, on: &surface)
    }
  }

  // MARK: - Steps

  private static func renderSteps(
    _ state: AppState, in area: Rect, selection: Int, painter: Painter, on surface: inout Surface
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
    let list = ListState(selection: selection >= 0 ? selection : nil)
    let first = list.visibleOffset(height: inner.height, count: steps.count)
    let ownerWidth = 9
    let dueWidth = 9
    let titleWidth = max(4, inner.width - ownerWidth - dueWidth - 4)
    for row in 0..<inner.height {
      let index = first + row
      guard index < steps.count else { break }
      let step = steps[index]
      let isOverdue = step.due < state.today
      let segments = [
        painter.segment(index == selection ? "▶ " : "  ", .accent),
        painter.cell(step.title, titleWidth, .text),
        painter.segment(" ", .text),
        painter.cell("@" + step.owner, ownerWidth, .accent),
        painter.cell(
          ScreenText.due(step.due, today: state.today), dueWidth, isOverdue ? .danger : .warn,
          alignRight: true),
      ]
      Self.row(
        segments, selected: index == selection, x: inner.x, y: inner.y + row, width: inner.width,
        painter: painter, on: &surface)
    }
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
    painter.line(
      [
        painter.cell(" owner", nameWidth + 1, .header),
        painter.cell("on time vs target", barWidth + 1, .header),
        painter.cell("rate", rateWidth, .header, alignRight: true),
        painter.segment(" ", .header),
        painter.cell("trend", trendWidth, .header),
        painter.cell("late", lateWidth, .header, alignRight: true),
      ], x: inner.x, y: inner.y, width: inner.width, on: &surface)
    let owners = state.summary.owners.filter { $0.due > 0 || $0.open > 0 }
    if owners.isEmpty {
      painter.text(
        " No steps yet: capture some in a review.", .muted, x: inner.x, y: inner.y + 1,
        width: inner.width, on: &surface)
    }
    for (index, rate) in owners.prefix(inner.height - 1).enumerated() {
      let y = inner.y + 1 + index
      let role = rateRole(rate.onTimeRate, target: target)
      var x = inner.x
      x += painter.line(
        [painter.cell(" " + rate.key, nameWidth + 1, .text)], x: x, y: y, width: nameWidth + 1,
        on: &surface)
      Bar(
        fraction: rate.onTimeRate ?? 0, target: target, style: state.theme[role],
        emptyStyle: state.theme[.muted], targetStyle: state.theme[.muted]
      ).render(in: Rect(x: x, y: y, width: barWidth, height: 1), on: &surface)
      x += barWidth + 1
      x += painter.line(
        [painter.cell(ScreenText.percent(rate.onTimeRate), rateWidth, role, alignRight: true)],
        x: x, y: y, width: rateWidth, on: &surface)
      x += 1
      Sparkline(values: rate.trend, maximum: 1, style: state.theme[.accent])
        .render(in: Rect(x: x, y: y, width: trendWidth, height: 1), on: &surface)
      x += trendWidth
      painter.line(
        [
          painter.cell(
            rate.overdue > 0 ? String(rate.overdue) : "·", lateWidth,
            rate.overdue > 0 ? .danger : .muted, alignRight: true)
        ], x: x, y: y, width: lateWidth, on: &surface)
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

  /// A list row: its segments, or the whole row in the selection style when selected.
  static func row(
    _ segments: [Painter.Segment], selected: Bool, x: Int, y: Int, width: Int, painter: Painter,
    on surface: inout Surface
  ) {
    if selected {
      let plain = segments.map { Painter.Segment($0.text, painter.selected) }
      painter.line(plain, x: x, y: y, width: width, on: &surface, fill: painter.selected)
    } else {
      painter.line(segments, x: x, y: y, width: width, on: &surface)
    }
  }
}
