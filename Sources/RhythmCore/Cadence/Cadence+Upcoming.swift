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
