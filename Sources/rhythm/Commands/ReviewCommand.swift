import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm review list|show|start|attend|rate|unclear`.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "List, show, start and rate reviews; take attendance.",
    subcommands: [
      ReviewListCommand.self, ReviewShowCommand.self, ReviewRateCommand.self,
      ReviewStartCommand.self, ReviewAttendCommand.self, ReviewUnclearCommand.self,
    ])

  /// The review `reference` names: 4+ characters of its id.
  static func review(_ reference: String, in store: Store) throws(RhythmError) -> Review {
    let reviews = try store.records(Review.self)
    let id = try store.resolve(reference, among: reviews.keys, kind: "review")
    guard let review = reviews[id] else { throw .notFound(kind: "review", reference: reference) }
    return review
  }
}

/// `rhythm review list [--cadence ID] [--from D --to D] [--json]`.
struct ReviewListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List reviews, held and to come (default: the last 4 weeks and the next 2).",
    discussion: """
      Each occurrence of each cadence in the range, with its status:
      scheduled, live, held, skipped, moved or missed (past, and neither held,
      skipped nor moved). --json prints objects {id (null for an occurrence
      with no review record), short, cadence, cadenceTitle, occurrence,
      status, movedTo, rating (the mean of the attendees' ratings, else the
      room's one rating), ratings [{by, rating}], attendees, steps, decisions}.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "Only this cadence (4+ characters of its id, or words of its title).") var cadence:
    String?
  @Option(help: "First day (default: 4 weeks ago).") var from: String?
  @Option(help: "Last day, included (default: in 2 weeks).") var to: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let now = context.clock.now
    let first =
      try from.map { (text) throws(RhythmError) in try context.day(text) }
      ?? context.today.adding(days: -28)
    let last =
      try to.map { (text) throws(RhythmError) in try context.day(text) }
      ?? context.today.adding(days: 14)
    guard first <= last else { throw ValidationError("--from must not be after --to") }
    let range = first.start(in: context.timeZone)..<last.end(in: context.timeZone)
    let storedReviews = try store.records(Review.self)
    var cadences = Array(try store.records(Cadence.self).values)
    if let cadence {
      let chosen = try CadenceSupport.cadence(cadence, in: store)
      cadences = [chosen]
    }
    let reviews = Array(storedReviews.values)
    var rows: [(cadence: Cadence, entry: ScheduleEntry)] = []
    for cadence in cadences {
      let entries = try cadence.entries(in: range, reviews: reviews, now: now)
      rows += entries.map { (cadence, $0) }
      // Reviews whose occurrence the rule no longer gives (the rule was edited) still count.
      let shown = Set(entries.compactMap { $0.review?.id })
      for review in reviews
      where review.cadence == cadence.id && range.contains(review.occurrence)
        && !shown.contains(review.id)
      {
        let status = ScheduleEntry.Status(rawValue: review.status.rawValue) ?? .scheduled
        let derived: ScheduleEntry.Status =
          status == .scheduled && review.occurrence < now ? .missed : status
        rows.append(
          (
            cadence,
            ScheduleEntry(
              occurrence: review.occurrence, status: derived, review: review,
              movedTo: review.movedTo)
          ))
      }
    }
    // Cadence id and review id order ties the same on every device (two devices can each store
    // a review of one occurrence).
    rows.sort {
      ($0.entry.occurrence, $0.cadence.title, $0.cadence.id, $0.entry.review?.id ?? "")
        < ($1.entry.occurrence, $1.cadence.title, $1.cadence.id, $1.entry.review?.id ?? "")
    }
    let counts = try CadenceSupport.counts(store)
    let shorts = ShortIDs.map(Array(storedReviews.keys))
    if json {
      Output.json(
        .array(
          rows.map { row in
            let zone = TimeZone(identifier: row.cadence.timeZone) ?? context.timeZone
            let id = row.entry.review?.id
            return .object([
              "id": JSONValue(id), "short": JSONValue(id.flatMap { shorts[$0] }),
              "cadence": .string(row.cadence.id), "cadenceTitle": .string(row.cadence.title),
              "occurrence": .string(ISOInstant.format(row.entry.occurrence, in: zone)),
              "status": .string(row.entry.status.rawValue),
              "movedTo": row.entry.movedTo.map { .string(ISOInstant.format($0, in: zone)) }
                ?? .null,
              "rating": row.entry.review?.meanRating.map(JSONValue.number) ?? .null,
              "ratings": ReviewCommand.ratings(row.entry.review),
              "attendees": JSONValue(row.entry.review?.attendees ?? []),
              "steps": .number(Double(id.flatMap { counts.steps[$0] } ?? 0)),
              "decisions": .number(Double(id.flatMap { counts.decisions[$0] } ?? 0)),
            ])
          }))
      return
    }
    guard !rows.isEmpty else {
      Output.line("no reviews from \(first) to \(last)")
      return
    }
    Output.table(
      rows.map { row in
        let id = row.entry.review?.id
        var status = row.entry.status.rawValue
        if let target = row.entry.movedTo, row.entry.status == .moved {
          status += " to " + TimeText.local(target, context.timeZone)
        }
        return [
          id.flatMap { shorts[$0] } ?? "-",
          TimeText.dayAndTime(row.entry.occurrence, context.timeZone),
          row.cadence.title, status,
          row.entry.review?.meanRating.map { "\(Minutes.score($0))/10" } ?? "",
          CadenceSupport.countsText(
            steps: id.flatMap { counts.steps[$0] } ?? 0,
            decisions: id.flatMap { counts.decisions[$0] } ?? 0),
        ]
      })
  }
}

/// `rhythm review show REVIEW [--json]`.
struct ReviewShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a review: decisions, notes, steps captured, check-ins.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The review: 4+ characters of its id.") var id: String
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let review = try ReviewCommand.review(id, in: store)
    let state = try store.loadState()
    let cadence = state.cadences[review.cadence]
    let zone = cadence.flatMap { TimeZone(identifier: $0.timeZone) } ?? context.timeZone
    let decisions = state.decisions.values.filter { $0.review == review.id }.sorted {
      ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
    }
    let notes = state.notes.values.filter { $0.review == review.id }.sorted {
      ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
    }
    let steps = state.steps.values.filter { $0.review == review.id }.sorted {
      ($0.owner, $0.due, $0.id) < ($1.owner, $1.due, $1.id)
    }
    let headlines = state.headlines.values.filter { $0.review == review.id }.sorted {
      ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
    }
    let checked = review.checkins.keys.sorted().map {
      (id: $0, step: state.steps[$0], answer: review.checkins[$0] ?? "")
    }
    let stepShorts = ShortIDs.map(Array(state.steps.keys))
    let short = ShortIDs.map(Array(state.reviews.keys))[review.id] ?? review.id
    func iso(_ date: Date?) -> JSONValue {
      date.map { .string(ISOInstant.format($0, in: zone)) } ?? .null
    }
    if json {
      Output.json(
        .object([
          "id": .string(review.id), "short": .string(short), "cadence": .string(review.cadence),
          "cadenceTitle": JSONValue(cadence?.title), "occurrence": iso(review.occurrence),
          "status": .string(review.status.rawValue), "movedTo": iso(review.movedTo),
          "startedAt": iso(review.startedAt), "endedAt": iso(review.endedAt),
          "rating": review.meanRating.map(JSONValue.number) ?? .null,
          "ratings": ReviewCommand.ratings(review), "attendees": JSONValue(review.attendees),
          "unclear": review.unclear.map(JSONValue.bool) ?? .null,
          "audit": .array(
            (AuditSummary(review)?.answers ?? []).map { answer in
              .object([
                "by": .string(answer.by), "risk": answer.answer.risk.json,
                "transparency": answer.answer.transparency.json, "drive": answer.answer.drive.json,
              ])
            }),
          "headlines": .array(
            headlines.map {
              .object([
                "id": .string($0.id), "text": .string($0.text), "tone": .string($0.tone.rawValue),
                "by": JSONValue($0.by),
              ])
            }),
          "minutesAt": iso(review.minutesAt),
          "decisions": .array(
            decisions.map {
              .object([
                "id": .string($0.id), "text": .string($0.text),
                "decidedBy": JSONValue($0.decidedBy),
              ])
            }),
          "notes": .array(
            notes.map {
              .object([
                "id": .string($0.id), "text": .string($0.text), "author": JSONValue($0.author),
              ])
            }),
          "steps": .array(
            steps.map { StepListCommand.json($0, short: stepShorts[$0.id] ?? $0.id) }),
          "checkins": .array(
            checked.map {
              .object([
                "step": .string($0.id), "title": JSONValue($0.step?.title),
                "owner": JSONValue($0.step?.owner),
                "answer": .string($0.answer),
              ])
            }),
        ]))
      return
    }
    Output.line(
      "\(cadence?.title ?? "Review") — \(TimeText.dayAndTime(review.occurrence, zone)) \(zone.identifier)  (review \(short))"
    )
    var facts: [[String]] = [["status", review.status.rawValue]]
    if let target = review.movedTo {
      facts.append(["moved to", TimeText.dayAndTime(target, zone)])
    }
    if let started = review.startedAt {
      var text = TimeText.local(started, zone)
      if let ended = review.endedAt { text += " – " + TimeText.local(ended, zone) }
      facts.append(["held", text])
    }
    facts.append(["rating", review.meanRating.map { "\(Minutes.score($0))/10" } ?? "-"])
    if !review.ratings.isEmpty {
      facts.append([
        "ratings",
        review.ratings.keys.sorted().map { "@\($0) \(review.ratings[$0] ?? 0)" }
          .joined(separator: ", "),
      ])
    }
    if !review.attendees.isEmpty {
      facts.append(["attendees", review.attendees.map { "@" + $0 }.joined(separator: ", ")])
    }
    if let unclear = review.unclear {
      facts.append(["unclear", unclear ? "yes: something is unclear about who does what" : "no"])
    }
    facts.append([
      "minutes", review.minutesAt.map { "out " + TimeText.local($0, zone) } ?? "not out",
    ])
    Output.table(facts)
    if !headlines.isEmpty {
      Output.line()
      Output.line("headlines")
      for headline in headlines { Output.line("  \(headline.tone.rawValue): \(headline.text)") }
    }
    Output.line()
    Output.line("decisions")
    if decisions.isEmpty { Output.line("  none") }
    for decision in decisions {
      Output.line("  - \(decision.text)" + (decision.decidedBy.map { " (@\($0))" } ?? ""))
    }
    Output.line()
    Output.line("steps captured")
    if steps.isEmpty { Output.line("  none") }
    Output.table(
      steps.map {
        [
          "  " + (stepShorts[$0.id] ?? $0.id), $0.due.description, "@" + $0.owner,
          $0.status.rawValue, $0.title,
        ]
      })
    Output.line()
    Output.line("check-ins on last time's steps")
    if checked.isEmpty { Output.line("  none") }
    Output.table(
      checked.map {
        [
          "  " + ($0.step.map { "@" + $0.owner } ?? "-"), $0.answer == "done" ? "done" : "not done",
          $0.step?.title ?? $0.id,
        ]
      })
    Output.line()
    Output.line("notes")
    if notes.isEmpty { Output.line("  none") }
    // A note of several lines (written in $EDITOR) is one item, its later lines indented.
    for note in notes {
      for line in TextLines.listItem(note.text, bullet: "  - ") { Output.line(line) }
    }
  }
}

/// `rhythm review rate REVIEW N [--by P]`.
struct ReviewRateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rate", abstract: "Rate a review from 1 to 10 (one rating per person).",
    discussion: """
      The rating is --by's, else yours when you are a person of the store (RHYTHM_USER, else
      your login name): each person has one rating, and a new one replaces it; the review's
      rating is their mean. When you are not a person of the store and give no --by, it is
      the room's one rating (refused once people rate the review one by one).
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The review: 4+ characters of its id.") var id: String
  @Argument(help: "The rating, 1 to 10.") var rating: Int
  @Option(help: "Whose rating it is.") var by: String?

  func run() throws {
    let context = try CommandContext(storeOptions)
    _ = try EditRules.rating(rating)
    let store = try context.openStore()
    var short = id
    var rater = by.map(EditRules.handle)
    try context.commit(store) { store, _ throws(RhythmError) in
      let review = try ReviewCommand.review(id, in: store)
      short = try References.short(Review.self, id: review.id, in: store)
      if rater == nil, try store.live(Person.self, id: store.person) != nil {
        rater = store.person
      }
      return try ReviewEdits.rate(review.id, rating: rating, by: rater, in: store)
    }
    Output.line("rated \(short) \(rating)/10" + (rater.map { " by @\($0)" } ?? ""))
  }
}

/// `rhythm review attend REVIEW P... [--absent P...]`.
struct ReviewAttendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attend", abstract: "Take attendance: who was there, who was not.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The review: 4+ characters of its id.") var id: String
  @Argument(help: "People who were there.") var present: [String] = []
  @Option(parsing: .upToNextOption, help: "People who were not.") var absent: [String] = []

  func run() throws {
    guard !present.isEmpty || !absent.isEmpty else {
      throw ValidationError("name who was there (and --absent who was not)")
    }
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var reviewID = id
    try context.commit(store) { store, _ throws(RhythmError) in
      reviewID = try ReviewCommand.review(id, in: store).id
      return try ReviewEdits.attend(reviewID, present: present, absent: absent, in: store)
    }
    let attendees = try store.records(Review.self)[reviewID]?.attendees ?? []
    Output.line(
      "attendees of \(try References.short(Review.self, id: reviewID, in: store)): "
        + (attendees.isEmpty ? "none" : attendees.map { "@" + $0 }.joined(separator: ", ")))
  }
}

/// `rhythm review unclear REVIEW yes|no`.
struct ReviewUnclearCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unclear", abstract: "Record whether anything is unclear about who does what.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The review: 4+ characters of its id.") var id: String
  @Argument(help: "yes or no.") var answer: YesNo

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var short = id
    try context.commit(store) { store, _ throws(RhythmError) in
      let review = try ReviewCommand.review(id, in: store)
      short = try References.short(Review.self, id: review.id, in: store)
      return try ReviewEdits.setUnclear(review.id, answer == .yes, in: store)
    }
    Output.line("\(short): " + (answer == .yes ? "something is unclear" : "nothing is unclear"))
  }
}

/// A yes or no answer on the command line.
enum YesNo: String, ExpressibleByArgument, CaseIterable {
  case yes, no
}

extension ReviewCommand {
  /// A review's ratings as `[{by, rating}]`, in handle order.
  static func ratings(_ review: Review?) -> JSONValue {
    guard let review else { return .array([]) }
    return .array(
      review.ratings.keys.sorted().map {
        .object(["by": .string($0), "rating": (review.ratings[$0] ?? 0).json])
      })
  }
}
