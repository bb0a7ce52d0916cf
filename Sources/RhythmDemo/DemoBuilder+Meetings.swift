import Foundation
import RhythmCore

/// What the demo's meetings recorded besides steps and decisions: topics raised, ranked,
/// solved (with the review's decisions and steps linked to them) or left open, headlines,
/// collaboration audits, whether anything was unclear, decision rights and a dropped priority.
/// Rolled with dice of their own (`meetingRandom`, `meetingIDs`).
extension DemoBuilder {
  mutating func addMeetingRecords() {
    var queues: [String: [Topic]] = [:]
    var topics: [Topic] = []
    let order = reviews.indices.sorted { reviews[$0].occurrence < reviews[$1].occurrence }
    var previous: [String: Date] = [:]
    for index in order where reviews[index].status == .held {
      let review = reviews[index]
      guard let spec = DemoCadence.all.first(where: { cadenceIDs[$0.title] == review.cadence }),
        let started = review.startedAt
      else { continue }
      let since = previous[review.cadence] ?? started.addingTimeInterval(-7 * 86_400)
      previous[review.cadence] = started
      reviews[index].unclear = meetingRandom.chance(0.15)
      let kinds = Set(spec.agenda.map(\.kind))
      if kinds.contains(.topics) {
        topics += work(&queues[review.cadence, default: []], in: index, of: spec, since: since)
      }
      if kinds.contains(.headlines) { tellHeadlines(in: review, of: spec) }
      if kinds.contains(.audit) { answerAudit(at: index) }
    }
    for cadence in queues.keys.sorted() { topics += queues[cadence] ?? [] }
    changes += topics.map { .create($0) }
    addRights()
    dropPriority()
  }

  /// Raises the topics that came up since the last review, then works the queue: the top one
  /// or two solved (with the review's decisions and steps), sometimes one dropped. Returns
  /// the topics settled; the rest stay queued.
  private mutating func work(
    _ queue: inout [Topic], in index: Int, of spec: DemoCadence, since: Date
  ) -> [Topic] {
    let review = reviews[index]
    guard let started = review.startedAt, let ended = review.endedAt,
      let ideas = DemoTopicIdea.byCadence[spec.title]
    else { return [] }
    let length = ended.timeIntervalSince(started)
    let quarter = "Q\((Day(containing: started, in: zone).components.month - 1) / 3 + 1)"
    // Two or three new topics, none already waiting, and no more than six waiting.
    for _ in 0..<meetingRandom.int(2...3) where queue.count < 6 {
      let title = meetingFill(meetingRandom.pick(ideas), quarter)
      guard !queue.contains(where: { $0.title == title }) else { continue }
      let raised = meetingBetween(since, started)
      let rank = (queue.map(\.rank).max() ?? 0) + 1
      queue.append(
        Topic(
          id: meetingIDs.next(at: raised), title: title, by: meetingRandom.pick(review.attendees),
          cadence: review.cadence, rank: rank, createdAt: raised))
    }
    var settled: [Topic] = []
    // A long queue loses its last topic now and then.
    if queue.count > 4, meetingRandom.chance(0.3) {
      var topic = queue.remove(at: queue.count - 1)
      topic.status = .dropped
      topic.solvedAt = started.addingTimeInterval(length * 0.9)
      topic.review = review.id
      settled.append(topic)
    }
    // The top one solved, the top two when many wait: a few are always left for next time.
    let solving = max(0, min(queue.count - 1, queue.count > 4 ? 2 : 1))
    for number in 0..<solving {
      var topic = queue.removeFirst()
      topic.status = .solved
      topic.solvedAt = started.addingTimeInterval(length * (0.4 + 0.2 * Double(number)))
      topic.review = review.id
      link(topic.id, in: review.id, number: number, of: solving)
      settled.append(topic)
    }
    return settled
  }

  /// Links the review's decisions and steps to the `number`th of `count` topics solved in it:
  /// each topic takes its share, in the order they were made.
  private mutating func link(_ topic: String, in review: String, number: Int, of count: Int) {
    let decisionIndices = decisions.indices.filter { decisions[$0].review == review }
    for (position, index) in decisionIndices.enumerated() where position % count == number {
      decisions[index].topic = topic
    }
    let stepIndices = steps.indices.filter { steps[$0].review == review }
    for (position, index) in stepIndices.enumerated() where position % count == number {
      steps[index].topic = topic
    }
  }

  /// One to three headlines, mostly good news, in the last quarter's reviews.
  private mutating func tellHeadlines(in review: Review, of spec: DemoCadence) {
    guard let started = review.startedAt, started > now.addingTimeInterval(-91 * 86_400)
    else { return }
    for number in 0..<meetingRandom.int(1...3) {
      let bad = meetingRandom.chance(0.3)
      let text = meetingRandom.pick(bad ? DemoHeadline.bad : DemoHeadline.good)
        .replacingOccurrences(of: "{account}", with: meetingRandom.pick(DemoPeople.accounts))
      let told = started.addingTimeInterval(Double(15 + number) * 60)
      changes.append(
        .create(
          Headline(
            id: meetingIDs.next(at: told), text: text,
            by: meetingRandom.pick(review.attendees), review: review.id,
            tone: bad ? .bad : .good, createdAt: told)))
    }
  }

  /// Each attendee's answers, drifting up through the year as gaps get closed.
  private mutating func answerAudit(at index: Int) {
    let review = reviews[index]
    let progress = review.occurrence.timeIntervalSince(firstDay.start(in: zone)) / (365 * 86_400)
    for attendee in review.attendees {
      let rolls = (0..<3).map { _ in meetingRandom.unit() * 1.6 - 0.8 }
      func answer(_ base: Double, _ roll: Double) -> Int {
        min(5, max(1, Int((base + progress + roll).rounded())))
      }
      reviews[index].audit[attendee] = AuditAnswer(
        risk: answer(2.6, rolls[0]), transparency: answer(3.2, rolls[1]),
        drive: answer(2.9, rolls[2]))
    }
  }

  /// Who decides what, for everyone and in the quarterly reset.
  private mutating func addRights() {
    let agreed = at(firstDay, 11)
    for (area, decider, cadence) in DemoRight.all {
      changes.append(
        .create(
          DecisionRight(
            id: meetingIDs.next(at: agreed), area: area, decider: decider,
            cadence: cadence.flatMap { cadenceIDs[$0] })))
    }
  }

  /// A priority of this quarter the leadership dropped.
  private mutating func dropPriority() {
    let quarter = Quarter(containing: today)
    var priority = Priority(
      id: meetingIDs.next(at: at(quarter.start, 9)), title: "Sponsor the annual conference",
      owner: "maria", quarter: quarter.description, team: "marketing")
    priority.status = .dropped
    changes.append(.create(priority))
  }

  // MARK: - Dice

  private mutating func meetingBetween(_ start: Date, _ end: Date) -> Date {
    guard end > start else { return start }
    return start.addingTimeInterval(
      (end.timeIntervalSince(start) * meetingRandom.unit()).rounded(.down))
  }

  private mutating func meetingFill(_ text: String, _ quarter: String) -> String {
    text.replacingOccurrences(of: "{quarter}", with: quarter)
      .replacingOccurrences(of: "{account}", with: meetingRandom.pick(DemoPeople.accounts))
  }
}
