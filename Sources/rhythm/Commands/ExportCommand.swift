import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm export minutes|ics|csv|json`.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write minutes, a calendar, steps as CSV or everything as JSON.",
    subcommands: [Minutes.self, ICS.self, CSVSteps.self, JSONState.self])

  /// `rhythm export minutes REVIEW`.
  struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "minutes",
      abstract: "Print a review's minutes as Markdown (as the cockpit writes them).")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The review: 4+ characters of its id.") var review: String

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let found = try ReviewCommand.review(review, in: store)
      let text = RhythmCore.Minutes.markdown(review: found, state: try store.loadState())
      Output.lines(text.hasSuffix("\n") ? text : text + "\n")
    }
  }

  /// `rhythm export ics [--cadence ID] [--weeks 8]`.
  struct ICS: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ics", abstract: "Print the cadences as an iCalendar (RFC 5545) file.",
      discussion: """
        One recurring event per cadence (DTSTART in its zone, DURATION,
        RRULE); skipped occurrences are EXDATEs and moved ones are events
        with a RECURRENCE-ID.
        Example: rhythm export ics > rhythm.ics
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only this cadence (4+ characters of its id, or words of its title).")
    var cadence: String?
    @Option(help: "Include skipped and moved occurrences from this many weeks back onward.")
    var weeks = 8

    func validate() throws {
      guard weeks >= 0 else { throw ValidationError("--weeks must be 0 or more") }
    }

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      var cadences = Array(try store.records(Cadence.self).values)
      if let cadence { cadences = [try CadenceSupport.cadence(cadence, in: store)] }
      let now = context.clock.now
      let text = try ICalendar.document(
        cadences: cadences, reviews: Array(try store.records(Review.self).values),
        people: try store.records(Person.self), stamp: now,
        exceptionsFrom: now.addingTimeInterval(-Double(weeks) * 7 * 86_400))
      Output.document(text)
    }
  }

  /// `rhythm export csv`.
  struct CSVSteps: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "csv",
      abstract: "Print every step as CSV (a header line, then one step per line).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      Output.document(StepsCSV.export(Array(try store.records(Step.self).values)))
    }
  }

  /// `rhythm export json`.
  struct JSONState: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "json", abstract: "Print the whole state as one JSON document.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      Output.json(StateExport.json(try store.loadState(), now: context.clock.now))
    }
  }
}
