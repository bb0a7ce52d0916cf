import Foundation
import RhythmCore

// MARK: - The live review

extension AppReducer {
  /// Opens (without starting) the review of `upcoming`: the stored one when it exists.
  static func openReview(_ state: inout AppState, _ upcoming: CockpitSummary.Upcoming) {
    if let session = state.review, session.cadenceID == upcoming.cadenceID,
      session.occurrence == upcoming.occurrence
    {
      return
    }
    let stored =
      upcoming.liveReviewID.flatMap { state.data.reviews[$0] }
      ?? state.data.reviews.values.first {
        $0.isLive && $0.cadence == upcoming.cadenceID && $0.occurrence == upcoming.occurrence
      }
    let phase: ReviewSession.Phase
    switch stored?.status {
    case .live?: phase = .running
    case .held?: phase = .concluded
    default: phase = .preview
    }
    var session = ReviewSession(
      cadenceID: upcoming.cadenceID, occurrence: upcoming.occurrence,
      reviewID: stored?.id
        ?? Review.id(cadence: upcoming.cadenceID, occurrence: upcoming.occurrence), phase: phase)
    if let stored, phase != .preview { session.section = stored.currentSection }
    state.review = session
  }

  /// `r` on the home or cadences screen, `s` on the review screen: start (or resume) a review.
  static func startReview(_ state: inout AppState) -> [Effect] {
    switch state.screen {
    case .cockpit:
      let items = state.cockpitItems
      var chosen = state.summary.upcoming.first
      if let index = state.cockpit.selection, index < items.count,
        case .review(let upcoming) = items[index]
      {
        chosen = upcoming
      }
      guard let chosen else { return [] }
      openReview(&state, chosen)
    case .cadences:
      let cadences = state.sortedCadences
      guard let index = state.cadences.selection, index < cadences.count,
        let upcoming = state.summary.upcoming.first(where: { $0.cadenceID == cadences[index].id })
      else { return [] }
      openReview(&state, upcoming)
    case .review:
      break
    default:
      return []
    }
    var effects = startSession(&state)
    if state.screen != .review { effects += show(&state, .review) }
    return effects
  }

  /// Opens (and with `start`, starts) the current or next review of `cadenceID`.
  static func openReview(_ state: inout AppState, _ cadenceID: String, start: Bool) -> [Effect] {
    guard let upcoming = state.summary.upcoming.first(where: { $0.cadenceID == cadenceID }) else {
      say(&state, "no coming review for that cadence", isError: true)
      return []
    }
    openReview(&state, upcoming)
    let effects = start ? startSession(&state) : []
    return effects + show(&state, .review)
  }

  /// Makes the open review live (stored with `startedAt`), when it is still a preview.
  static func startSession(_ state: inout AppState) -> [Effect] {
    guard var session = state.review, session.phase == .preview,
      let cadence = state.data.cadences[session.cadenceID]
    else { return [] }
    let effects = perform(&state, message: "\(cadence.title) is live") {
      data, context throws(RhythmError) in
      try ReviewEdits.start(
        cadence.id, at: session.occurrence, review: session.reviewID, section: session.section,
        in: data, &context)
    }
    guard !effects.isEmpty else { return [] }
    // The room starts where the preview stood.
    session.phase = .running
    state.review = session
    return effects
  }

  static func changeSection(_ state: inout AppState, by delta: Int) -> [Effect] {
    guard var session = state.review, let cadence = state.data.cadences[session.cadenceID],
      !cadence.agenda.isEmpty
    else { return [] }
    let target = max(0, min(cadence.agenda.count - 1, session.section + delta))
    guard target != session.section else { return [] }
    var effects: [Effect] = []
    if session.phase == .running {
      // The time spent in a section is the review's: the move is stored.
      effects = perform(&state, message: nil) { data, context throws(RhythmError) in
        try ReviewEdits.enterSection(session.reviewID, target, in: data, context)
      }
      guard !effects.isEmpty else { return [] }
    }
    session.section = target
    state.review = session
    return effects
  }

  // MARK: - Check-in

  /// Records a check-in answer with one key: `x` says done, `space` says not done (and on an
  /// answered step flips the answer). A first answer moves on to the next step.
  static func checkin(_ state: inout AppState, toggle: Bool) -> [Effect] {
    // The topics section shows its queue, not the check-in.
    guard let session = state.review, session.phase != .concluded,
      state.showsCheckin(session)
    else { return [] }
    let steps = state.checkinSteps(for: session)
    guard session.checkinSelection < steps.count else { return [] }
    var effects = startSession(&state)
    let step = steps[session.checkinSelection]
    let previous = state.data.reviews[session.reviewID]?.checkins[step.id]
    let isDone = !toggle || previous == "not-done"
    effects += perform(
      &state, message: "\(step.owner): \(isDone ? "done" : "not done") — \(step.title)"
    ) { data, context throws(RhythmError) in
      try ReviewEdits.checkin(step.id, done: isDone, review: session.reviewID, in: data, context)
    }
    if var moved = state.review, previous == nil {
      moved.checkinSelection = min(moved.checkinSelection + 1, max(0, steps.count - 1))
      state.review = moved
    }
    return effects
  }

