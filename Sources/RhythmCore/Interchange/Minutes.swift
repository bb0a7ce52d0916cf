import Foundation

/// The minutes of a review as Markdown.
///
/// They carry every section of the meeting: who was there, the scorecard with red, amber and
/// green, the quarter's priorities, headlines, the topics solved (with their decisions and
/// steps) and left open, what was decided, who does what by when, how last time's steps went,
/// the collaboration audit, decision rights, the exchanges since the last review, the ratings
/// and the notes. A section with nothing in it is left out (but decisions and next steps, which
/// always say so). Pure: the same review and state give the same text. Store text in them is
/// inert (`InertText.visible`): a control character in a title shows as `^[` or `<U+202E>`,
/// whether the minutes go to a terminal or a file.
public enum Minutes {
  /// The Markdown minutes of `review`.
  /// - Parameters:
  ///   - review: the review (usually held).
  ///   - state: the store's records (cadence, people, steps, decisions, notes).
  ///   - timeZone: the zone times are written in; the cadence's own zone when nil.
  public static func markdown(review: Review, state: StoreState, timeZone: TimeZone? = nil)
    -> String
  {
    let cadence = state.cadences[review.cadence]
    let zone =
      timeZone ?? cadence.flatMap { TimeZone(identifier: $0.timeZone) }
      ?? TimeZone(identifier: "UTC") ?? TimeZone.current
    let title = cadence?.title ?? "Review"
    var lines: [String] = []
    lines.append("# \(title) — \(day(review.occurrence, zone))")
    lines.append("")
    var facts: [String] = []
    facts.append("**When:** \(dateTime(review.startedAt ?? review.occurrence, zone))")
    if let started = review.startedAt, let ended = review.endedAt {
      facts.append("**Length:** \(Int((ended.timeIntervalSince(started) / 60).rounded())) min")
    }
    if let facilitator = cadence?.facilitator {
      facts.append("**Facilitator:** \(name(facilitator, state))")
    }
    if !review.attendees.isEmpty {
      facts.append(
        "**Attendees:** " + review.attendees.map { name($0, state) }.joined(separator: ", "))
      let absent = (cadence?.participants ?? []).filter { !review.attendees.contains($0) }
      if !absent.isEmpty {
        facts.append("**Absent:** " + absent.map { name($0, state) }.joined(separator: ", "))
      }
    }
    if let rating = review.meanRating { facts.append("**Rating:** \(score(rating))/10") }
    facts.append("**Status:** \(review.status.rawValue)")
    if let unclear = review.unclear {
      facts.append("**Anything unclear about who does what:** \(unclear ? "yes" : "no")")
    }
    lines += facts.map { "- " + $0 }
    lines.append("")
    lines += scorecard(review, cadence, state, zone)
    lines += priorities(review, cadence, state, zone)
    lines += headlines(review, state)
    lines += topics(review, state)

    let decisions = state.decisions.values.filter { $0.review == review.id && $0.isLive }
      .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    lines.append("## Decisions")
    lines.append("")
    if decisions.isEmpty { lines.append("None recorded.") }
    for decision in decisions {
      let by = decision.decidedBy.map { " (decided by \(name($0, state)))" } ?? ""
      lines.append("- \(decision.text)\(by)")
    }
    lines.append("")

    let steps = state.steps.values.filter { $0.review == review.id && $0.isLive }
    lines.append("## Next steps")
    lines.append("")
    if steps.isEmpty { lines.append("None captured.") }
    let byOwner = Dictionary(grouping: steps, by: \.owner)
    for owner in byOwner.keys.sorted() {
      lines.append("### \(name(owner, state))")
      lines.append("")
      for step in (byOwner[owner] ?? []).sorted(by: { ($0.due, $0.title) < ($1.due, $1.title) }) {
        let box = step.status == .done ? "[x]" : "[ ]"
        var line = "- \(box) \(step.title) — due \(step.due)"
        if let success = step.success { line += " — success: \(success)" }
        if !step.tags.isEmpty { line += " " + step.tags.map { "#" + $0 }.joined(separator: " ") }
        lines.append(line)
      }
      lines.append("")
    }
    if steps.isEmpty { lines.append("") }

    if !review.checkins.isEmpty {
      lines.append("## Check-in on last time's steps")
      lines.append("")
      let checked = review.checkins.keys.compactMap { state.steps[$0] }
        .sorted { ($0.owner, $0.title, $0.id) < ($1.owner, $1.title, $1.id) }
      for step in checked {
        let answer = review.checkins[step.id] == "done" ? "done" : "not done"
        lines.append("- \(name(step.owner, state)): \(step.title) — \(answer)")
      }
      lines.append("")
    }

    lines += audit(review, state, zone)
    lines += rights(cadence, state)
    lines += exchanges(review, cadence, state)
    lines += ratings(review, state)

    let notes = state.notes.values.filter { $0.review == review.id && $0.isLive }
      .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    if !notes.isEmpty {
      lines.append("## Notes")
      lines.append("")
      // A note of several lines (written in $EDITOR) is one item, its later lines indented.
      for note in notes { lines += TextLines.listItem(note.text) }
      lines.append("")
    }
    // Each entry is one line: a line break or control character inside comes from store text.
    return lines.map(InertText.visible).joined(separator: "\n")
  }

  // MARK: - Formatting

  static func name(_ handle: String, _ state: StoreState) -> String {
    guard let person = state.people[handle] else { return "@" + handle }
    return "\(person.name) (@\(handle))"
  }

  /// A mean as minutes write it: `8`, `7.7`.
  public static func score(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
  }

  private static func day(_ date: Date, _ zone: TimeZone) -> String {
    Day(containing: date, in: zone).description
  }

  private static func dateTime(_ date: Date, _ zone: TimeZone) -> String {
    let text = ISOInstant.format(date, in: zone)
    return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ") + " "
      + (zone.identifier == "UTC" || zone.identifier == "GMT" ? "UTC" : zone.identifier)
  }
}
