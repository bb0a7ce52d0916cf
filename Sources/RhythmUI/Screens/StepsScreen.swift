import Foundation
import RhythmCore

/// Steps triage: a filterable, sortable list of steps with multi-select and a detail pane.
///
/// The detail pane shows the step's history. Only the visible rows are drawn.
enum StepsScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let view = state.steps
    let layout = StepsLayout(state, in: area)
    if let detail = layout.detail {
      renderDetail(state, in: detail, painter: painter, on: &surface)
    }
    var title = "Steps · \(view.visible.count) shown"
    let filterText = view.filterText.trimmingCharacters(in: .whitespaces)
    if !filterText.isEmpty { title += " · /\(filterText)" }
    title += " · by \(view.sort.rawValue)"
    if !view.marked.isEmpty { title += " · \(view.marked.count) selected" }
    let inner = painter.panel(title, in: layout.list, on: &surface)
    guard inner.height > 1 else { return }
    table(state, width: inner.width, painter: painter).render(in: layout.table, on: &surface)
    if view.visible.isEmpty {
      let text =
        view.rows.isEmpty
        ? "No steps yet: a to add one, or capture them in a review."
        : "No step matches. Esc clears the filter; status:all shows done and dropped ones."
      painter.text(
        text, .muted, x: inner.x + 2, y: inner.y + 2, width: inner.width - 2, on: &surface)
    }
  }

  /// The triage table for a panel `width` columns wide: only the rows in sight are built.
  private static func table(_ state: AppState, width: Int, painter: Painter) -> Table {
    let view = state.steps
    let tagsWidth = width >= 90 ? 16 : 0
    let titleWidth = max(8, width - 4 - 6 - 10 - 11 - 9 - tagsWidth - 4)
    var columns = [
      Table.Column(width: 1), Table.Column(width: 2), Table.Column("id", width: 6),
      Table.Column("title", width: titleWidth, spacing: 1), Table.Column("owner", width: 10),
      Table.Column("due", width: 11, spacing: 1), Table.Column(width: 9),
    ]
    if tagsWidth > 0 { columns.append(Table.Column(" tags", width: tagsWidth + 1)) }
    let today = state.today
    return painter.table(
      columns, rowCount: view.visible.count, state: view.table, marksSelection: false
    ) { index in
      let step = view.facts(atRow: view.visible[index])
      let isMarked = view.marked.contains(step.id)
      let (statusMark, statusRole) = mark(step.status, due: step.due, today: today)
      let dueRole: ThemeRole =
        step.status != .open
        ? .muted : (step.due < today ? .danger : (step.due == today ? .warn : .text))
      return [
        painter.item(isMarked ? "●" : " ", .marked, keepsStyle: isMarked),
        painter.item(statusMark + " ", statusRole),
        painter.item(state.shortID(step.id), .muted),
        painter.item(step.title, step.status == .open ? .text : .muted),
        painter.item("@" + step.owner, .accent),
        painter.item(ScreenText.day(step.due), dueRole),
        painter.item(
          step.status == .open ? ScreenText.due(step.due, today: today) : step.status.rawValue,
          dueRole),
        painter.item(" " + step.tags.map { "#" + $0 }.joined(separator: " "), .muted),
      ]
    }
  }

  /// The status column: `○` open, `!` overdue, `✓` done, `✗` dropped.
  static func mark(_ step: Step, today: Day) -> (String, ThemeRole) {
    mark(step.status, due: step.due, today: today)
  }

  /// The status column for a step of `status` due on `due`.
  static func mark(_ status: Step.Status, due: Day, today: Day) -> (String, ThemeRole) {
    switch status {
    case .open: return due < today ? ("!", .danger) : ("○", .text)
    case .done: return ("✓", .ok)
    case .dropped: return ("✗", .muted)
    }
  }

  // MARK: - Detail

  private static func renderDetail(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let inner = painter.panel("Detail", in: area, on: &surface)
    guard !inner.isEmpty, let step = state.steps.selectedStep else { return }
    var lines: [[Painter.Segment]] = []
    lines.append([painter.segment(step.title, .title)])
    lines.append([])
    let (statusMark, statusRole) = mark(step, today: state.today)
    let field: (String, String, ThemeRole) -> [Painter.Segment] = { label, value, role in
      [painter.cell(label, 9, .muted), painter.segment(value, role)]
    }
    lines.append(field("id", state.shortID(step.id) + "  (" + step.id + ")", .muted))
    lines.append(field("status", statusMark + " " + step.status.rawValue, statusRole))
    lines.append(field("owner", "@\(step.owner)  \(state.name(of: step.owner))", .accent))
    lines.append(
      field(
        "due", ScreenText.day(step.due) + "  " + ScreenText.due(step.due, today: state.today),
        step.status == .open && step.due < state.today ? .danger : .text))
    lines.append(field("success", step.success ?? "–", step.success == nil ? .muted : .text))
    if !step.tags.isEmpty {
      lines.append(field("tags", step.tags.map { "#" + $0 }.joined(separator: " "), .muted))
    }
    if let reviewID = step.review, let review = state.data.reviews[reviewID] {
      let title = state.data.cadences[review.cadence]?.title ?? review.cadence
      lines.append(
        field(
          "review",
          title + " " + ScreenText.day(Day(containing: review.occurrence, in: state.timeZone)),
          .text))
    }
    lines.append(field("created", ScreenText.dateTime(step.createdAt, in: state.timeZone), .muted))
    if let completedAt = step.completedAt {
      lines.append(field("closed", ScreenText.dateTime(completedAt, in: state.timeZone), .muted))
    }
    lines.append([])
    lines.append([painter.segment("History", .header)])
    if let history = state.steps.history, history.stepID == step.id {
      for entry in history.entries.reversed() {
        lines.append([
          painter.segment(ScreenText.dateTime(entry.at, in: state.timeZone) + " ", .muted),
          painter.segment("@" + entry.person + " ", .accent),
          painter.segment(entry.summary, .text),
        ])
      }
      if history.entries.isEmpty { lines.append([painter.segment("no changes recorded", .muted)]) }
    } else {
      lines.append([painter.segment("loading…", .muted)])
    }
    for (index, segments) in lines.prefix(inner.height).enumerated() {
      painter.line(
        segments, x: inner.x + 1, y: inner.y + index, width: inner.width - 1, on: &surface)
    }
  }
}
