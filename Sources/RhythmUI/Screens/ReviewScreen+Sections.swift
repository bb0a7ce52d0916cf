import Foundation
import RhythmCore

// The live review's own views of agenda sections: topics, audit, decision rights, scorecard,
// headlines, conclude and priorities (the right pane, beside the agenda, while such a section is
// the current one).
extension ReviewScreen {
  /// Periods the scorecard's sparkline shows.
  static let sparkPeriods = 13

  // MARK: - Topics

  /// The topic the room works, with its timer and what was captured under it.
  struct WorkedTopic {
    var topic: Topic
    var elapsed: TimeInterval
    /// What earlier reviews spent on it.
    var earlier: TopicTimeWorked?
    var decisions: [Decision]
    var steps: [Step]

    /// The topic `session`'s room works, if any.
    init?(_ state: AppState, _ session: ReviewSession) {
      guard let topic = state.workedTopic(of: session) else { return nil }
      self.topic = topic
      elapsed = state.data.reviews[session.reviewID]?.topicElapsed(topic.id, now: state.now) ?? 0
      earlier = state.topicTimeBefore(session)[topic.id]
      (decisions, steps) = state.linkedItems(of: topic.id)
    }

    /// Lines it takes above the queue: its title, what is under it, a key line, a blank.
    var lines: Int { 3 + decisions.count + steps.count }
  }

  static func renderTopics(
    _ state: AppState, _ session: ReviewSession, _ rows: [Topic], _ worked: WorkedTopic?,
    in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    var area = area
    if let worked {
      renderWorkedTopic(state, worked, in: area, painter: painter, on: &surface)
      let used = min(area.height, worked.lines)
      area = Rect(x: area.x, y: area.y + used, width: area.width, height: area.height - used)
      guard area.height > 0 else { return }
    }
    let open = rows.filter { $0.status == .open }.count
    let settled = rows.count - open
    var hint =
      open == 0 ? "  t raises one" : "  \(open) open · enter works · J/K move · S solve · X drop"
    if settled > 0 { hint += " · O reopens" }
    guard
      let table = frame(
        "Topics", hint: hint,
        empty: rows.isEmpty ? "  No open topics for this cadence." : nil, in: area,
        painter: painter, on: &surface)
    else { return }
    let numberWidth = 4
    let byWidth = 10
    // Each topic's time here, then (`+35m`) what earlier reviews spent on it.
    let review = state.data.reviews[session.reviewID]
    let earlier = state.topicTimeBefore(session)
    let times = rows.map { topic in
      let spent = review?.topicElapsed(topic.id, now: state.now) ?? 0
      return [
        spent > 0 ? ScreenText.clock(seconds: spent) : nil,
        earlier[topic.id]?.minutes.map { "+\($0)m" },
      ].compactMap { $0 }.joined(separator: " ")
    }
    let timeWidth = max(7, (times.map(\.count).max() ?? 0) + 2)
    let columns = [
      Table.Column(width: numberWidth),
      Table.Column(width: max(4, area.width - 2 - numberWidth - byWidth - timeWidth - 3)),
      Table.Column(width: timeWidth, alignment: .right),
      Table.Column(width: byWidth),
    ]
    painter.table(
      columns, rowCount: rows.count, state: TableState(selection: session.topicSelection),
      hasHeader: false
    ) { index in
      let topic = rows[index]
      let mark: (String, ThemeRole) =
        switch topic.status {
        case .open: topic.id == worked?.topic.id ? ("●", .warn) : ("\(index + 1).", .muted)
        case .solved: ("✓", .ok)
        case .dropped: ("✗", .muted)
        }
      return [
        painter.item(mark.0, mark.1),
        painter.item(topic.title, topic.status == .open ? .text : .muted),
        painter.item(times[index], .muted),
        painter.item(topic.by.map { " @" + $0 } ?? "", .accent),
      ]
    }.render(in: table, on: &surface)
  }

