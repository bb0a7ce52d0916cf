import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm cadence add|list|show|edit|skip|move|remove`.
struct CadenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cadence", abstract: "Add, list and change recurring reviews.",
    subcommands: [
      CadenceAddCommand.self, CadenceListCommand.self, CadenceShowCommand.self,
      CadenceEditCommand.self, CadenceSkipCommand.self, CadenceMoveCommand.self,
      CadenceRemoveCommand.self,
    ])
}

/// `rhythm cadence add TITLE --rule RULE [--tz ZONE] [--start …] [--duration …] …`.
struct CadenceAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a cadence; prints its short id and next occurrence.",
    discussion: """
      RULE is friendly (weekly mon 10:00, every 2 weeks thu 16:00,
      monthly first mon 10:00, quarterly last business day 16:00,
      weekdays 09:15) or an RRULE (FREQ=WEEKLY;BYDAY=MO): see
      `rhythm when --help`. AGENDA is a template (weekly, pipeline, monthly,
      quarterly) or sections with minutes and, optionally, a kind:
      "Check-in:5,Metrics:10,Open questions:30:topics". A section without a
      kind gets the one its title suggests (free when none does). Kinds:
      checkin, scorecard, priorities, headlines, steps, topics, audit,
      decision-rights, conclude, free.

      Example:
        rhythm cadence add "Marketing weekly" --rule "weekly mon 10:00" \\
          --tz Europe/Berlin --facilitator maria --participants maria,li \\
          --agenda weekly
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The title.") var title: [String]
  @Option(help: "When it recurs: friendly or RRULE.") var rule: String
  @Option(help: "IANA time zone (default: the system's).") var tz: String?
  @Option(
    help:
      "First possible occurrence, YYYY-MM-DD[THH:MM] (default: today at the rule's time, else 09:00; tomorrow once that has passed)."
  )
  var start: String?
  @Option(help: "Length: 60m, 1h30m (default: the agenda's total, else 60m).") var duration: String?
  @Option(help: "Who runs it (a handle).") var facilitator: String?
  @Option(help: "Who attends: handles separated by commas.") var participants: String?
  @Option(help: "The team it belongs to.") var team: String?
  @Option(help: "A template name or Title:minutes[:kind],…") var agenda: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let name = title.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw ValidationError("the cadence has no title") }
    let compiled = try Rule.compile(rule)
    let zone =
      try tz.map { (name) throws(RhythmError) in try CadenceSupport.zone(name) } ?? .current
    let sections =
      try agenda.map { (text) throws(RhythmError) in try AgendaTemplate.sections(for: text) } ?? []
    let defaultTime = compiled.time ?? TimeOfDay(secondOfDay: 9 * 3600)
    let first: LocalDateTime
    if let start {
      first = try CadenceSupport.wallTime(
        start, defaultTime: defaultTime, context: context, field: "--start")
    } else {
      // Today, unless its time has passed: a new cadence has no missed occurrence.
      let today = LocalDateTime(
        day: Day(containing: context.clock.now, in: zone), time: defaultTime)
      first =
        today.instant(in: zone) < context.clock.now
        ? LocalDateTime(day: today.day.adding(days: 1), time: defaultTime) : today
    }
    let minutes = try duration.map { (text) throws(RhythmError) in
      try CadenceSupport.minutes(text)
    }
    let store = try context.openStore()
    let draft = CadenceEdits.Draft(
      title: name, rule: compiled, start: first, timeZone: zone, durationMinutes: minutes,
      facilitator: facilitator, participants: participants.map(CadenceSupport.list) ?? [],
      team: team, agenda: sections)
    let edit = try context.commit(store) { store, editContext throws(RhythmError) in
      try CadenceEdits.add(draft, in: store, &editContext)
    }
    guard let id = edit.created, let cadence = try store.records(Cadence.self)[id] else { return }
    let cadences = try store.records(Cadence.self)
    let short = CadenceSupport.shortIDs(cadences)[id] ?? id
    let now = context.clock.now
    let next = try cadence.upcoming(reviews: [], now: now)
    if json {
      Output.json(
        .object([
          "id": .string(id), "short": .string(short), "rule": .string(cadence.rule),
          "start": .string(cadence.start), "timeZone": .string(cadence.timeZone),
          "next": next.map { .string(ISOInstant.format($0.occurrence, in: zone)) } ?? .null,
        ]))
      return
    }
    let when =
      next.map {
        "next \(TimeText.dayAndTime($0.occurrence, zone)) \(zone.identifier) "
          + "(\(TimeText.countdown(to: $0.occurrence, from: now)))"
      } ?? "no occurrences ahead"
    Output.line("\(short)  \(try cadence.describeRule()), \(when)")
  }
}

/// `rhythm cadence list [--json]`.
struct CadenceListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List cadences with their rules and next occurrences.")

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let now = context.clock.now
    let cadences = try store.records(Cadence.self)
    let reviews = Array(try store.records(Review.self).values)
    let shorts = CadenceSupport.shortIDs(cadences)
    var rows: [(cadence: Cadence, words: String, next: ScheduleEntry?)] = []
    for cadence in cadences.values {
      rows.append(
        (
          cadence, try cadence.describeRule(),
          try cadence.upcoming(reviews: reviews, now: now)
        ))
    }
    rows.sort {
      let left = $0.next?.movedTo ?? $0.next?.occurrence ?? .distantFuture
      let right = $1.next?.movedTo ?? $1.next?.occurrence ?? .distantFuture
      return (left, $0.cadence.title, $0.cadence.id) < (right, $1.cadence.title, $1.cadence.id)
    }
    if json {
      Output.json(
        .array(
          rows.map { row in
            let zone = TimeZone(identifier: row.cadence.timeZone) ?? context.timeZone
            let when = row.next.map { $0.movedTo ?? $0.occurrence }
            return .object([
              "id": .string(row.cadence.id),
              "short": .string(shorts[row.cadence.id] ?? row.cadence.id),
              "title": .string(row.cadence.title), "rule": .string(row.cadence.rule),
              "ruleText": .string(row.words), "timeZone": .string(row.cadence.timeZone),
              "durationMinutes": .number(Double(row.cadence.durationMinutes)),
              "facilitator": JSONValue(row.cadence.facilitator),
              "participants": JSONValue(row.cadence.participants),
              "team": JSONValue(row.cadence.team),
              "next": when.map { .string(ISOInstant.format($0, in: zone)) } ?? .null,
              "nextStatus": JSONValue(row.next?.status.rawValue),
            ])
          }))
      return
    }
    guard !rows.isEmpty else {
      Output.line(
        "no cadences: add one with `rhythm cadence add TITLE --rule \"weekly mon 10:00\"`")
      return
    }
    Output.table(
      rows.map { row in
        let zone = TimeZone(identifier: row.cadence.timeZone) ?? context.timeZone
        var next = "-"
        if let entry = row.next {
          let when = entry.movedTo ?? entry.occurrence
          next =
            TimeText.dayAndTime(when, zone) + "  "
            + (entry.status == .live ? "live now" : TimeText.countdown(to: when, from: now))
          if entry.status == .moved { next += " (moved)" }
        }
        return [
          shorts[row.cadence.id] ?? row.cadence.id, row.cadence.title, row.words,
          row.cadence.timeZone, next,
        ]
      })
  }
}

