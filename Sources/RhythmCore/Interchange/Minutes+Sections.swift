import Foundation

/// The sections of the minutes that each agenda kind fills: scorecard, priorities, headlines,
/// topics, audit, decision rights, exchanges and ratings. Each gives its lines (a heading, the
/// entries, a blank line), or none when it has nothing to say.
extension Minutes {
  /// The scorecard the live review shows (``Cadence/scorecard(from:)``: the metrics of the
  /// cadence's participants), when its agenda has a scorecard section: each metric's latest
  /// value by the review's day (the period that holds it, else the last one entered before),
  /// with its period, against target.
  static func scorecard(
    _ review: Review, _ cadence: Cadence?, _ state: StoreState, _ zone: TimeZone
  ) -> [String] {
    guard let cadence, cadence.agenda.contains(where: { $0.kind == .scorecard }) else {
      return []
    }
    let metrics = cadence.scorecard(from: state.metrics.values)
    guard !metrics.isEmpty else { return [] }
    let day = Day(containing: review.occurrence, in: zone)
    var lines = ["## Scorecard", ""]
    for metric in metrics {
      let target =
        (metric.direction == .higherIsBetter ? "≥ " : "≤ ") + Metric.format(metric.target)
        + unit(metric)
      var line = "- \(metric.name) (\(name(metric.owner, state))): "
      if let latest = metric.orderedValues.last(where: { $0.period <= day }) {
        line +=
          "\(Metric.format(latest.value))\(unit(metric)) "
          + "(\(metric.period.rawValue) of \(latest.period)) against \(target) — "
          + metric.light(latest.value).rawValue
      } else {
        line += "no value yet (target \(target))"
      }
      lines.append(line)
    }
    return lines + [""]
  }

  /// The quarter's priorities of the cadence's people (participants, attendees, its team).
  static func priorities(
    _ review: Review, _ cadence: Cadence?, _ state: StoreState, _ zone: TimeZone
  ) -> [String] {
    let quarter = Quarter(containing: Day(containing: review.occurrence, in: zone)).description
    let people = Set((cadence?.participants ?? []) + review.attendees)
    let priorities = state.priorities.values.filter {
      $0.isLive && $0.quarter == quarter
        && (people.contains($0.owner) || ($0.team != nil && $0.team == cadence?.team))
    }
    .sorted { ($0.owner, $0.title, $0.id) < ($1.owner, $1.title, $1.id) }
    guard !priorities.isEmpty else { return [] }
    var lines = ["## Priorities (\(quarter))", ""]
    for priority in priorities {
      let status = priority.status.rawValue.replacingOccurrences(of: "-", with: " ")
      lines.append("- \(priority.title) — \(name(priority.owner, state)) — \(status)")
    }
    return lines + [""]
  }

  /// Good and bad news told in the review.
  static func headlines(_ review: Review, _ state: StoreState) -> [String] {
    let headlines = state.headlines.values.filter { $0.review == review.id && $0.isLive }
      .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    guard !headlines.isEmpty else { return [] }
    var lines = ["## Headlines", ""]
    for headline in headlines {
      let by = headline.by.map { " — \(name($0, state))" } ?? ""
      lines.append("- \(headline.tone == .good ? "Good" : "Bad"): \(headline.text)\(by)")
    }
    return lines + [""]
  }

  /// Topics solved and dropped in the review (with what came of them), and those of the
  /// cadence it left open, in the room's order.
  static func topics(_ review: Review, _ state: StoreState) -> [String] {
    let settled = state.topics.values.filter { $0.review == review.id && $0.isLive }
      .sorted { ($0.solvedAt ?? $0.createdAt, $0.id) < ($1.solvedAt ?? $1.createdAt, $1.id) }
    let solved = settled.filter { $0.status == .solved }
    let dropped = settled.filter { $0.status == .dropped }
    // Open at the end of the review: raised by then, and not settled by then.
    let end = review.endedAt ?? .distantFuture
    let open = state.topics.values.filter {
      $0.isLive && $0.cadence == review.cadence && $0.createdAt <= end
        && $0.review != review.id && ($0.status == .open || ($0.solvedAt ?? end) > end)
    }
    .sorted { ($0.rank, $0.createdAt, $0.id) < ($1.rank, $1.createdAt, $1.id) }
    guard !(solved.isEmpty && dropped.isEmpty && open.isEmpty) else { return [] }
    var lines = ["## Topics", ""]
    if !solved.isEmpty {
      lines += ["### Solved", ""]
      for topic in solved {
        lines.append("- **\(topic.title)**" + raisedBy(topic, state) + worked(topic, review, state))
        lines += linked(topic, state, review: nil, indent: "  ")
      }
      lines.append("")
    }
    if !dropped.isEmpty {
      lines += ["### Dropped", ""]
      lines += dropped.map { "- \($0.title)" + raisedBy($0, state) }
      lines.append("")
    }
    if !open.isEmpty {
      lines += ["### Left open", ""]
      for (offset, topic) in open.enumerated() {
        lines.append(
          "\(offset + 1). \(topic.title)" + raisedBy(topic, state) + worked(topic, review, state))
        // What this review said on it so far.
        lines += linked(topic, state, review: review.id, indent: "   ")
      }
      lines.append("")
    }
    return lines
  }