  // MARK: - Capture, decisions, notes

  static func openReviewPrompt(_ state: inout AppState, _ purpose: Prompt.Purpose, label: String)
    -> [Effect]
  {
    guard let session = state.review, session.phase != .concluded else {
      say(&state, "open a review first (r on the cockpit)", isError: true)
      return []
    }
    state.prompt = Prompt(purpose: purpose, label: label)
    return []
  }

  static func captureStep(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    guard let session = state.review, let cadence = state.data.cadences[session.cadenceID] else {
      return []
    }
    // A step captured while the room works a topic is linked to it.
    var draft = StepEdits.Draft(
      try QuickAdd.parse(text, today: state.today), review: session.reviewID,
      topic: state.workedTopic(of: session)?.id)
    draft.owner = draft.owner ?? cadence.facilitator ?? state.person
    let edit = try edited(&state) { data, context throws(RhythmError) in
      try StepEdits.add(draft, in: data, &context)
    }
    // Made after the step is checked, so a refused line starts nothing.
    var effects = startSession(&state)
    let due = draft.due ?? state.today.adding(days: StepEdits.defaultDays)
    let owner = EditRules.handle(draft.owner ?? "")
    effects += commit(
      &state, edit.changes, message: "step for @\(owner), due \(due): \(draft.title)")
    return effects
  }

  static func recordDecision(_ state: inout AppState, text: String) throws(RhythmError)
    -> [Effect]
  {
    guard let session = state.review else { return [] }
    let topic = state.workedTopic(of: session)?.id
    let edit = try edited(&state) { data, context throws(RhythmError) in
      try MeetingEdits.decide(text, review: session.reviewID, topic: topic, in: data, &context)
    }
    return startSession(&state) + commit(&state, edit.changes, message: "decision recorded")
  }

  static func recordNote(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    guard let session = state.review else { return [] }
    let edit = try edited(&state) { data, context throws(RhythmError) in
      try MeetingEdits.note(text, review: session.reviewID, in: data, &context)
    }
    return startSession(&state) + commit(&state, edit.changes, message: "note taken")
  }

  /// Records a headline told in the review: bad news when the text starts with `-`.
  static func recordHeadline(_ state: inout AppState, text: String) throws(RhythmError)
    -> [Effect]
  {
    // A headline belongs to a stored review: the review must have started.
    guard let session = state.review, session.phase == .running else {
      throw .message("start the review first (s)")
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let isBad = trimmed.hasPrefix("-")
    let told = isBad ? String(trimmed.dropFirst()) : trimmed
    return try performing(&state, message: isBad ? "bad news told" : "good news told") {
      data, context throws(RhythmError) in
      try MeetingEdits.headline(
        told, tone: isBad ? .bad : .good, review: session.reviewID, in: data, &context)
    }
  }

  // MARK: - Conclude

  static func conclude(_ state: inout AppState) -> [Effect] {
    guard let session = state.review else { return [] }
    guard session.phase == .running else {
      say(
        &state, session.phase == .preview ? "the review has not started (s)" : "already concluded",
        isError: true)
      return []
    }
    // Rated by the attendees one by one (R): their mean is the rating, nothing to ask.
    if let ratings = state.data.reviews[session.reviewID]?.ratings, !ratings.isEmpty {
      do {
        return try finish(&state, rating: nil)
      } catch {
        say(&state, error.description, isError: true)
        return []
      }
    }
    state.prompt = Prompt(purpose: .rating, label: "rate the meeting 1–10")
    return []
  }

  static func rate(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let rating = Int(trimmed) else {
      throw .invalidValue(field: "rating", value: trimmed, expected: "a whole number from 1 to 10")
    }
    return try finish(&state, rating: rating)
  }

  /// Concludes the review, with the room's `rating` when there is one.
  private static func finish(_ state: inout AppState, rating: Int?) throws(RhythmError)
    -> [Effect]
  {
    guard var session = state.review else { return [] }
    let mean = rating.map(Double.init) ?? state.data.reviews[session.reviewID]?.meanRating
    let effects = try performing(
      &state,
      message: "review held" + (mean.map { ", rated \(Minutes.score($0))/10" } ?? "")
        + " — minutes: rhythm export minutes " + state.shortID(session.reviewID)
    ) { data, context throws(RhythmError) in
      try ReviewEdits.conclude(session.reviewID, rating: rating, in: data, context)
    }
    session.phase = .concluded
    state.review = session
    return effects
  }

  static func minutesSent(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, session.phase == .concluded else { return [] }
    return perform(&state, message: "minutes marked as sent") {
      data, context throws(RhythmError) in
      try ReviewEdits.minutesSent(session.reviewID, in: data, context)
    }
  }

  /// After new data, keeps the open review in step with its stored record.
  static func refreshReview(_ state: inout AppState) {
    guard var session = state.review else { return }
    let stored = state.data.reviews[session.reviewID]
    switch stored?.status {
    case .held?: session.phase = .concluded
    case .live?: session.phase = .running
    default: session.phase = .preview
    }
    if let stored, session.phase != .preview { session.section = stored.currentSection }
    state.review = state.clampingSelections(session)
  }
}