/// `rhythm cadence show ID [--json]`.
struct CadenceShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a cadence: rule, people, agenda, next 10 occurrences, the last 8 weeks.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The cadence: 4+ characters of its id, or words of its title.") var id: String
  @Option(help: "How many weeks back to show reviews.") var weeks = 8
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard weeks >= 0 else { throw ValidationError("--weeks must be 0 or more") }
  }

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let now = context.clock.now
    let cadence = try CadenceSupport.cadence(id, in: store)
    let allReviews = try store.records(Review.self)
    let schedule = try cadence.schedule()
    let zone = schedule.timeZone
    let reviews = Array(allReviews.values)
    let upcoming = schedule.occurrences(after: now, limit: 10)
    var next: [ScheduleEntry] = []
    if let first = upcoming.first, let last = upcoming.last {
      next = try cadence.entries(in: first..<last.addingTimeInterval(1), reviews: reviews, now: now)
    }
    let from = now.addingTimeInterval(-Double(weeks) * 7 * 86_400)
    let recent = try cadence.entries(in: from..<now, reviews: reviews, now: now).reversed()
    let counts = try CadenceSupport.counts(store)
    let reviewShorts = ShortIDs.map(Array(allReviews.keys))
    let short = CadenceSupport.shortIDs(try store.records(Cadence.self))[cadence.id] ?? cadence.id
    let words = try cadence.describeRule()
    func iso(_ date: Date?) -> JSONValue {
      date.map { .string(ISOInstant.format($0, in: zone)) } ?? .null
    }
    if json {
      Output.json(
        .object([
          "id": .string(cadence.id), "short": .string(short), "title": .string(cadence.title),
          "rule": .string(cadence.rule), "ruleText": .string(words),
          "start": .string(cadence.start),
          "timeZone": .string(cadence.timeZone),
          "durationMinutes": .number(Double(cadence.durationMinutes)),
          "facilitator": JSONValue(cadence.facilitator),
          "participants": JSONValue(cadence.participants),
          "team": JSONValue(cadence.team), "agenda": cadence.agenda.json,
          "next": .array(
            next.map {
              .object([
                "occurrence": iso($0.occurrence), "status": .string($0.status.rawValue),
                "movedTo": iso($0.movedTo),
              ])
            }),
          "recent": .array(
            recent.map { entry in
              let reviewID = entry.review?.id
              return .object([
                "id": JSONValue(reviewID), "occurrence": iso(entry.occurrence),
                "status": .string(entry.status.rawValue), "movedTo": iso(entry.movedTo),
                "rating": entry.review?.meanRating.map(JSONValue.number) ?? .null,
                "steps": .number(Double(reviewID.flatMap { counts.steps[$0] } ?? 0)),
                "decisions": .number(Double(reviewID.flatMap { counts.decisions[$0] } ?? 0)),
              ])
            }),
        ]))
      return
    }
    var lines: [[String]] = [
      ["cadence", "\(cadence.title)  (\(short))"],
      ["rule", words],
      ["rrule", cadence.rule],
      ["start", cadence.start],
      ["zone", cadence.timeZone],
      ["duration", "\(cadence.durationMinutes) min"],
      ["facilitator", cadence.facilitator.map { "@" + $0 } ?? "-"],
      [
        "participants",
        cadence.participants.isEmpty
          ? "-" : cadence.participants.map { "@" + $0 }.joined(separator: ", "),
      ],
    ]
    if let team = cadence.team { lines.append(["team", team]) }
    Output.table(lines)
    Output.line()
    if cadence.agenda.isEmpty {
      Output.line("agenda: none")
    } else {
      Output.line("agenda (\(cadence.agenda.reduce(0) { $0 + $1.minutes }) min)")
      Output.table(cadence.agenda.map { ["  " + $0.title, "\($0.minutes) min", $0.kind.rawValue] })
    }
    Output.line()
    Output.line("next occurrences (\(zone.identifier))")
    if next.isEmpty { Output.line("  none") }
    Output.table(
      next.map { entry in
        var row = [
          "  " + TimeText.dayAndTime(entry.occurrence, zone),
          TimeText.countdown(to: entry.occurrence, from: now),
        ]
        switch entry.status {
        case .skipped: row.append("skipped")
        case .moved:
          row.append(
            "moved to " + (entry.movedTo.map { TimeText.dayAndTime($0, zone) } ?? "?"))
        case .live: row.append("live")
        default: row.append("")
        }
        return row
      })
    Output.line()
    Output.line("last \(weeks) weeks")
    if recent.isEmpty { Output.line("  none") }
    Output.table(
      recent.map { entry in
        let reviewID = entry.review?.id
        var status = entry.status.rawValue
        if entry.status == .moved, let target = entry.movedTo {
          status += " to " + TimeText.local(target, zone)
        }
        return [
          "  " + TimeText.dayAndTime(entry.occurrence, zone),
          reviewID.flatMap { reviewShorts[$0] } ?? "-",
          status, entry.review?.meanRating.map { "rating \(Minutes.score($0))" } ?? "",
          CadenceSupport.countsText(
            steps: reviewID.flatMap { counts.steps[$0] } ?? 0,
            decisions: reviewID.flatMap { counts.decisions[$0] } ?? 0),
        ]
      })
  }
}