  /// The worked topic: its title and timer, the decisions and steps captured under it.
  private static func renderWorkedTopic(
    _ state: AppState, _ worked: WorkedTopic, in area: Rect, painter: Painter,
    on surface: inout Surface
  ) {
    var lines: [[Painter.Segment]] = [
      [
        painter.segment("Working: ", .header), painter.segment(worked.topic.title, .title),
        painter.segment("  ● " + ScreenText.clock(seconds: worked.elapsed), .warn),
        painter.segment(
          worked.earlier.flatMap(\.minutes).map { "  +\($0)m before" } ?? "", .muted),
      ]
    ]
    for decision in worked.decisions {
      lines.append([
        painter.segment("  decision  ", .warn), painter.segment(decision.text, .text),
        painter.segment(decision.decidedBy.map { "  (@" + $0 + ")" } ?? "", .muted),
      ])
    }
    for step in worked.steps {
      lines.append([
        painter.segment("  step      ", .accent), painter.segment("@" + step.owner + " ", .accent),
        painter.segment(step.title, .text),
        painter.segment("  due " + ScreenText.day(step.due), .muted),
      ])
    }
    lines.append([
      painter.segment(
        "  a step, D decision link to it · S solved · X drop · enter/q leaves", .muted)
    ])
    for (index, segments) in lines.prefix(area.height).enumerated() {
      painter.line(segments, x: area.x, y: area.y + index, width: area.width, on: &surface)
    }
  }

  // MARK: - Audit

  /// The audit section's fixed lines above the roll: a header and the three questions.
  enum AuditLayout {
    static let questionLines = 5
  }

  static func renderAudit(
    _ state: AppState, _ session: ReviewSession, _ review: Review?, _ roll: [String],
    in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    let summary = review.flatMap(AuditSummary.init)
    let previous = state.previousAudit(for: session)
    let exchanges = state.auditExchanges(for: session)
    let answered = review?.audit.count ?? 0
    let scoreWidth = 6
    let questionWidth = max(8, area.width - 2 * scoreWidth)
    func score(_ value: Double?) -> String { value.map { Minutes.score($0) } ?? "·" }
    var lines: [[Painter.Segment]] = [
      [
        painter.segment("Collaboration audit", .header),
        painter.segment(
          "  1–5 each · \(answered)/\(roll.count) answered · digits or enter answer", .muted),
      ],
      [
        painter.cell("", questionWidth, .muted),
        painter.cell("now", scoreWidth, .muted, alignRight: true),
        painter.cell("last", scoreWidth, .muted, alignRight: true),
      ],
    ]
    // Narrow panes get the questions' short forms, so the exchange count stays in sight.
    let wide = questionWidth >= 55
    let questions: [(String, Double?, Double?)] = [
      (
        wide
          ? "Mutual risk and reward · " + AuditSummary.exchangeLabel(exchanges)
          : "Risk/reward · \(AppReducer.count(exchanges, "exchange")), \(AuditSummary.exchangeWeeks)w",
        summary?.means.risk, previous?.means.risk
      ),
      ("Transparency", summary?.means.transparency, previous?.means.transparency),
      (
        wide ? "Drive to win: clear ownership and decision rights" : "Drive to win: ownership",
        summary?.means.drive, previous?.means.drive
      ),
    ]
    for (question, now, last) in questions {
      lines.append([
        painter.cell("  " + question, questionWidth, .text),
        painter.cell(score(now), scoreWidth, .title, alignRight: true),
        painter.cell(score(last), scoreWidth, .muted, alignRight: true),
      ])
    }
    for (index, segments) in lines.prefix(area.height).enumerated() {
      painter.line(segments, x: area.x, y: area.y + index, width: area.width, on: &surface)
    }
    let rows = Rect(
      x: area.x, y: area.y + AuditLayout.questionLines, width: area.width,
      height: area.height - AuditLayout.questionLines)
    guard rows.height > 0 else { return }
    if roll.isEmpty {
      painter.text(
        "  No participants named for this cadence.", .muted, x: rows.x, y: rows.y,
        width: rows.width, on: &surface)
      return
    }
    let columns = [
      Table.Column("", width: max(4, area.width - 2 - 3 * scoreWidth)),
      Table.Column("risk", width: scoreWidth, alignment: .right),
      Table.Column("trans", width: scoreWidth, alignment: .right),
      Table.Column("drive", width: scoreWidth, alignment: .right),
    ]
    let answers = review?.audit ?? [:]
    painter.table(
      columns, rowCount: roll.count, state: TableState(selection: session.auditSelection)
    ) { index in
      let handle = roll[index]
      // Answers being typed (one digit key each) show in place of the stored ones.
      if let draft = session.auditDraft, draft.handle == handle, index == session.auditSelection {
        return [painter.item("@" + handle, .accent)]
          + (0..<3).map {
            painter.item(draft.scores.indices.contains($0) ? String(draft.scores[$0]) : "_", .warn)
          }
      }
      let answer = answers[handle]
      func value(_ part: (AuditAnswer) -> Int) -> Table.Cell {
        painter.item(answer.map { String(part($0)) } ?? "·", answer == nil ? .muted : .text)
      }
      return [
        painter.item("@" + handle, .accent), value(\.risk), value(\.transparency), value(\.drive),
      ]
    }.render(in: rows, on: &surface)
  }

