import Foundation

/// Cadences as an RFC 5545 calendar that other calendar programs can subscribe to.
///
/// One `VEVENT` per cadence with `DTSTART;TZID=…` (the wall time of its first occurrence),
/// `DURATION` and `RRULE`;
/// skipped occurrences are `EXDATE`s and each moved one is a `VEVENT` of the same `UID` with a
/// `RECURRENCE-ID`. Every zone used gets a `VTIMEZONE` built from the system's time zone data.
/// Lines end with CRLF and are folded at 75 octets.
public enum ICalendar {
  /// The calendar for `cadences` (removed ones, and ones whose rule gives no occurrence, left
  /// out).
  /// - Parameters:
  ///   - reviews: reviews of any cadence; skipped and moved ones become exceptions.
  ///   - people: used for the organiser's and attendees' names and emails.
  ///   - stamp: the `DTSTAMP` (now).
  ///   - exceptionsFrom: exceptions for occurrences before this instant are left out.
  /// - Throws: `RhythmError` when a cadence's rule, start or zone cannot be read.
  public static func document(
    cadences: [Cadence], reviews: [Review], people: [String: Person], stamp: Date,
    exceptionsFrom: Date? = nil
  ) throws(RhythmError) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rhythm//rhythm export ics//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ]
    let live = cadences.filter(\.isLive).sorted { $0.id < $1.id }
    var events: [String] = []
    var zones: [String: Date] = [:]
    for cadence in live {
      let schedule = try cadence.schedule()
      let zone = schedule.timeZone
      // DTSTART must be an occurrence: calendar programs show DTSTART as the first one even
      // when the rule does not pick it (RFC 5545 leaves that case undefined).
      var occurrences = schedule.occurrences().makeIterator()
      guard let earliest = occurrences.next() else { continue }
      let first = LocalDateTime(
        day: Day(containing: earliest, in: zone), time: schedule.start.time)
      zones[zone.identifier] = min(zones[zone.identifier] ?? earliest, earliest)
      let own = reviews.filter {
        $0.cadence == cadence.id && $0.isLive
          && $0.occurrence >= (exceptionsFrom ?? .distantPast)
      }.sorted { $0.occurrence < $1.occurrence }
      let uid = "UID:\(cadence.id)@rhythm"
      let tzid = "TZID=\(zone.identifier)"
      events.append("BEGIN:VEVENT")
      events.append(uid)
      events.append("DTSTAMP:" + utc(stamp))
      events.append("DTSTART;\(tzid):" + compact(first))
      events.append("DURATION:" + duration(minutes: cadence.durationMinutes))
      events.append("RRULE:" + rrule(schedule))
      let skipped = own.filter { $0.status == .skipped }
      if !skipped.isEmpty {
        events.append(
          "EXDATE;\(tzid):"
            + skipped.map { compact(LocalDateTime($0.occurrence, in: zone)) }.joined(
              separator: ","))
      }
      events += details(cadence, people: people)
      events.append("END:VEVENT")
      for moved in own where moved.status == .moved {
        guard let target = moved.movedTo else { continue }
        events.append("BEGIN:VEVENT")
        events.append(uid)
        events.append("DTSTAMP:" + utc(stamp))
        events.append("RECURRENCE-ID;\(tzid):" + compact(LocalDateTime(moved.occurrence, in: zone)))
        events.append("DTSTART;\(tzid):" + compact(LocalDateTime(target, in: zone)))
        events.append("DURATION:" + duration(minutes: cadence.durationMinutes))
        events += details(cadence, people: people)
        events.append("END:VEVENT")
      }
    }
    for name in zones.keys.sorted() {
      guard let zone = TimeZone(identifier: name), let from = zones[name] else { continue }
      lines += timeZoneLines(zone, from: from, to: stamp.addingTimeInterval(2 * 366 * 86_400))
    }
    lines += events
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined(separator: "\r\n") + "\r\n"
  }

  /// The title, description (agenda with timeboxes), organiser and attendees of a cadence.
  private static func details(_ cadence: Cadence, people: [String: Person]) -> [String] {
    var lines = ["SUMMARY:" + escape(cadence.title)]
    if !cadence.agenda.isEmpty {
      let agenda = cadence.agenda.map { "\($0.title) (\($0.minutes) min)" }
      lines.append("DESCRIPTION:" + escape("Agenda:\n" + agenda.joined(separator: "\n")))
    }
    if let facilitator = cadence.facilitator {
      lines.append("ORGANIZER;" + address(facilitator, people))
    }
    for participant in cadence.participants {
      lines.append("ATTENDEE;" + address(participant, people))
    }
    return lines
  }

  /// `CN=Maria Lopez:mailto:maria@example.com`; people without an email get a placeholder
  /// address in the `invalid` domain (RFC 2606), since the value must be a URI.
  private static func address(_ handle: String, _ people: [String: Person]) -> String {
    let person = people[handle]
    let name = person?.name ?? handle
    let email = person?.email ?? "\(handle)@rhythm.invalid"
    return "CN=\(parameter(name)):mailto:\(email)"
  }

  /// The rule as RRULE text; an `UNTIL` becomes UTC, as RFC 5545 requires when `DTSTART` has
  /// a zone.
  static func rrule(_ schedule: Schedule) -> String {
    var rule = schedule.rule
    switch rule.until {
    case .day(let day)?:
      let last = LocalDateTime(day: day, time: TimeOfDay(secondOfDay: 86_399))
      rule.until = .instant(last.instant(in: schedule.timeZone))
    case .local(let local)?:
      rule.until = .instant(local.instant(in: schedule.timeZone))
    case .instant?, nil:
      break
    }
    return rule.description
  }

  /// `PT1H30M`, `PT45M`, `PT2H`.
  static func duration(minutes: Int) -> String {
    let hours = minutes / 60
    let rest = minutes % 60
    var text = "PT"
    if hours > 0 { text += "\(hours)H" }
    if rest > 0 || hours == 0 { text += "\(rest)M" }
    return text
  }

  /// A `TEXT` value: backslash, semicolon, comma and line breaks escaped.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n", "\r\n", "\r": result += "\\n"
      default: result.append(character)
      }
    }
    return result
  }

  /// A parameter value, quoted when it holds `:`, `;` or `,` (double quotes cannot appear).
  static func parameter(_ text: String) -> String {
    let clean = text.replacingOccurrences(of: "\"", with: "'")
    guard clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) else { return clean }
    return "\"" + clean + "\""
  }

  /// Folds a content line: at most 75 octets per line, continuation lines starting with a
  /// space, never splitting a UTF-8 sequence. Lines are joined with CRLF.
  static func fold(_ line: String) -> String {
    var result = ""
    var current = 0
    var limit = 75
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if current + size > limit {
        result += "\r\n "
        current = 0
        limit = 74
      }
      result.unicodeScalars.append(scalar)
      current += size
    }
    return result
  }

  /// `20260302T100000`: a wall time.
  static func compact(_ local: LocalDateTime) -> String {
    Rule.compact(local.day) + "T" + Rule.compact(local.time)
  }

  /// `20260302T090000Z`: an instant in UTC.
  static func utc(_ date: Date) -> String {
    compact(LocalDateTime(date, in: Rule.utc)) + "Z"
  }

  /// A `VTIMEZONE` for `zone` from `from` to `to`: the offset in force at `from`, then each
  /// transition in between.
  static func timeZoneLines(_ zone: TimeZone, from: Date, to: Date) -> [String] {
    var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
    var offset = zone.secondsFromGMT(for: from)
    lines += observance(
      zone, at: from,
      local: LocalDateTime(day: Day(containing: from, in: zone), time: TimeOfDay(secondOfDay: 0)),
      from: offset, to: offset)
    var cursor = from
    while let transition = zone.nextDaylightSavingTimeTransition(after: cursor), transition < to {
      let next = zone.secondsFromGMT(for: transition)
      let local = LocalDateTime(transition.addingTimeInterval(Double(offset)), in: Rule.utc)
      lines += observance(zone, at: transition, local: local, from: offset, to: next)
      offset = next
      cursor = transition
    }
    lines.append("END:VTIMEZONE")
    return lines
  }

  private static func observance(
    _ zone: TimeZone, at date: Date, local: LocalDateTime, from: Int, to: Int
  ) -> [String] {
    let kind = zone.isDaylightSavingTime(for: date) ? "DAYLIGHT" : "STANDARD"
    var lines = [
      "BEGIN:" + kind, "DTSTART:" + compact(local), "TZOFFSETFROM:" + offsetText(from),
      "TZOFFSETTO:" + offsetText(to),
    ]
    if let name = zone.abbreviation(for: date) { lines.append("TZNAME:" + escape(name)) }
    lines.append("END:" + kind)
    return lines
  }

  /// `+0100`, `-0430`.
  static func offsetText(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let magnitude = abs(seconds)
    return sign + Day.pad(magnitude / 3600, 2) + Day.pad(magnitude % 3600 / 60, 2)
  }
}
