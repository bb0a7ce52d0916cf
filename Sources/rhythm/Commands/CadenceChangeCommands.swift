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
  @Option(help: "New agenda: a template name or Title:minutes[:kind],…") var agenda: String?

  func run() throws {
    let context = try CommandContext(storeOptions)
    let patch = CadenceEdits.Patch(
      title: title, rule: try rule.map { (text) throws(RhythmError) in try Rule.compile(text) },
      timeZone: try tz.map { (name) throws(RhythmError) in try CadenceSupport.zone(name) },
      durationMinutes: try duration.map { (text) throws(RhythmError) in
        try CadenceSupport.minutes(text)
      }, facilitator: facilitator, participants: participants.map(CadenceSupport.list),
      team: team,
      agenda: try agenda.map { (text) throws(RhythmError) in try AgendaTemplate.sections(for: text)
      }
    )
    guard
      [title, rule, tz, duration, facilitator, participants, team, agenda].contains(where: {
        $0 != nil
      })
    else {
      throw ValidationError(
        "nothing to change: give --title, --rule, --tz, --duration, --facilitator, --participants, --team or --agenda"
      )
    }
    let store = try context.openStore()
    var title = id
    try context.commit(store) { store, _ throws(RhythmError) in
      let cadence = try CadenceSupport.cadence(id, in: store)
      title = cadence.title
      return try CadenceEdits.edit(cadence.id, patch, in: store)
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
    try context.commit(store) { store, editContext throws(RhythmError) in
      let cadence = try CadenceSupport.cadence(id, in: store)
      let occurrence = try CadenceException.occurrence(date, of: cadence, context: context)
      report =
        "skipped \(cadence.title) on \(TimeText.dayAndTime(occurrence, try cadence.schedule().timeZone))"
      return try ReviewEdits.mark(cadence.id, occurrence: occurrence, in: store, &editContext)
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
    try context.commit(store) { store, editContext throws(RhythmError) in
      let cadence = try CadenceSupport.cadence(id, in: store)
      let zone = try cadence.schedule().timeZone
      let occurrence = try CadenceException.occurrence(date, of: cadence, context: context)
      let wall = try CadenceSupport.wallTime(
        newDate, defaultTime: LocalDateTime(occurrence, in: zone).time, context: context,
        field: "NEWDATE")
      let target = wall.instant(in: zone)
      report =
        "moved \(cadence.title) from \(TimeText.dayAndTime(occurrence, zone)) "
        + "to \(TimeText.dayAndTime(target, zone))"
      return try ReviewEdits.mark(
        cadence.id, occurrence: occurrence, movedTo: target, in: store, &editContext)
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
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var title = id
    try context.commit(store) { store, _ throws(RhythmError) in
      let cadence = try CadenceSupport.cadence(id, in: store)
      title = cadence.title
      return try CadenceEdits.remove(cadence.id, in: store)
    }
    Output.line("removed \(title)")
  }
}

/// Finding the occurrence a skip or a move names.
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
      let near = [around, after].compactMap { $0 }.map { TimeText.dayAndTime($0, zone) }
      if !near.isEmpty { reason += ": the nearest are " + near.joined(separator: " and ") }
      throw .message(reason)
    }
    return found
  }
}
