import Foundation
import RhythmCore

/// Where the triage list sits, shared by the screen and the reducer (page size and scrolling).
enum StepsLayout {
  /// The width of the detail pane when shown.
  static func detailWidth(for width: Int) -> Int {
    min(56, max(34, width * 2 / 5))
  }

  /// Rows of steps visible in a terminal of `size` (tab bar, panel border, header, status).
  static func listHeight(for size: Size, showsDetail: Bool) -> Int {
    max(1, size.height - 2 - 2 - 1)
  }
}

/// Steps triage: a filterable, sortable list of steps with multi-select and a detail pane.
///
/// The detail pane shows the step's history. Only the visible rows are drawn.
enum StepsScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let view = state.steps
    var listArea = area
    if view.showsDetail {
      let parts = Layout.horizontal([.fill(1), .length(StepsLayout.detailWidth(for: area.width))])
        .split(area)
      listArea = parts[0]
      renderDetail(state, in: parts[1], painter: painter, on: &surface)
    }
    var title = "Steps · \(view.visible.count) shown"
    let filterText = view.filterText.trimmingCharacters(in: .whitespaces)
    if !filterText.isEmpty { title += " · /\(filterText)" }
    title += " · by \(view.sort.rawValue)"
    if !view.marked.isEmpty { title += " · \(view.marked.count) selected" }
    let inner = painter.panel(title, in: listArea, on: &surface)
    guard inner.height > 1 else { return }
    let idWidth = 6
    let ownerWidth = 10
    let dueWidth = 11
    let whenWidth = 9
    let tagsWidth = inner.width >= 90 ? 16 : 0
    let titleWidth = max(
      8, inner.width - 4 - idWidth - ownerWidth - dueWidth - whenWidth - tagsWidth - 4)
    var header = [
      painter.cell("    id", 4 + idWidth, .header),
      painter.cell("title", titleWidth + 1, .header),
      painter.cell("owner", ownerWidth, .header),
      painter.cell("due", dueWidth + 1, .header),
      painter.cell("", whenWidth, .header),
    ]
    if tagsWidth > 0 { header.append(painter.cell(" tags", tagsWidth + 1, .header)) }
    painter.line(header, x: inner.x, y: inner.y, width: inner.width, on: &surface)
    let height = inner.height - 1
    if view.visible.isEmpty {
      let text =
        view.rows.isEmpty
        ? "No steps yet: a to add one, or capture them in a review."
        : "No step matches. Esc clears the filter; status:all shows done and dropped ones."
      painter.text(
        text, .muted, x: inner.x + 2, y: inner.y + 2, width: inner.width - 2, on: &surface)
      return
    }
    let first = view.list.visibleOffset(height: height, count: view.visible.count)
    let today = state.today
    for line in 0..<height {
      let index = first + line
      guard index < view.visible.count else { break }
      let step = view.rows[view.visible[index]].step
      let isSelected = index == view.list.selection
      let isMarked = view.marked.contains(step.id)
      let (statusMark, statusRole) = mark(step, today: today)
      let dueRole: ThemeRole =
        step.status != .open
        ? .muted : (step.due < today ? .danger : (step.due == today ? .warn : .text))
      var segments = [
        painter.segment(isMarked ? "●" : " ", .marked),
        painter.segment(statusMark + " ", statusRole),
        painter.cell(state.shortID(step.id), idWidth, .muted),
        painter.cell(step.title, titleWidth, step.status == .open ? .text : .muted),
        painter.segment(" ", .text),
        painter.cell("@" + step.owner, ownerWidth, .accent),
        painter.cell(ScreenText.day(step.due), dueWidth, dueRole),
        painter.segment(" ", .text),
        painter.cell(
          step.status == .open ? ScreenText.due(step.due, today: today) : step.status.rawValue,
          whenWidth, dueRole),
      ]
      if tagsWidth > 0 {
        segments.append(
          painter.cell(
            " " + step.tags.map { "#" + $0 }.joined(separator: " "), tagsWidth + 1, .muted))
      }
      CockpitScreen.row(
        segments, selected: isSelected, x: inner.x, y: inner.y + 1 + line, width: inner.width,
        painter: painter, on: &surface)
      if isMarked && isSelected {
        painter.text("●", .marked, x: inner.x, y: inner.y + 1 + line, width: 1, on: &surface)
      }
    }
  }

  /// The status column: `○` open, `!` overdue, `✓` done, `✗` dropped.
  static func mark(_ step: Step, today: Day) -> (String, ThemeRole) {
    switch step.status {
    case .open: return step.due < today ? ("!", .danger) : ("○", .text)
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
