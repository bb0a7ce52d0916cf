import Foundation
import RhythmCore

/// Cadences: each with its rule in words and next occurrence; the selected one's details,
/// next occurrences, and a month (or quarter) calendar marking held, skipped, missed, moved and
/// scheduled reviews.
enum CadencesScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let cadences = state.sortedCadences
    let layout = CadencesLayout(state, cadenceCount: cadences.count, in: area)
    renderList(state, cadences, layout: layout, painter: painter, on: &surface)
    guard let index = state.cadences.selection, index < cadences.count else { return }
    let cadence = cadences[index]
    renderDetails(state, cadence, in: layout.details, painter: painter, on: &surface)
    renderCalendar(
      state, cadence, months: state.calendarShowsQuarter ? 3 : 1, in: layout.calendar,
      painter: painter, on: &surface)
  }

  // MARK: - List

  private static func renderList(
    _ state: AppState, _ cadences: [Cadence], layout: CadencesLayout, painter: Painter,
    on surface: inout Surface
  ) {
    let inner = painter.panel("Cadences (\(cadences.count))", in: layout.list, on: &surface)
    guard inner.height > 1 else { return }
    if cadences.isEmpty {
      painter.text(
        " No cadence yet: a adds one (title | rule | agenda | @participants)",
        .muted, x: inner.x, y: inner.y, width: inner.width, on: &surface)
      return
    }
    let titleWidth = min(28, inner.width / 4)
    let nextWidth = 28
    let columns = [
      Table.Column("cadence", width: titleWidth, spacing: 1),
      Table.Column("rule", width: max(8, inner.width - titleWidth - nextWidth - 4), spacing: 1),
      Table.Column("next", width: nextWidth),
    ]
    painter.table(columns, rowCount: cadences.count, state: state.cadences) { index in
      let cadence = cadences[index]
      let upcoming = state.summary.upcoming.first { $0.cadenceID == cadence.id }
      let next =
        upcoming.map {
          ScreenText.dateTime($0.occurrence, in: state.timeZone) + "  "
            + ($0.liveReviewID != nil
              ? "live" : TimeText.countdown(to: $0.occurrence, from: state.now))
        } ?? "–"
      return [
        painter.item(cadence.title, .text),
        painter.item((try? cadence.describeRule()) ?? cadence.rule, .muted),
        painter.item(next, .accent),
      ]
    }.render(in: layout.table, on: &surface)
  }

  // MARK: - Details

  private static func renderDetails(
    _ state: AppState, _ cadence: Cadence, in area: Rect, painter: Painter,
    on surface: inout Surface
  ) {
    let inner = painter.panel(cadence.title, in: area, on: &surface)
    guard !inner.isEmpty else { return }
    var lines: [[Painter.Segment]] = []
    let field: (String, String, ThemeRole) -> [Painter.Segment] = { label, value, role in
      [painter.cell(label, 13, .muted), painter.segment(value, role)]
    }
    lines.append(field("rule", (try? cadence.describeRule()) ?? cadence.rule, .text))
    lines.append(field("RRULE", cadence.rule, .muted))
    lines.append(field("time zone", cadence.timeZone + " · \(cadence.durationMinutes)m", .text))
    lines.append(field("facilitator", cadence.facilitator.map { "@" + $0 } ?? "–", .accent))
    lines.append(
      field("participants", cadence.participants.map { "@" + $0 }.joined(separator: " "), .accent))
    lines.append(
      field(
        "agenda", cadence.agenda.map { "\($0.title) \($0.minutes)" }.joined(separator: " · "),
        .text))
    lines.append([])
    lines.append([painter.segment("Next occurrences", .header)])
    if let schedule = try? cadence.schedule() {
      let from = state.now.addingTimeInterval(-Double(cadence.durationMinutes) * 60)
      let reviews = state.data.reviews.values.filter { $0.cadence == cadence.id && $0.isLive }
      for occurrence in schedule.occurrences(after: from, limit: 5) {
        let status = reviews.first { $0.occurrence == occurrence }?.status
        lines.append([
          painter.segment("  " + ScreenText.dateTime(occurrence, in: state.timeZone), .text),
          painter.segment("  " + TimeText.countdown(to: occurrence, from: state.now), .muted),
          painter.segment(status.map { "  " + $0.rawValue } ?? "", .warn),
        ])
      }
    }
    for (index, segments) in lines.prefix(inner.height).enumerated() {
      painter.line(
        segments, x: inner.x + 1, y: inner.y + index, width: inner.width - 1, on: &surface)
    }
  }

  // MARK: - Calendar

  private static func renderCalendar(
    _ state: AppState, _ cadence: Cadence, months: Int, in area: Rect, painter: Painter,
    on surface: inout Surface
  ) {
    let today = state.today
    let (year, month, _) = today.components
    let shown = year * 12 + (month - 1) + state.calendarOffset
    // A quarter view starts on the quarter's first month.
    let firstIndex = months == 3 ? shown - shown % 3 : shown
    let inner = painter.panel(months == 3 ? "Quarter" : "Month", in: area, on: &surface)
    guard inner.height >= 11 else { return }
    guard let firstDay = Day(year: firstIndex / 12, month: firstIndex % 12 + 1, day: 1),
      let lastMonth = Day(
        year: (firstIndex + months) / 12, month: (firstIndex + months) % 12 + 1, day: 1)
    else { return }
    let range = firstDay.start(in: state.timeZone)..<lastMonth.start(in: state.timeZone)
    let reviews = Array(state.data.reviews.values)
    let entries = (try? cadence.entries(in: range, reviews: reviews, now: state.now)) ?? []
    var marks: [Day: ScheduleEntry.Status] = [:]
    for entry in entries {
      marks[Day(containing: entry.occurrence, in: state.timeZone)] = entry.status
    }
    for offset in 0..<months {
      let index = firstIndex + offset
      let x = inner.x + 1 + offset * CadencesLayout.monthWidth
      renderMonth(
        year: index / 12, month: index % 12 + 1, marks: marks, today: today, x: x, y: inner.y,
        painter: painter, on: &surface)
    }
    let legend: [(String, ThemeRole)] = [
      ("✓ held", .ok), ("– skipped", .muted), ("✗ missed", .danger), ("→ moved", .warn),
      ("• next", .accent),
    ]
    for (index, pair) in stride(from: 0, to: legend.count, by: 2).enumerated() {
      let items = legend[pair..<min(pair + 2, legend.count)]
      painter.line(
        items.flatMap { [painter.segment($0.0, $0.1), painter.segment("  ", .text)] },
        x: inner.x + 1, y: inner.y + 8 + index, width: inner.width - 1, on: &surface)
    }
  }

  private static func renderMonth(
    year: Int, month: Int, marks: [Day: ScheduleEntry.Status], today: Day, x: Int, y: Int,
    painter: Painter, on surface: inout Surface
  ) {
    guard let first = Day(year: year, month: month, day: 1) else { return }
    painter.text(
      ScreenText.monthTitle(year: year, month: month), .title, x: x, y: y, width: 21, on: &surface)
    painter.text("Mo Tu We Th Fr Sa Su", .header, x: x, y: y + 1, width: 21, on: &surface)
    let days = Day.daysIn(month: month, year: year)
    let lead = first.isoWeekday - 1
    for dayNumber in 1...days {
      let cell = lead + dayNumber - 1
      let day = first.adding(days: dayNumber - 1)
      let column = x + (cell % 7) * 3
      let row = y + 2 + cell / 7
      let number = (dayNumber < 10 ? " " : "") + String(dayNumber)
      let (mark, role): (String, ThemeRole)
      switch marks[day] {
      case .held?: (mark, role) = ("✓", .ok)
      case .skipped?: (mark, role) = ("–", .muted)
      case .missed?: (mark, role) = ("✗", .danger)
      case .moved?: (mark, role) = ("→", .warn)
      case .live?: (mark, role) = ("●", .warn)
      case .scheduled?: (mark, role) = ("•", .accent)
      case nil: (mark, role) = (" ", .text)
      }
      let numberRole: ThemeRole = day == today ? .selection : (marks[day] == nil ? .muted : role)
      painter.text(number, numberRole, x: column, y: row, width: 2, on: &surface)
      painter.text(mark, role, x: column + 2, y: row, width: 1, on: &surface)
    }
  }
}
