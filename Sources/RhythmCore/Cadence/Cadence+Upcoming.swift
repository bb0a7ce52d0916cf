import Foundation

extension Cadence {
  /// When the cadence meets next: a review that is live now; else the earliest of the next
  /// occurrence that is not skipped, moved or held, and a moved occurrence's new time. An
  /// occurrence that began less than the meeting's length ago still counts (it can still be
  /// started). `reviews` may hold other cadences' reviews, which are ignored. The command line
  /// and the cockpit both ask this.
  public func upcoming(reviews: some Sequence<Review>, now: Date) throws(RhythmError)
    -> ScheduleEntry?
  {
    let own = reviews.filter { $0.cadence == id && $0.isLive }
    if let live = own.first(where: { $0.status == .live }) {
      return ScheduleEntry(occurrence: live.occurrence, status: .live, review: live)
    }
    let from = now.addingTimeInterval(-Double(durationMinutes) * 60)
    let schedule = try schedule()
    // A moved occurrence may come later than the occurrences after it, or be due although
    // its occurrence is past: keep the earliest time still ahead.
    var best: ScheduleEntry?
    var time: Date?
    for review in own where review.status == .moved {
      guard let target = review.movedTo, target > from, target < (time ?? .distantFuture) else {
        continue
      }
      best = ScheduleEntry(
        occurrence: review.occurrence, status: .moved, review: review, movedTo: target)
      time = target
    }
    let byOccurrence = Dictionary(own.map { ($0.occurrence, $0) }, uniquingKeysWith: { $1 })
    for occurrence in schedule.occurrences(from: from).prefix(400) where occurrence > from {
      if let time, occurrence >= time { break }
      let review = byOccurrence[occurrence]
      switch review?.status {
      case .skipped?, .moved?, .held?: continue
      default: return ScheduleEntry(occurrence: occurrence, status: .scheduled, review: review)
      }
    }
    return best
  }
}

extension Cadence {
  /// The review to open when no cadence is named: a live one (the one that started last),
  /// else the soonest upcoming occurrence of any cadence (ties: by title). `nil` with no
  /// cadence that meets again.
  public static func nextToMeet(
    _ cadences: some Sequence<Cadence>, reviews: some Sequence<Review>, now: Date
  ) throws(RhythmError) -> (cadence: Cadence, entry: ScheduleEntry)? {
    let reviews = Array(reviews)
    var best: (cadence: Cadence, entry: ScheduleEntry)?
    func key(_ candidate: (cadence: Cadence, entry: ScheduleEntry)) -> (Int, Double, String) {
      if candidate.entry.status == .live {
        let started = candidate.entry.review?.startedAt ?? candidate.entry.occurrence
        return (0, -started.timeIntervalSince1970, candidate.cadence.title)
      }
      let time = candidate.entry.movedTo ?? candidate.entry.occurrence
      return (1, time.timeIntervalSince1970, candidate.cadence.title)
    }
    for cadence in cadences where cadence.isLive {
      guard let entry = try cadence.upcoming(reviews: reviews, now: now) else { continue }
      let candidate = (cadence: cadence, entry: entry)
      if best.map({ key(candidate) < key($0) }) ?? true { best = candidate }
    }
    return best
  }
}
