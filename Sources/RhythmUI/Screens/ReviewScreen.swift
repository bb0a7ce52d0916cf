import Foundation
import RhythmCore

/// The live review: the agenda with timeboxes and a running timer, the check-in of last time's
/// steps, what has been captured (steps, decisions, notes), and after concluding, the recap.
enum ReviewScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard let session = state.review, let cadence = state.data.cadences[session.cadenceID] else {
      let inner = painter.panel("Review", in: area, on: &surface)
      painter.text(
        "No review open: pick one on the cockpit (1) and press enter or r.", .muted,
        x: inner.x + 1, y: inner.y, width: inner.width - 1, on: &surface)
      return
    }
    let review = state.data.reviews[session.reviewID]
    let inner = painter.panel(title(state, session, cadence), in: area, on: &surface)
    guard inner.height > 2 else { return }
    let view = SectionView(state, session)
    let layout = ReviewLayout(checkinCount: view.rows, in: inner)
    renderBanner(state, session, review, in: layout.banner, painter: painter, on: &surface)
    renderAgenda(state, session, cadence, in: layout.agenda, painter: painter, on: &surface)
    let pane = layout.checkins
    switch view {
    case .recap:
      renderRecap(state, session, review, in: layout.right, painter: painter, on: &surface)
      return
    case .topics(let rows, let worked):
      renderTopics(state, session, rows, worked, in: pane, painter: painter, on: &surface)
    case .audit(let roll):
      renderAudit(state, session, review, roll, in: pane, painter: painter, on: &surface)
    case .rights(let rights):
      renderRights(state, session, rights, in: pane, painter: painter, on: &surface)
    case .scorecard(let metrics):
      renderScorecard(state, session, metrics, in: pane, painter: painter, on: &surface)
    case .priorities(let priorities):
      renderPriorities(state, session, priorities, in: pane, painter: painter, on: &surface)
    case .headlines(let headlines):
      renderHeadlines(session, headlines, in: pane, painter: painter, on: &surface)
    case .placeholder(let text):
      painter.text(text, .muted, x: pane.x, y: pane.y, width: pane.width, on: &surface)
    case .conclude(let roll):
      renderConclude(state, session, review, roll, in: pane, painter: painter, on: &surface)
    case .checkin(let steps):
      renderCheckins(state, session, review, steps, in: pane, painter: painter, on: &surface)
    }
    renderCaptured(state, session, in: layout.captured, painter: painter, on: &surface)
  }

  /// What the right pane shows: the current section's own view, or the recap once held.
  private enum SectionView {
    case recap
    case checkin([Step])
    /// The queue then the topics settled here, and the topic being worked with what was
    /// captured under it.
    case topics([Topic], worked: WorkedTopic?)
    case audit([String])
    case rights([DecisionRight])
    case scorecard([Metric])
    case priorities([Priority])
    case headlines([Headline])
    case conclude([String])
    /// A section whose own view is not in the cockpit yet: one line saying where it is kept.
    case placeholder(String)

    /// The view of `session`'s current section (the check-in for kinds without their own).
    init(_ state: AppState, _ session: ReviewSession) {
      guard session.phase != .concluded else {
        self = .recap
        return
      }
      switch state.sectionKind(of: session) {
      case .topics?:
        self = .topics(
          state.topicRows(for: session), worked: WorkedTopic(state, session))
      case .audit?: self = .audit(state.auditRoll(for: session))
      case .decisionRights?: self = .rights(state.reviewRights(for: session))
      case .scorecard?: self = .scorecard(state.scorecardMetrics(for: session))
      case .priorities?: self = .priorities(state.reviewPriorities(for: session))
      case .headlines?: self = .headlines(state.reviewHeadlines(for: session))
      case .conclude?: self = .conclude(state.concludeRoll(for: session))
      case .free?:
        self = .placeholder("Notes and captures only (a, D, N, t).")
      default: self = .checkin(state.checkinSteps(for: session))
      }
    }

    /// The rows the view lists (the pane is sized to them).
    var rows: Int {
      switch self {
      case .recap: return 0
      case .checkin(let rows): return rows.count
      case .topics(let rows, let worked): return max(1, rows.count) + (worked?.lines ?? 0)
      case .audit(let rows): return AuditLayout.questionLines + 1 + max(1, rows.count)
      case .rights(let rows): return rows.count
      case .scorecard(let rows): return rows.count
      case .priorities(let rows): return rows.count
      case .headlines(let rows): return rows.count
      // The roll, then whether anything is unclear.
      case .conclude(let rows): return max(1, rows.count) + 1
      case .placeholder: return 1
      }
    }
  }

  private static func title(_ state: AppState, _ session: ReviewSession, _ cadence: Cadence)
    -> String
  {
    cadence.title + " · " + ScreenText.dateTime(session.occurrence, in: state.timeZone)
      + (cadence.facilitator.map { " · facilitator @" + $0 } ?? "")
  }

  private static func renderBanner(
    _ state: AppState, _ session: ReviewSession, _ review: Review?, in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    var segments: [Painter.Segment]
    switch session.phase {
    case .preview:
      segments = [
        painter.segment(" not started ", .muted),
        painter.segment(
          " starts " + TimeText.countdown(to: session.occurrence, from: state.now)
            + " · s starts it (so do a, D, N and the check-in keys)", .muted),
      ]
    case .running:
      let started = review?.startedAt ?? state.now
      let elapsed = review?.meetingElapsed(now: state.now) ?? 0
      let paused = review?.isPaused == true
      segments = [
        paused ? painter.segment(" ⏸ PAUSED ", .danger) : painter.segment(" ● LIVE ", .warn),
        painter.segment(
          " started " + ScreenText.time(started, in: state.timeZone) + " · elapsed "
            + ScreenText.clock(seconds: elapsed), .text),
        painter.segment(paused ? " · P resumes" : " · P pauses", .muted),
      ]
    case .concluded:
      segments = [
        painter.segment(" ✓ HELD ", .ok),
        painter.segment(review?.meanRating.map { " rated \(Minutes.score($0))/10" } ?? "", .text),
      ]
    }
    painter.line(segments, x: area.x, y: area.y, width: area.width, on: &surface)
  }

  // MARK: - Agenda

  private static func renderAgenda(
    _ state: AppState, _ session: ReviewSession, _ cadence: Cadence, in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 1 else { return }
    painter.text("Agenda", .header, x: area.x, y: area.y, width: area.width, on: &surface)
    // One right-hand column: the running timer on the current section, the time spent on
    // past ones, the timebox on those to come.
    let timerWidth = 12
    let titleWidth = max(4, area.width - 2 - timerWidth)
    for (index, section) in cadence.agenda.prefix(area.height - 3).enumerated() {
      let y = area.y + 1 + index
      let isCurrent = index == session.section && session.phase != .concluded
      let elapsed = state.sectionElapsed(session, index)
      let isPast =
        session.phase != .preview && index < session.section || elapsed > 0 && !isCurrent
      let mark = isCurrent ? "▶ " : (isPast ? "✓ " : "  ")
      let timebox = section.minutes * 60
      let text: String
      let role: ThemeRole
      if isCurrent && session.phase == .running && !state.isPaused(session) || elapsed > 0 {
        switch TimeboxState(elapsed: elapsed, minutes: section.minutes) {
        case .fine: role = isCurrent ? .ok : .muted
        case .nearEnd: role = isCurrent ? .warn : .muted
        case .over: role = .danger
        }
        text =
          isCurrent
          ? ScreenText.clock(seconds: elapsed) + "/"
            + ScreenText.clock(seconds: TimeInterval(timebox))
          : ScreenText.clock(seconds: elapsed) + " of \(section.minutes)m"
      } else {
        text = "\(section.minutes)m"
        role = .muted
      }
      painter.line(
        [
          painter.segment(mark, isCurrent ? .accent : .ok),
          painter.cell(section.title, titleWidth, isCurrent ? .title : (isPast ? .muted : .text)),
          painter.cell(text, timerWidth, role, alignRight: true),
        ], x: area.x, y: y, width: area.width, on: &surface)
    }
    let total = cadence.agenda.reduce(0) { $0 + $1.minutes }
    let spent = cadence.agenda.indices.reduce(0.0) { $0 + state.sectionElapsed(session, $1) }
    let y = area.y + 1 + min(cadence.agenda.count, area.height - 3) + 1
    painter.line(
      [
        painter.segment("total \(total)m", .muted),
        painter.segment(
          session.phase == .preview ? "" : " · spent " + ScreenText.clock(seconds: spent),
          spent > Double(total * 60) ? .danger : .muted),
      ], x: area.x + 2, y: y, width: area.width - 2, on: &surface)
    renderContext(
      state, session, cadence,
      in: Rect(
        x: area.x, y: y + 2, width: area.width, height: area.maxY - y - 2), painter: painter,
      on: &surface)
  }

  /// Who takes part, and how the previous review went.
  private static func renderContext(
    _ state: AppState, _ session: ReviewSession, _ cadence: Cadence, in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 1 else { return }
    var lines: [[Painter.Segment]] = [[painter.segment("Participants", .header)]]
    let handles =
      cadence.participants.isEmpty ? [cadence.facilitator].compactMap { $0 } : cadence.participants
    var line: [Painter.Segment] = [painter.segment(" ", .text)]
    var used = 1
    for handle in handles {
      let word = " @" + handle
      if used + word.count > area.width {
        lines.append(line)
        line = [painter.segment(" ", .text)]
        used = 1
      }
      line.append(painter.segment(word, handle == cadence.facilitator ? .title : .accent))
      used += word.count
    }
    lines.append(line)
    let previous = state.data.reviews.values.filter {
      $0.isLive && $0.cadence == cadence.id && $0.status == .held
        && $0.occurrence < session.occurrence
    }.max { $0.occurrence < $1.occurrence }
    if let previous {
      let decisions = state.data.decisions.values.filter { $0.review == previous.id }.count
      let steps = state.data.steps.values.filter { $0.review == previous.id && $0.isLive }.count
      lines.append([])
      lines.append([painter.segment("Last time", .header)])
      lines.append([
        painter.segment(
          " " + ScreenText.day(Day(containing: previous.occurrence, in: state.timeZone)), .text),
        painter.segment(
          previous.meanRating.map { " · rated \(Minutes.score($0))/10" } ?? "", .muted),
      ])
      lines.append([
        painter.segment(
          " \(AppReducer.count(decisions, "decision")) · \(AppReducer.count(steps, "step"))", .muted
        )
      ])
    }
    for (index, segments) in lines.prefix(area.height).enumerated() {
      painter.line(segments, x: area.x, y: area.y + index, width: area.width, on: &surface)
    }
  }

  // MARK: - Check-in

  private static func renderCheckins(
    _ state: AppState, _ session: ReviewSession, _ review: Review?, _ steps: [Step],
    in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    let answers = review?.checkins ?? [:]
    let answered = steps.filter { answers[$0.id] != nil }.count
    painter.line(
      [
        painter.segment("Check-in: last time's steps", .header),
        painter.segment(
          steps.isEmpty ? "" : "  \(answered)/\(steps.count) answered · x done · space not done",
          .muted),
      ], x: area.x, y: area.y, width: area.width, on: &surface)
    if steps.isEmpty {
      painter.text(
        "  Nothing to check in: no steps from the previous review.", .muted, x: area.x,
        y: area.y + 1, width: area.width, on: &surface)
      return
    }
    let ownerWidth = 9
    let dueWidth = 10
    let columns = [
      Table.Column(width: ownerWidth),
      Table.Column(width: max(4, area.width - 2 - ownerWidth - dueWidth - 9)),
      Table.Column(width: dueWidth),
      Table.Column(width: 8),
    ]
    let today = state.today
    painter.table(
      columns, rowCount: steps.count, state: TableState(selection: session.checkinSelection),
      hasHeader: false
    ) { index in
      let step = steps[index]
      let answer = answers[step.id]
      let (mark, role): (String, ThemeRole) =
        answer == "done"
        ? ("✓ done", .ok) : (answer == "not-done" ? ("✗ not  ", .danger) : ("·", .muted))
      return [
        painter.item("@" + step.owner, .accent),
        painter.item(step.title, .text),
        painter.item(
          " " + ScreenText.shortDay(step.due),
          step.status == .open && step.due < today ? .danger : .muted),
        painter.item(mark, role),
      ]
    }.render(
      in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), on: &surface
    )
  }

  // MARK: - Captured

  private static func renderCaptured(
    _ state: AppState, _ session: ReviewSession, in area: Rect, painter: Painter,
    on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    let items = captured(state, session.reviewID, painter: painter)
    painter.line(
      [
        painter.segment("Captured in this review", .header),
        painter.segment("  a step · D decision · N note · c conclude", .muted),
      ], x: area.x, y: area.y, width: area.width, on: &surface)
    if items.isEmpty {
      painter.text(
        "  Nothing yet.", .muted, x: area.x, y: area.y + 1, width: area.width, on: &surface)
      return
    }
    // Newest at the bottom; when they do not fit, the oldest scroll away.
    let shown = items.suffix(area.height - 1)
    for (index, item) in shown.enumerated() {
      painter.line(item.segments, x: area.x, y: area.y + 1 + index, width: area.width, on: &surface)
    }
  }

  private struct CapturedItem {
    var at: Date
    var segments: [Painter.Segment]
  }

  private static func captured(_ state: AppState, _ reviewID: String, painter: Painter)
    -> [CapturedItem]
  {
    var items: [CapturedItem] = []
    for step in state.data.steps.values where step.review == reviewID && step.isLive {
      items.append(
        CapturedItem(
          at: step.createdAt,
          segments: [
            painter.segment("  step      ", .accent),
            painter.segment("@" + step.owner + " ", .accent),
            painter.segment(step.title, .text),
            painter.segment("  due " + ScreenText.day(step.due), .muted),
            painter.segment(step.success.map { "  ✓ " + $0 } ?? "", .muted),
            painter.segment(topicMark(step.topic, state), .muted),
          ]))
    }
    for decision in state.data.decisions.values where decision.review == reviewID {
      items.append(
        CapturedItem(
          at: decision.createdAt,
          segments: [
            painter.segment("  decision  ", .warn),
            painter.segment(decision.text, .text),
            painter.segment(decision.decidedBy.map { "  (@" + $0 + ")" } ?? "", .muted),
            painter.segment(topicMark(decision.topic, state), .muted),
          ]))
    }
    for note in state.data.notes.values where note.review == reviewID {
      items.append(
        CapturedItem(
          at: note.createdAt,
          segments: [
            painter.segment("  note      ", .muted),
            // A note of several lines (written in $EDITOR) on one line.
            painter.segment(TextLines.oneLine(note.text), .text),
          ]))
    }
    return items.sorted { $0.at < $1.at }
  }

  /// `  ↳ topic title` for what was captured under a topic.
  private static func topicMark(_ topic: String?, _ state: AppState) -> String {
    topic.flatMap { state.data.topics[$0] }.map { "  ↳ " + $0.title } ?? ""
  }

  // MARK: - Recap

  private static func renderRecap(
    _ state: AppState, _ session: ReviewSession, _ review: Review?, in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    var lines: [[Painter.Segment]] = []
    let decisions = state.data.decisions.values.filter { $0.review == session.reviewID }
      .sorted { $0.createdAt < $1.createdAt }
    let steps = state.data.steps.values.filter { $0.review == session.reviewID && $0.isLive }
    let checkins = review?.checkins ?? [:]
    let done = checkins.values.filter { $0 == "done" }.count
    lines.append([painter.segment("Recap", .header)])
    var summary = "check-in \(done)/\(checkins.count) done"
    if let started = review?.startedAt, let ended = review?.endedAt {
      summary += " · \(Int(ended.timeIntervalSince(started) / 60))m"
    }
    lines.append([painter.segment("  " + summary, .text)])
    lines += recapRoom(state, session, review, painter: painter)
    lines.append([])
    lines.append([painter.segment("Decisions (\(decisions.count))", .header)])
    for decision in decisions {
      lines.append([
        painter.segment("  • ", .warn), painter.segment(decision.text, .text),
        painter.segment(decision.decidedBy.map { "  (@" + $0 + ")" } ?? "", .muted),
      ])
    }
    lines.append([])
    lines.append([painter.segment("New steps by owner (\(steps.count))", .header)])
    let byOwner = Dictionary(grouping: steps, by: \.owner)
    for owner in byOwner.keys.sorted() {
      lines.append([painter.segment("  @" + owner, .accent)])
      for step in (byOwner[owner] ?? []).sorted(by: { ($0.due, $0.title) < ($1.due, $1.title) }) {
        lines.append([
          painter.segment("    ○ ", .text), painter.segment(step.title, .text),
          painter.segment("  due " + ScreenText.day(step.due), .muted),
        ])
      }
    }
    lines.append([])
    if let sent = review?.minutesAt {
      lines.append([
        painter.segment("Minutes sent " + ScreenText.dateTime(sent, in: state.timeZone), .ok)
      ])
    } else {
      lines.append([
        painter.segment("Minutes: ", .header),
        painter.segment("rhythm export minutes " + state.shortID(session.reviewID), .accent),
        painter.segment(" · m marks them sent", .muted),
      ])
    }
    for (index, segments) in lines.prefix(area.height).enumerated() {
      painter.line(segments, x: area.x, y: area.y + index, width: area.width, on: &surface)
    }
  }
}
