import Foundation
import RhythmCore

/// A selectable row of the home screen: a coming review, or an overdue or due-this-week step.
enum CockpitItem: Hashable {
  case review(CockpitSummary.Upcoming)
  case step(String)
}

/// A row of the People screen: a person's or a team's figures.
struct PeopleRow {
  /// The person's name, or `team NAME`.
  var label: String
  /// Their figures.
  var rate: CockpitSummary.Rate
  /// Whether the row is a team.
  var isTeam: Bool
  /// The handle, or the team's name.
  var key: String
}

// MARK: - Selectors: what the screens list, derived from the state

/// The lists the screens draw and the reducer moves through, in screen order; each is worked
/// out here only, so the row the reducer acts on is the row the screen shows.
extension AppState {
  /// Live cadences by title (the Cadences screen).
  var sortedCadences: [Cadence] {
    data.cadences.values.filter(\.isLive).sorted { ($0.title, $0.id) < ($1.title, $1.id) }
  }

  /// Live metrics by name (the Metrics screen).
  var sortedMetrics: [Metric] {
    data.metrics.values.filter(\.isLive).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
  }

  /// The home screen's steps panel: overdue, then due this week.
  var cockpitSteps: [Step] {
    summary.overdue + summary.dueThisWeek
  }

  /// The home screen's selectable rows: the coming reviews, then ``cockpitSteps``.
  var cockpitItems: [CockpitItem] {
    summary.upcoming.map(CockpitItem.review) + cockpitSteps.map { .step($0.id) }
  }

  /// The home screen's two tables' states, from its one selection over ``cockpitItems``: the
  /// next reviews panel's, and the steps panel's (whose scroll offset `cockpit` keeps).
  var cockpitTables: (reviews: TableState, steps: TableState) {
    let reviewCount = summary.upcoming.count
    let selection = cockpit.selection
    let reviews = TableState(selection: selection.flatMap { $0 < reviewCount ? $0 : nil })
    let steps = TableState(
      selection: selection.flatMap { $0 >= reviewCount ? $0 - reviewCount : nil },
      offset: cockpit.offset)
    return (reviews, steps)
  }

  /// The People screen's rows: people, then teams.
  /// Teams with nothing due yet (just added) are listed too, with empty figures.
  var peopleRows: [PeopleRow] {
    var teams = summary.teams
    let listed = Set(teams.map(\.key))
    let named = (try? TeamEdits.names(in: data)) ?? []
    for name in named.subtracting(listed) {
      teams.append(
        CockpitSummary.Rate(
          key: name, open: 0, overdue: 0, dueThisWeek: 0, due: 0, onTimeRate: nil, trend: []))
    }
    teams.sort { $0.key < $1.key }
    return summary.owners.map {
      PeopleRow(label: name(of: $0.key), rate: $0, isTeam: false, key: $0.key)
    } + teams.map { PeopleRow(label: "team " + $0.key, rate: $0, isTeam: true, key: $0.key) }
  }

  /// Live priorities on the Metrics screen: the latest quarter first, then by owner and title.
  var sortedPriorities: [Priority] {
    data.priorities.values.filter(\.isLive).sorted {
      ($1.quarter, $0.owner, $0.title, $0.id) < ($0.quarter, $1.owner, $1.title, $1.id)
    }
  }

  /// The kind of `session`'s current agenda section (`nil` when the cadence has no agenda).
  func sectionKind(of session: ReviewSession) -> SectionKind? {
    guard let agenda = data.cadences[session.cadenceID]?.agenda,
      agenda.indices.contains(session.section)
    else { return nil }
    return agenda[session.section].kind
  }

  /// The open topics of `session`'s cadence, in the order the room works them.
  func topicQueue(for session: ReviewSession) -> [Topic] {
    Topic.queue(of: session.cadenceID, in: data.topics.values)
  }

  /// The time each topic was worked in reviews other than `session`'s.
  func topicTimeBefore(_ session: ReviewSession) -> [String: TopicTimeWorked] {
    TopicTimeWorked.byTopic(in: data.reviews.values, now: now, excluding: session.reviewID)
  }

  /// Whether `session`'s right pane shows the check-in (not a section's own view).
  func showsCheckin(_ session: ReviewSession) -> Bool {
    let kind = sectionKind(of: session)
    return kind != .topics && kind != .scorecard && kind != .priorities && kind != .headlines
      && kind != .conclude && kind != .audit && kind != .decisionRights && kind != .free
  }

  /// The handles whose work `session`'s cadence reviews: its participants (its facilitator when
  /// it names none).
  func participants(of session: ReviewSession) -> Set<String> {
    Set(data.cadences[session.cadenceID]?.reviewedHandles ?? [])
  }

  /// Who is asked about attendance and a rating when `session` concludes: the cadence's
  /// participants in its order, then anyone else who attended.
  func concludeRoll(for session: ReviewSession) -> [String] {
    guard let cadence = data.cadences[session.cadenceID] else { return [] }
    var roll = cadence.reviewedHandles
    for handle in data.reviews[session.reviewID]?.attendees ?? [] where !roll.contains(handle) {
      roll.append(handle)
    }
    return roll
  }

  /// The headlines told in `session`'s review, oldest first.
  func reviewHeadlines(for session: ReviewSession) -> [Headline] {
    data.headlines.values.filter { $0.isLive && $0.review == session.reviewID }
      .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
  }

  /// This quarter's live priorities of `session`'s participants, dropped ones left out, by
  /// owner then title.
  func reviewPriorities(for session: ReviewSession) -> [Priority] {
    let owners = participants(of: session)
    let quarter = Quarter(containing: today).description
    return data.priorities.values.filter {
      $0.isLive && $0.quarter == quarter && $0.status != .dropped && owners.contains($0.owner)
    }.sorted { ($0.owner, $0.title, $0.id) < ($1.owner, $1.title, $1.id) }
  }

  /// The live metrics owned by the participants of `session`'s cadence (its facilitator when
  /// it names none), by name.
  func scorecardMetrics(for session: ReviewSession) -> [Metric] {
    data.cadences[session.cadenceID]?.scorecard(from: data.metrics.values) ?? []
  }

  /// The steps to check in during `session`: those captured in the previous held review of
  /// the cadence, then still-open steps from its earlier reviews that are past due.
  func checkinSteps(for session: ReviewSession) -> [Step] {
    let reviews = data.reviews.values.filter {
      $0.isLive && $0.cadence == session.cadenceID && $0.occurrence < session.occurrence
    }
    let earlier = Set(reviews.map(\.id))
    guard !earlier.isEmpty else { return [] }
    let previous = reviews.filter { $0.status == .held }.max { $0.occurrence < $1.occurrence }
    let sessionDay = Day(containing: session.occurrence, in: timeZone)
    // Steps answered in this review stay listed, so the list does not shift under the cursor.
    let answered = data.reviews[session.reviewID]?.checkins ?? [:]
    var result: [Step] = []
    var carried: [Step] = []
    for step in data.steps.values where step.isLive {
      guard let review = step.review, earlier.contains(review) else { continue }
      if review == previous?.id {
        result.append(step)
      } else if step.status == .open && step.due < sessionDay || answered[step.id] != nil {
        carried.append(step)
      }
    }
    let order: (Step, Step) -> Bool = {
      ($0.owner, $0.due, $0.createdAt, $0.id) < ($1.owner, $1.due, $1.createdAt, $1.id)
    }
    return result.sorted(by: order) + carried.sorted(by: order)
  }
}