  /// Each attendee's audit answers, the means, and the previous audit's beside them; beside
  /// mutual risk and reward, the exchanges of the quarter under review (13 weeks).
  static func audit(_ review: Review, _ state: StoreState, _ zone: TimeZone) -> [String] {
    guard let summary = AuditSummary(review) else { return [] }
    let previous = AuditSummary.previous(before: review, in: state.reviews.values)
    let exchanges = AuditSummary.exchangeCount(
      for: review.occurrence, in: state.exchanges.values, zone: zone)
    var lines = ["## Collaboration audit", ""]
    func row(_ question: String, _ mean: Double, _ before: Double?, _ extra: String = "")
      -> String
    {
      "- \(question): \(score(mean))/5"
        + (before.map { " (last time \(score($0)))" } ?? "") + extra
    }
    lines.append(
      row(
        "Mutual risk and reward", summary.means.risk, previous?.means.risk,
        " — " + AuditSummary.exchangeLabel(exchanges)))
    lines.append(row("Transparency", summary.means.transparency, previous?.means.transparency))
    lines.append(row("Drive to win", summary.means.drive, previous?.means.drive))
    lines.append("")
    for answer in summary.answers {
      lines.append(
        "- \(name(answer.by, state)): risk and reward \(answer.answer.risk), transparency "
          + "\(answer.answer.transparency), drive \(answer.answer.drive)")
    }
    return lines + [""]
  }

  /// Who decides what, when the agenda has a decision-rights section: the cadence's rights
  /// and everyone's.
  static func rights(_ cadence: Cadence?, _ state: StoreState) -> [String] {
    guard let cadence, cadence.agenda.contains(where: { $0.kind == .decisionRights }) else {
      return []
    }
    let rights = state.rights.values.filter {
      $0.isLive && ($0.cadence == nil || $0.cadence == cadence.id)
    }
    .sorted { ($0.area.lowercased(), $0.id) < ($1.area.lowercased(), $1.id) }
    guard !rights.isEmpty else { return [] }
    return ["## Decision rights", ""]
      + rights.map { "- \($0.area): \(name($0.decider, state))" } + [""]
  }

  /// Exchanges logged since the cadence's previous held review, up to this one's end.
  static func exchanges(_ review: Review, _ cadence: Cadence?, _ state: StoreState) -> [String] {
    let end =
      review.endedAt
      ?? (review.startedAt ?? review.occurrence).addingTimeInterval(
        Double((cadence?.durationMinutes ?? 60) * 60))
    let previous = state.reviews.values.filter {
      $0.cadence == review.cadence && $0.status == .held && $0.occurrence < review.occurrence
    }
    .max { $0.occurrence < $1.occurrence }
    let start =
      previous.map { $0.endedAt ?? $0.occurrence }
      ?? review.occurrence.addingTimeInterval(-90 * 86_400)
    let exchanges = state.exchanges.values.filter {
      $0.isLive && $0.createdAt > start && $0.createdAt <= end
    }
    .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    guard !exchanges.isEmpty else { return [] }
    return ["## Exchanges since the last review", ""]
      + exchanges.map { "- \(party($0.from, state)) → \(party($0.to, state)): \($0.text)" } + [""]
  }

  /// Each attendee's rating and their mean.
  static func ratings(_ review: Review, _ state: StoreState) -> [String] {
    guard let mean = review.meanRating, !review.ratings.isEmpty else { return [] }
    return ["## Ratings", ""]
      + review.ratings.keys.sorted().map { "- \(name($0, state)): \(review.ratings[$0] ?? 0)" }
      + ["- **Mean:** \(score(mean))/10 from \(review.ratings.count)", ""]
  }

  // MARK: - Formatting

  private static func unit(_ metric: Metric) -> String {
    metric.unit.isEmpty ? "" : " " + metric.unit
  }

  /// The decisions and steps captured under `topic` (in `review` only, when given), as list
  /// items nested `indent` deep.
  private static func linked(
    _ topic: Topic, _ state: StoreState, review: String?, indent: String
  ) -> [String] {
    let decisions = state.decisions.values.filter {
      $0.topic == topic.id && $0.isLive && (review == nil || $0.review == review)
    }
    .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    let steps = state.steps.values.filter {
      $0.topic == topic.id && $0.isLive && (review == nil || $0.review == review)
    }
    .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    return decisions.map { decision in
      indent + "- Decision: \(decision.text)"
        + (decision.decidedBy.map { " (decided by \(name($0, state)))" } ?? "")
    } + steps.map { indent + "- Step: \($0.title) — \(name($0.owner, state)), due \($0.due)" }
  }

  /// ` — worked 12 min` when the room worked `topic` in `review` (the time banked: all of it
  /// once the review is held), and ` (47 min over 3 reviews)` when earlier reviews did too.
  private static func worked(_ topic: Topic, _ review: Review, _ state: StoreState) -> String {
    let here = TopicTimeWorked(seconds: review.topicSpent[topic.id] ?? 0, reviews: 1)
    let before = TopicTimeWorked.byTopic(
      in: state.reviews.values.filter { $0.id != review.id && $0.occurrence < review.occurrence },
      now: review.endedAt ?? review.occurrence)[topic.id]
    guard let minutes = here.minutes else { return "" }
    guard let before, before.minutes != nil else { return " — worked \(minutes) min" }
    let total = TopicTimeWorked(
      seconds: here.seconds + before.seconds, reviews: before.reviews + 1)
    return
      " — worked \(minutes) min (\(total.minutes ?? minutes) min over \(total.reviews) reviews)"
  }

  private static func raisedBy(_ topic: Topic, _ state: StoreState) -> String {
    topic.by.map { " (raised by \(name($0, state)))" } ?? ""
  }

  /// A person by name, a team by its name.
  private static func party(_ id: String, _ state: StoreState) -> String {
    state.people[id] == nil ? id : name(id, state)
  }
}
