import Foundation

/// One occurrence of a cadence as lists show it: when, and what became of it.
public struct ScheduleEntry: Hashable, Sendable {
  /// Where an occurrence stands: a stored review's status, or `missed` (derived, never
  /// stored) for a past occurrence that was neither held, skipped, moved nor started.
  public enum Status: String, Hashable, Sendable, CaseIterable {
    case scheduled, live, held, skipped, moved, missed
  }

  /// The occurrence (the rule's instant).
  public var occurrence: Date
  public var status: Status
  /// The stored review for this occurrence, if any.
  public var review: Review?
  /// Where a moved occurrence went.
  public var movedTo: Date?

  /// An entry for `occurrence`.
  public init(occurrence: Date, status: Status, review: Review? = nil, movedTo: Date? = nil) {
    self.occurrence = occurrence
    self.status = status
    self.review = review
    self.movedTo = movedTo
  }
}

extension Schedule {
  /// The occurrences in `range` with their status.
  ///
  /// The status comes from the live review whose `occurrence`
  /// equals the occurrence, else `missed` when it began before `now` and `scheduled` when not.
  /// Pass only this cadence's reviews.
  public func entries(in range: Range<Date>, reviews: [Review], now: Date) -> [ScheduleEntry] {
    var byOccurrence: [Date: Review] = [:]
    for review in reviews where review.isLive {
      byOccurrence[review.occurrence] = review
    }
    return occurrences(in: range).map { occurrence in
      let review = byOccurrence[occurrence]
      let status: ScheduleEntry.Status
      switch review?.status {
      case .live?: status = .live
      case .held?: status = .held
      case .skipped?: status = .skipped
      case .moved?: status = .moved
      case .scheduled?, nil: status = occurrence < now ? .missed : .scheduled
      }
      return ScheduleEntry(
        occurrence: occurrence, status: status, review: review,
        movedTo: status == .moved ? review?.movedTo : nil)
    }
  }
}

extension Cadence {
  /// The cadence's schedule: its canonical `rule` (friendly text is read too), `start` and
  /// `timeZone`.
  /// - Throws: `RhythmError.invalidRule`, `.invalidValue` (start) or `.unknownTimeZone`.
  public func schedule() throws(RhythmError) -> Schedule {
    guard let local = LocalDateTime.parse(start) else {
      throw .invalidValue(field: "start", value: start, expected: "YYYY-MM-DDTHH:MM[:SS]")
    }
    guard let zone = TimeZone(identifier: timeZone) else { throw .unknownTimeZone(timeZone) }
    let compiled = try Rule.compile(rule)
    return Schedule(rule: compiled.rule, start: compiled.start(on: local), timeZone: zone)
  }

  /// This cadence's schedule entries in `range`; `reviews` may hold other cadences' reviews,
  /// which are ignored.
  public func entries(in range: Range<Date>, reviews: [Review], now: Date) throws(RhythmError)
    -> [ScheduleEntry]
  {
    try schedule().entries(in: range, reviews: reviews.filter { $0.cadence == id }, now: now)
  }

  /// The rule in words at the start's time ("every Monday at 10:00").
  public func describeRule() throws(RhythmError) -> String {
    let schedule = try schedule()
    return schedule.rule.describe(at: schedule.start.time)
  }
}
