import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm when RULE`: previews a rule's next occurrences.
struct When: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "when",
    abstract: "Preview a rule: one ISO 8601 instant with its UTC offset per line.",
    discussion: """
      RULE is the friendly syntax or an RFC 5545 RRULE. A rule with no time takes the
      start's time.

      Friendly rules:
        daily 09:00                     weekdays 09:15
        weekly mon 10:00                weekly mon,thu 10:00
        every 2 weeks thu 16:00         monthly 15th 10:00
        monthly first mon 10:00         monthly second tue
        monthly last fri 16:00          monthly last business day
        quarterly first mon 09:30       quarterly last business day 16:00
        yearly jan 15 10:00

      RRULEs (FREQ DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY,
      BYMONTHDAY, BYMONTH, BYSETPOS, WKST):
        FREQ=WEEKLY;BYDAY=MO
        RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1
        FREQ=YEARLY;BYMONTH=6,7;BYDAY=TH;COUNT=10

      Examples:
        rhythm when "weekly mon 10:00" --start 2026-03-02T10:00 \\
          --tz America/New_York --count 3
        rhythm when "FREQ=MONTHLY;BYDAY=-1FR" --tz Europe/Berlin --json
        rhythm when "quarterly last business day 16:00" --rrule
      """
  )

  @Argument(help: "The rule, friendly or RRULE.")
  var rule: String

  @Option(help: "The first possible occurrence, YYYY-MM-DDTHH:MM[:SS] in --tz (default: now).")
  var start: String?

  @Option(help: "The IANA time zone (default: the system's).")
  var tz: String?

  @Option(help: "How many occurrences to print.")
  var count: Int = 10

  @Flag(help: "Print a JSON array of the instants.")
  var json = false

  @Flag(help: "Print the RRULE the rule compiles to and its DTSTART instead.")
  var rrule = false

  func validate() throws {
    guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
  }

  func run() throws {
    let compiled = try Rule.compile(rule)
    let zone: TimeZone
    if let tz {
      guard let named = TimeZone(identifier: tz) else { throw RhythmError.unknownTimeZone(tz) }
      zone = named
    } else {
      zone = TimeZone.current
    }
    let from: LocalDateTime
    if let start {
      guard let parsed = LocalDateTime.parse(start) else {
        throw RhythmError.invalidValue(
          field: "--start", value: start, expected: "YYYY-MM-DDTHH:MM[:SS], e.g. 2026-03-02T10:00")
      }
      from = parsed
    } else {
      let now = LocalDateTime(try Clock.fromEnvironment().now, in: zone)
      from = LocalDateTime(
        day: now.day, time: TimeOfDay(secondOfDay: now.time.secondOfDay / 60 * 60))
    }
    let schedule = Schedule(rule: compiled.rule, start: compiled.start(on: from), timeZone: zone)
    if rrule {
      Output.line("RRULE:\(compiled.rule)")
      Output.line("DTSTART;TZID=\(zone.identifier):\(schedule.start.compactForm)")
      return
    }
    // The listing begins at --start even when the rule's own time on that day is earlier.
    let lowerBound = max(from.instant(in: zone), schedule.startInstant)
    let lines = schedule.occurrences(from: lowerBound).prefix(count).map {
      ISOInstant.format($0, in: zone)
    }
    if json {
      Output.json(.array(lines.map { .string($0) }))
    } else {
      var output = ""
      output.reserveCapacity(lines.count * 26)
      for line in lines {
        output += line
        output += "\n"
      }
      Output.lines(output)
    }
  }
}

extension LocalDateTime {
  /// `20260302T100000`, the iCalendar form.
  fileprivate var compactForm: String {
    description.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
  }
}
