import Foundation
import RhythmCore

// The live review's own views of agenda sections: topics, scorecard, headlines, conclude and
// priorities (the right pane, beside the agenda, while such a section is the current one).
extension ReviewScreen {
  // MARK: - Topics

  static func renderTopics(
    _ state: AppState, _ session: ReviewSession, _ queue: [Topic], in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    guard
      let rows = frame(
        "Topics: open, in order",
        hint: queue.isEmpty
          ? "  t raises one" : "  \(queue.count) open · J/K move · S solved",
        empty: queue.isEmpty ? "  No open topics for this cadence." : nil, in: area,
        painter: painter,
        on: &surface)
    else { return }
    let numberWidth = 4
    let byWidth = 10
    let columns = [
      Table.Column(width: numberWidth),
      Table.Column(width: max(4, area.width - 2 - numberWidth - byWidth - 2)),
      Table.Column(width: byWidth),
    ]
    painter.table(
      columns, rowCount: queue.count, state: TableState(selection: session.topicSelection),
      hasHeader: false
    ) { index in
      let topic = queue[index]
      return [
        painter.item("\(index + 1).", .muted),
        painter.item(topic.title, .text),
        painter.item(topic.by.map { " @" + $0 } ?? "", .accent),
      ]
    }.render(in: rows, on: &surface)
  }

  // MARK: - Scorecard

  static func renderScorecard(
    _ state: AppState, _ session: ReviewSession, _ metrics: [Metric], in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    guard
      let rows = frame(
        "Scorecard: this period vs target", hint: metrics.isEmpty ? "" : "  enter types the value",
        empty: metrics.isEmpty ? "  No metric owned by the participants." : nil, in: area,
        painter: painter,
        on: &surface)
    else { return }
    let ownerWidth = 8
    let numberWidth = 7
    let lightWidth = 9
    let columns = [
      Table.Column(width: max(4, area.width - 2 - ownerWidth - 2 * numberWidth - lightWidth)),
      Table.Column(width: ownerWidth),
      Table.Column(width: numberWidth, alignment: .right),
      Table.Column(width: numberWidth, alignment: .right),
      Table.Column(width: lightWidth),
    ]
    let today = state.today
    painter.table(
      columns, rowCount: metrics.count, state: TableState(selection: session.metricSelection),
      hasHeader: false
    ) { index in
      let metric = metrics[index]
      let value = metric.values[metric.periodStart(containing: today).description]
      let arrow = metric.direction == .higherIsBetter ? "≥" : "≤"
      let light = value.map { metric.light($0) }
      let role: ThemeRole =
        switch light {
        case .green?: .ok
        case .amber?: .warn
        case .red?: .danger
        case nil: .warn
        }
      return [
        painter.item(metric.name, .text),
        painter.item(" @" + metric.owner, .accent),
        painter.item(value.map { ScreenText.number($0) } ?? "?", role),
        painter.item(arrow + ScreenText.number(metric.target), .muted),
        painter.item(light.map { " ● " + $0.rawValue } ?? "", role),
      ]
    }.render(in: rows, on: &surface)
  }

  // MARK: - Headlines

  static func renderHeadlines(
    _ headlines: [Headline], in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    guard
      let rows = frame(
        "Headlines: good and bad news", hint: "  H tells one (- first: bad news)",
        empty: headlines.isEmpty ? "  None told yet." : nil, in: area, painter: painter,
        on: &surface)
    else { return }
    // Newest at the bottom; when they do not fit, the oldest scroll away.
    for (index, headline) in headlines.suffix(rows.height).enumerated() {
      painter.line(
        [
          painter.segment(
            headline.tone == .good ? "  + " : "  − ", headline.tone == .good ? .ok : .danger),
          painter.segment(headline.by.map { "@" + $0 + " " } ?? "", .accent),
          painter.segment(headline.text, .text),
        ], x: rows.x, y: rows.y + index, width: rows.width, on: &surface)
    }
  }

  // MARK: - Conclude

  static func renderConclude(
    _ state: AppState, _ session: ReviewSession, _ review: Review?, _ roll: [String],
    in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    let attendees = review?.attendees ?? []
    let ratings = review?.ratings ?? [:]
    var summary = "  \(attendees.count)/\(roll.count) came"
    if !ratings.isEmpty, let mean = review?.meanRating {
      summary += " · rated \(Minutes.score(mean)) by \(ratings.count)"
    }
    guard
      let rows = frame(
        "Attendance", hint: summary,
        empty: roll.isEmpty ? "  No participants named for this cadence." : nil, in: area,
        painter: painter,
        on: &surface)
    else { return }
    let columns = [
      Table.Column(width: max(4, area.width - 2 - 20)),
      Table.Column(width: 10),
      Table.Column(width: 10),
    ]
    painter.table(
      columns, rowCount: roll.count, state: TableState(selection: session.attendeeSelection),
      hasHeader: false
    ) { index in
      let handle = roll[index]
      let came = attendees.contains(handle)
      return [
        painter.item("@" + handle, .accent),
        painter.item(came ? "✓ came" : "· away", came ? .ok : .muted),
        painter.item(ratings[handle].map { "\($0)/10" } ?? "", .text),
      ]
    }.render(in: rows, on: &surface)
  }

  // MARK: - Priorities

  static func renderPriorities(
    _ state: AppState, _ session: ReviewSession, _ priorities: [Priority], in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    let quarter = Quarter(containing: state.today).description
    guard
      let rows = frame(
        "Priorities " + quarter,
        hint: priorities.isEmpty ? "" : "  o on track · f off track · d done",
        empty: priorities.isEmpty ? "  No priority of the participants this quarter." : nil,
        in: area, painter: painter,
        on: &surface)
    else { return }
    let ownerWidth = 9
    let statusWidth = 12
    let columns = [
      Table.Column(width: ownerWidth),
      Table.Column(width: max(4, area.width - 2 - ownerWidth - statusWidth)),
      Table.Column(width: statusWidth),
    ]
    painter.table(
      columns, rowCount: priorities.count,
      state: TableState(selection: session.prioritySelection), hasHeader: false
    ) { index in
      let priority = priorities[index]
      let role: ThemeRole =
        switch priority.status {
        case .onTrack: .ok
        case .offTrack: .danger
        case .done: .accent
        case .dropped: .muted
        }
      return [
        painter.item("@" + priority.owner, .accent),
        painter.item(priority.title, .text),
        painter.item(" " + priority.status.rawValue, role),
      ]
    }.render(in: rows, on: &surface)
  }

  // MARK: - Frame

  /// Draws a section view's title line with its key hint and, when `empty` is given, that
  /// line below it. Returns the rows left for the view's list, or nil when it has none.
  private static func frame(
    _ title: String, hint: String, empty: String?, in area: Rect, painter: Painter,
    on surface: inout Surface
  ) -> Rect? {
    painter.line(
      [painter.segment(title, .header), painter.segment(hint, .muted)], x: area.x, y: area.y,
      width: area.width, on: &surface)
    if let empty {
      painter.text(empty, .muted, x: area.x, y: area.y + 1, width: area.width, on: &surface)
      return nil
    }
    return Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
  }
}