  // MARK: - Decision rights

  static func renderRights(
    _ state: AppState, _ session: ReviewSession, _ rights: [DecisionRight], in area: Rect,
    painter: Painter, on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    guard
      let rows = frame(
        "Decision rights: who decides what",
        hint: rights.isEmpty ? "  + adds an area" : "  enter changes · + adds · X removes",
        empty: rights.isEmpty ? "  No area has a decider yet." : nil, in: area,
        painter: painter, on: &surface)
    else { return }
    let deciderWidth = 12
    let scopeWidth = 10
    let columns = [
      Table.Column(width: max(4, area.width - 2 - deciderWidth - scopeWidth)),
      Table.Column(width: deciderWidth),
      Table.Column(width: scopeWidth),
    ]
    painter.table(
      columns, rowCount: rights.count, state: TableState(selection: session.rightSelection),
      hasHeader: false
    ) { index in
      let right = rights[index]
      return [
        painter.item(right.area, .text),
        painter.item(" @" + right.decider, .accent),
        painter.item(right.cadence == nil ? " everyone" : "", .muted),
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
        "Scorecard: this period vs target",
        hint: metrics.isEmpty ? "" : "  last 13 · enter value · T to topic",
        empty: metrics.isEmpty ? "  No metric owned by the participants." : nil, in: area,
        painter: painter,
        on: &surface)
    else { return }
    let ownerWidth = 8
    let numberWidth = 7
    let lightWidth = area.width >= 70 ? 9 : 2
    // The last 13 periods as a sparkline, narrower when the pane is.
    let rest = area.width - 2 - ownerWidth - 2 * numberWidth - lightWidth
    let sparkWidth = min(Self.sparkPeriods + 1, max(0, rest - 12))
    let columns = [
      Table.Column(width: max(4, rest - sparkWidth)),
      Table.Column(width: ownerWidth),
      Table.Column(width: sparkWidth),
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
      let periods = MetricsScreen.lastPeriods(
        of: metric, ending: metric.periodStart(containing: today), count: Self.sparkPeriods)
      let trend = Self.spread(periods.map { metric.values[$0.description] })
      return [
        painter.item(metric.name, .text),
        painter.item(" @" + metric.owner, .accent),
        .widget(Sparkline(values: [nil] + trend, maximum: 1, style: painter.theme[.accent])),
        painter.item(value.map { ScreenText.number($0) } ?? "?", role),
        painter.item(arrow + ScreenText.number(metric.target), .muted),
        painter.item(light.map { lightWidth > 2 ? " ● " + $0.rawValue : " ●" } ?? "", role),
      ]
    }.render(in: rows, on: &surface)
  }

  /// Values moved so their range fills a sparkline: the lowest a low bar, the highest a full
  /// one (a flat series in the middle), so a metric's trend shows however far it is from 0.
  static func spread(_ values: [Double?]) -> [Double?] {
    let known = values.compactMap { $0 }
    guard let low = known.min(), let high = known.max() else { return values }
    guard high > low else { return values.map { $0.map { _ in 0.5 } } }
    let floor = (high - low) / 7
    return values.map { $0.map { ($0 - low + floor) / (high - low + floor) } }
  }

  // MARK: - Headlines

  static func renderHeadlines(
    _ session: ReviewSession, _ headlines: [Headline], in area: Rect, painter: Painter,
    on surface: inout Surface
  ) {
    guard area.height > 0 else { return }
    guard
      let rows = frame(
        "Headlines: good and bad news",
        hint: "  H tells one (- first: bad news)" + (headlines.isEmpty ? "" : " · T to topic"),
        empty: headlines.isEmpty ? "  None told yet." : nil, in: area, painter: painter,
        on: &surface)
    else { return }
    let columns = [
      Table.Column(width: 2),
      Table.Column(width: max(4, area.width - 2 - 2 - 12)),
      Table.Column(width: 12),
    ]
    painter.table(
      columns, rowCount: headlines.count,
      state: TableState(selection: session.headlineSelection), hasHeader: false
    ) { index in
      let headline = headlines[index]
      return [
        painter.item(headline.tone == .good ? "+" : "−", headline.tone == .good ? .ok : .danger),
        painter.item(headline.text, .text),
        painter.item(headline.by.map { " @" + $0 } ?? "", .accent),
      ]
    }.render(in: rows, on: &surface)
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
    // The last line of the pane asks whether anything is unclear about who does what.
    let unclearY = area.y + min(area.height - 1, 1 + max(1, roll.count))
    if area.height > 2 {
      painter.line(
        unclearLine(review?.unclear, wide: area.width >= 60, painter: painter), x: area.x,
        y: unclearY, width: area.width, on: &surface)
    }
    let listArea = Rect(
      x: area.x, y: area.y, width: area.width,
      height: area.height > 2 ? unclearY - area.y : area.height)
    guard
      let rows = frame(
        "Attendance", hint: summary,
        empty: roll.isEmpty ? "  No participants named for this cadence." : nil, in: listArea,
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

  /// `Anything unclear about who does what? no  U changes` (the question shorter when
  /// narrow), the answer red when something is.
  private static func unclearLine(_ unclear: Bool?, wide: Bool, painter: Painter)
    -> [Painter.Segment]
  {
    let answer: (String, ThemeRole) =
      switch unclear {
      case true?: ("yes", .danger)
      case false?: ("no", .ok)
      case nil: ("not asked", .muted)
      }
    return [
      painter.segment(
        wide ? "Anything unclear about who does what? " : "Unclear who does what? ", .header),
      painter.segment(answer.0, answer.1),
      painter.segment(unclear == nil ? "  U answers" : "  U changes", .muted),
    ]
  }

  /// What the recap says of the room: who came and their rating, then whether anything is
  /// unclear about who does what.
  static func recapRoom(
    _ state: AppState, _ session: ReviewSession, _ review: Review?, painter: Painter
  ) -> [[Painter.Segment]] {
    let roll = state.concludeRoll(for: session)
    var room = "  \(review?.attendees.count ?? 0)/\(roll.count) came"
    if let mean = review?.meanRating {
      let ratings = review?.ratings.count ?? 0
      room += " · rated \(Minutes.score(mean))/10" + (ratings > 0 ? " by \(ratings)" : "")
    }
    let unclear = review?.unclear
    return [
      [painter.segment(room, .text)],
      [
        painter.segment("  anything unclear about who does what: ", .text),
        painter.segment(
          unclear.map { $0 ? "yes" : "no" } ?? "not asked",
          unclear == true ? .danger : (unclear == false ? .ok : .muted)),
      ],
    ]
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
        hint: priorities.isEmpty ? "" : "  o on track · f off track · d done · T to topic",
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
