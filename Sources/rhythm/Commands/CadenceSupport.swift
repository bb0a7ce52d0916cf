import ArgumentParser
import Foundation
import RhythmCore

/// What the cadence and review commands share: reading their options, finding records and
/// writing times and countdowns.
enum CadenceSupport {
  /// The cadence `reference` names (a 4+ character beginning or ending of its id, or words of
  /// its title), among live cadences.
  static func cadence(_ reference: String, in store: Store) throws(RhythmError) -> Cadence {
    var data = StoreState()
    data.cadences = try store.records(Cadence.self)
    return try findCadence(reference, in: data)
  }

  /// The short forms of the live cadences' ids.
  static func shortIDs(_ cadences: [String: Cadence]) -> [String: String] {
    ShortIDs.map(Array(cadences.keys))
  }

  /// Reads `60m`, `1h30m`, `2h` or a bare number of minutes (1 minute to 24 hours).
  static func minutes(_ text: String) throws(RhythmError) -> Int {
    let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
    let invalid = RhythmError.invalidValue(
      field: "duration", value: text, expected: "minutes or hours such as 60m, 1h30m, 90")
    if let plain = Int(lower) {
      guard (1...1440).contains(plain) else { throw invalid }
      return plain
    }
    var total = 0
    var digits = ""
    var sawUnit = false
    for character in lower {
      if character.isASCII, character.isNumber {
        digits.append(character)
      } else if character == "h" || character == "m", let value = Int(digits) {
        total += character == "h" ? value * 60 : value
        digits = ""
        sawUnit = true
      } else {
        throw invalid
      }
    }
    guard sawUnit, digits.isEmpty, (1...1440).contains(total) else { throw invalid }
    return total
  }

  /// The handles in `text`, separated by commas.
  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }

  /// An IANA time zone.
  static func zone(_ name: String) throws(RhythmError) -> TimeZone {
    guard let zone = TimeZone(identifier: name) else { throw .unknownTimeZone(name) }
    return zone
  }

  /// A wall time typed as `YYYY-MM-DD[THH:MM]` or a date shorthand (`fri`, `+1w`); the time is
  /// `defaultTime` when none is given.
  static func wallTime(
    _ text: String, defaultTime: TimeOfDay, context: CommandContext, field: String
  ) throws(RhythmError) -> LocalDateTime {
    if let full = LocalDateTime.parse(text) { return full }
    if let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) {
      let day = try context.day(String(text[..<separator]))
      guard let time = TimeOfDay.parse(text[text.index(after: separator)...]) else {
        throw .invalidValue(
          field: field, value: text,
          expected: "YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-12-01T10:00")
      }
      return LocalDateTime(day: day, time: time)
    }
    return LocalDateTime(day: try context.day(text), time: defaultTime)
  }

  /// (a moved one at its new time), or a review that is live now.
  static func upcoming(
    _ cadence: Cadence, reviews: [Review], now: Date
  ) throws(RhythmError) -> ScheduleEntry? {
    let own = reviews.filter { $0.cadence == cadence.id && $0.isLive }
    if let live = own.first(where: { $0.status == .live }) {
      return ScheduleEntry(occurrence: live.occurrence, status: .live, review: live)
    }
    let schedule = try cadence.schedule()
    // A moved occurrence may come later than the occurrences after it, or be due although
    // its occurrence is past: look back a little and keep the earliest time still ahead.
    var best: ScheduleEntry?
    var time: Date?
    let moved = own.filter { $0.status == .moved && ($0.movedTo ?? .distantPast) > now }
    for review in moved {
      guard let target = review.movedTo, target < (time ?? .distantFuture) else { continue }
      best = ScheduleEntry(
        occurrence: review.occurrence, status: .moved, review: review, movedTo: target)
      time = target
    }
    let byOccurrence = Dictionary(own.map { ($0.occurrence, $0) }, uniquingKeysWith: { $1 })
    for occurrence in schedule.occurrences(from: now).prefix(400) where occurrence > now {
      if let time, occurrence >= time { break }
      let review = byOccurrence[occurrence]
      switch review?.status {
      case .skipped?, .moved?, .held?: continue
      default:
        return ScheduleEntry(occurrence: occurrence, status: .scheduled, review: review)
      }
    }
    return best
  }

  /// Steps and decisions captured in each review, by review id. Steps are read through the
  /// store's fast path (no typed decoding of the whole state).
  static func counts(_ store: Store) throws(RhythmError) -> (
    steps: [String: Int], decisions: [String: Int]
  ) {
    var steps: [String: Int] = [:]
    for step in try store.steps(try store.stepRows()) {
      if let review = step.review { steps[review, default: 0] += 1 }
    }
    var decisions: [String: Int] = [:]
    for decision in try store.records(Decision.self).values {
      if let review = decision.review { decisions[review, default: 0] += 1 }
    }
    return (steps, decisions)
  }

  /// `3 steps, 1 decision`, or empty for none.
  static func countsText(steps: Int, decisions: Int) -> String {
    var parts: [String] = []
    if steps > 0 { parts.append(steps == 1 ? "1 step" : "\(steps) steps") }
    if decisions > 0 { parts.append(decisions == 1 ? "1 decision" : "\(decisions) decisions") }
    return parts.joined(separator: ", ")
  }
}
