import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm cadence edit ID [--title --rule --tz --duration --facilitator --participants --team --agenda]`.
struct CadenceEditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Change a cadence.",
    discussion: "A new rule keeps the start's day; a new zone keeps the wall-clock time.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The cadence: 4+ characters of its id, or words of its title.") var id: String
  @Option(help: "New title.") var title: String?
  @Option(help: "New rule, friendly or RRULE.") var rule: String?
  @Option(help: "New IANA time zone.") var tz: String?
  @Option(help: "New length: 60m, 1h30m.") var duration: String?
  @Option(help: "New facilitator (a handle).") var facilitator: String?
  @Option(help: "New participants: handles separated by commas.") var participants: String?
  @Option(help: "New team.") var team: String?
  @Option(help: "New agenda: a template name or Title:minutes,…") var agenda: String?

  func run() throws {
    let context = try CommandContext(storeOptions)
    var fields: [String: JSONValue] = [:]
    if let title {
      let trimmed = title.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { throw ValidationError("the title cannot be empty") }
      fields["title"] = .string(trimmed)
    }
    let compiled = try rule.map { (text) throws(RhythmError) in try Rule.compile(text) }
    if let tz { fields["timeZone"] = .string(try CadenceSupport.zone(tz).identifier) }
    if let duration {
      fields["durationMinutes"] = .number(Double(try CadenceSupport.minutes(duration)))
    }
    if let agenda {
      fields["agenda"] = CadenceSupport.agendaJSON(try AgendaTemplate.sections(for: agenda))
    }
    guard
      !fields.isEmpty || compiled != nil || facilitator != nil || participants != nil || team != nil
    else {
      throw ValidationError(
        "nothing to change: give --title, --rule, --tz, --duration, --facilitator, --participants, --team or --agenda"
      )
    }
    let store = try context.openStore()
    var title = id
    try store.commit { store throws(RhythmError) -> [Change] in
      let cadence = try CadenceSupport.cadence(id, in: store)
      title = cadence.title
      var changed = fields
      if let compiled {
        guard let old = LocalDateTime.parse(cadence.start) else {
          throw .invalidValue(field: "start", value: cadence.start, expected: "YYYY-MM-DDTHH:MM:SS")
        }
        changed["rule"] = .string(compiled.rule.description)
        changed["start"] = .string(compiled.start(on: old).description)
      }
      if let facilitator {
        changed["facilitator"] = .string(try CadenceSupport.person(facilitator, in: store))
      }
      if let participants {
        changed["participants"] = JSONValue(try CadenceSupport.people(participants, in: store))
      }
      if let team { changed["team"] = .string(try CadenceSupport.team(team, in: store)) }
      return [.update(Cadence.self, id: cadence.id, changed)]
    }
    Output.line("changed \(title)")
  }
}

/// `rhythm cadence skip ID DATE`.
struct CadenceSkipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skip", abstract: "Skip one occurrence of a cadence.",
    discussion: "DATE is the occurrence's day in the cadence's zone (2026-12-07, mon, +1w).")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The cadence: 4+ characters of its id, or words of its title.") var id: String
  @Argument(help: "The day of the occurrence.") var date: String

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var report = ""
    try store.commit { store throws(RhythmError) -> [Change] in
      let cadence = try CadenceSupport.cadence(id, in: store)
      let occurrence = try CadenceException.occurrence(date, of: cadence, context: context)
      report =
        "skipped \(cadence.title) on \(CadenceSupport.dayAndTime(occurrence, try cadence.schedule().timeZone))"
      return try CadenceException.changes(
        cadence: cadence, occurrence: occurrence, status: .skipped, movedTo: nil, store: store)
    }
    Output.line(report)
  }
}

/// `rhythm cadence move ID DATE NEWDATE[THH:MM]`.
struct CadenceMoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "move", abstract: "Move one occurrence of a cadence to another day or time.",
    discussion: """
      DATE is the occurrence's day in the cadence's zone; NEWDATE is
      YYYY-MM-DD[THH:MM] (or a shorthand such as fri) in that zone; without
      a time the occurrence keeps its time.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The cadence: 4+ characters of its id, or words of its title.") var id: String
  @Argument(help: "The day of the occurrence.") var date: String
  @Argument(help: "Where it goes: YYYY-MM-DD[THH:MM].") var newDate: String

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var report = ""
    try store.commit { store throws(RhythmError) -> [Change] in
      let cadence = try CadenceSupport.cadence(id, in: store)
      let zone = try cadence.schedule().timeZone
      let occurrence = try CadenceException.occurrence(date, of: cadence, context: context)
      let wall = try CadenceSupport.wallTime(
        newDate, defaultTime: LocalDateTime(occurrence, in: zone).time, context: context,
        field: "NEWDATE")
      let target = wall.instant(in: zone)
      guard target != occurrence else {
        throw .message("that is when it already is: give another day or time")
      }
      report =
        "moved \(cadence.title) from \(CadenceSupport.dayAndTime(occurrence, zone)) "
        + "to \(CadenceSupport.dayAndTime(target, zone))"
      return try CadenceException.changes(
        cadence: cadence, occurrence: occurrence, status: .moved, movedTo: target, store: store)
    }
    Output.line(report)
  }
}

/// `rhythm cadence remove ID`.
struct CadenceRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove a cadence (its reviews are kept; `rhythm undo` brings it back).")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The cadence: 4+ characters of its id, or words of its title.") var id: String

  func run() throws {
    let store = try CommandContext(storeOptions).openStore()
    var title = id
    try store.commit { store throws(RhythmError) -> [Change] in
      let cadence = try CadenceSupport.cadence(id, in: store)
      title = cadence.title
      return [.update(Cadence.self, id: cadence.id, ["deleted": .bool(true)])]
    }
    Output.line("removed \(title)")
  }
}

/// Skipping and moving one occurrence: both are a review with that status.
enum CadenceException {
  /// The occurrence of `cadence` on the day `text` names (in the cadence's zone).
  /// - Throws: `RhythmError.message` when the cadence has none that day.
  static func occurrence(
    _ text: String, of cadence: Cadence, context: CommandContext
  ) throws(RhythmError) -> Date {
    let schedule = try cadence.schedule()
    let zone = schedule.timeZone
    let day: Day
    if let local = LocalDateTime.parse(text) {
      day = local.day
    } else {
      day = try context.day(text)
    }
    guard let found = schedule.occurrences(in: day.start(in: zone)..<day.end(in: zone)).first else {
      var reason = "\(cadence.title) has no occurrence on \(day) (\(zone.identifier))"
      let around = schedule.occurrences(
        in: day.adding(days: -45).start(in: zone)..<day.end(in: zone)
      ).last
      let after = schedule.next(after: day.end(in: zone))
      let near = [around, after].compactMap { $0 }.map { CadenceSupport.dayAndTime($0, zone) }
      if !near.isEmpty { reason += ": the nearest are " + near.joined(separator: " and ") }
      throw .message(reason)
    }
    return found
  }

  /// The change that marks the occurrence: an update of its review, or a new review.
  static func changes(
    cadence: Cadence, occurrence: Date, status: Review.Status, movedTo: Date?, store: Store
  ) throws(RhythmError) -> [Change] {
    let existing = try store.records(Review.self).values.first {
      $0.cadence == cadence.id && $0.occurrence == occurrence
    }
    if let existing {
      guard existing.status != .held && existing.status != .live else {
        let when = CadenceSupport.dayAndTime(occurrence, try cadence.schedule().timeZone)
        throw .message(
          "\(cadence.title) on \(when) is already \(existing.status.rawValue): "
            + "it cannot be \(status.rawValue)")
      }
      return [
        .update(
          Review.self, id: existing.id,
          ["status": .string(status.rawValue), "movedTo": JSONValue(movedTo)])
      ]
    }
    var review = Review(
      id: store.newID(), cadence: cadence.id, occurrence: occurrence, status: status)
    review.movedTo = movedTo
    return [.create(review)]
  }
}
