import Foundation
import RhythmCore

/// Generates a large, realistic store for the benchmark: people in teams, cadences with ten
/// years of reviews, steps (about 6% open) and decisions, deterministically from a seed.
struct LargeStore {
  let steps: Int
  let decisions: Int
  let years: Int
  let now: Date

  /// The people's handles, `p00` … `p39`.
  static let people = (0..<40).map { "p" + ($0 < 10 ? "0" : "") + String($0) }

  /// Writes the store into `folder` (which must not exist) and compacts it.
  func write(to folder: String) throws -> (openSteps: [String], owner: String) {
    let store = try Store.create(at: folder, clock: .fixed(now), person: "bench")
    store.compactsAutomatically = false
    var random = SplitMix64(seed: 2026)
    var ids = RecordIDGenerator(seed: 42)
    let teams = ["marketing", "sales", "content", "revops", "leadership"]
    var changes: [Change] = teams.map { .create(Team(name: $0)) }
    for (number, handle) in LargeStore.people.enumerated() {
      changes.append(
        .create(
          Person(handle: handle, name: "Person \(number)", teams: [teams[number % teams.count]])))
    }
    let start = now.addingTimeInterval(-Double(years) * 365.25 * 86_400)
    let cadences: [(String, String, Double)] = [
      ("Weekly pipeline review", "FREQ=WEEKLY;BYDAY=MO", 7),
      ("Weekly content review", "FREQ=WEEKLY;BYDAY=TU", 7),
      ("Weekly marketing review", "FREQ=WEEKLY;BYDAY=TH", 7),
      ("Monthly campaign review", "FREQ=MONTHLY;BYDAY=1WE", 30.4),
      ("Quarterly strategy reset", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO", 91.3),
    ]
    var reviewIDs: [String] = []
    var reviewDates: [Date] = []
    for (title, rule, days) in cadences {
      let cadence = Cadence(
        id: ids.next(at: start), title: title, rule: rule,
        start: String(ISOInstant.format(start).prefix(19)),
        timeZone: "UTC", durationMinutes: 60, facilitator: LargeStore.people[0])
      changes.append(.create(cadence))
      var date = start
      while date < now {
        var review = Review(
          id: ids.next(at: date), cadence: cadence.id, occurrence: date, status: .held)
        review.rating = 7
        changes.append(.create(review))
        reviewIDs.append(review.id)
        reviewDates.append(date)
        date = date.addingTimeInterval(days * 86_400)
      }
    }
    try store.commit(changes)
    changes = []
    let span = now.timeIntervalSince(start)
    var openSteps: [String] = []
    for number in 0..<steps {
      // Spread creation over the years; the newest ~6% are still open.
      let fraction = Double(number) / Double(max(1, steps))
      let created = start.addingTimeInterval(span * fraction)
      let due = Day(containing: created, in: .gmt).adding(days: Int(random.next() % 21) + 3)
      let owner = LargeStore.people[Int(random.next() % UInt64(LargeStore.people.count))]
      let reviewPosition = min(reviewIDs.count - 1, Int(fraction * Double(reviewIDs.count)))
      var step = Step(
        id: ids.next(at: created), title: "Follow up on item \(number) for the \(owner) backlog",
        owner: owner, due: due, success: "signed off in the next review", createdAt: created,
        review: reviewIDs.isEmpty ? nil : reviewIDs[reviewPosition],
        tags: number % 5 == 0 ? ["launch"] : [])
      let roll = random.next() % 100
      if fraction > 0.94 && roll < 90 {
        openSteps.append(step.id)
      } else if roll < 8 {
        step.status = .dropped
        step.completedAt = created.addingTimeInterval(86_400)
      } else {
        step.status = .done
        let late = roll >= 78 ? Double(random.next() % 10 + 1) : -Double(random.next() % 3)
        step.completedAt = due.end(in: .gmt).addingTimeInterval(late * 86_400 - 3600)
      }
      changes.append(.create(step))
      if changes.count == 5000 {
        try store.commit(changes)
        changes = []
      }
    }
    for number in 0..<decisions {
      let position = Int(random.next() % UInt64(max(1, reviewIDs.count)))
      changes.append(
        .create(
          Decision(
            id: ids.next(at: reviewDates[position]),
            text: "Decision \(number): go ahead with option B",
            decidedBy: LargeStore.people[number % LargeStore.people.count],
            review: reviewIDs[position],
            createdAt: reviewDates[position])))
      if changes.count == 5000 {
        try store.commit(changes)
        changes = []
      }
    }
    try store.commit(changes)
    try store.compact()
    return (openSteps, LargeStore.people[7])
  }
}
