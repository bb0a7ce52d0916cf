import Foundation
import RhythmCore
import RhythmDemo
import Testing

/// The demo built once for a fixed instant, decoded into typed records.
struct DemoRecords {
  static let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date(timeIntervalSince1970: 0)
  static let zone = TimeZone(identifier: "Europe/London") ?? .gmt
  static let today = Day(containing: now, in: zone)
  static let shared = DemoRecords(changes: DemoOrganisation.build(now: now, timeZone: zone))

  let changes: [Change]
  var teams: [Team] = []
  var people: [String: Person] = [:]
  var cadences: [String: Cadence] = [:]
  var reviews: [String: Review] = [:]
  var decisions: [Decision] = []
  var steps: [Step] = []
  var metrics: [Metric] = []
  var priorities: [Priority] = []
  var exchanges: [Exchange] = []
  var topics: [Topic] = []
  var headlines: [Headline] = []
  var rights: [DecisionRight] = []
  var undecoded = 0

  init(changes: [Change]) {
    self.changes = changes
    for change in changes {
      switch change.kind {
      case .team: teams += decode(Team.self, change)
      case .person: for person in decode(Person.self, change) { people[person.id] = person }
      case .cadence: for cadence in decode(Cadence.self, change) { cadences[cadence.id] = cadence }
      case .review: for review in decode(Review.self, change) { reviews[review.id] = review }
      case .decision: decisions += decode(Decision.self, change)
      case .step: steps += decode(Step.self, change)
      case .metric: metrics += decode(Metric.self, change)
      case .priority: priorities += decode(Priority.self, change)
      case .exchange: exchanges += decode(Exchange.self, change)
      case .topic: topics += decode(Topic.self, change)
      case .headline: headlines += decode(Headline.self, change)
      case .right: rights += decode(DecisionRight.self, change)
      case .note: undecoded += 1
      }
    }
  }

  /// The record `change` creates, or nothing (counted) when it does not decode.
  private mutating func decode<R: Record>(_ type: R.Type, _ change: Change) -> [R] {
    guard let record = R.schema.record(id: change.id, from: change.fields), record.id == change.id
    else {
      undecoded += 1
      return []
    }
    return [record]
  }
}

@Suite("DemoOrganisation")
struct DemoOrganisationTests {
  let demo = DemoRecords.shared

  @Test func isDeterministic() {
    let again = DemoOrganisation.build(now: DemoRecords.now, timeZone: DemoRecords.zone)
    #expect(again == demo.changes)
    let later = DemoOrganisation.build(
      now: DemoRecords.now.addingTimeInterval(7 * 86_400), timeZone: DemoRecords.zone)
    #expect(later != demo.changes)
  }

  @Test func everyChangeCreatesAWholeRecordWithAUniqueID() {
    #expect(demo.undecoded == 0)
    let keys = demo.changes.map { "\($0.kind.rawValue)/\($0.id)" }
    #expect(Set(keys).count == keys.count)
  }

  @Test func countsAreInRange() {
    #expect(demo.teams.map(\.name).sorted() == ["content", "marketing", "revops", "sales"])
    #expect((10...14).contains(demo.people.count))
    #expect(demo.cadences.count == 5)
    #expect((150...200).contains(demo.reviews.count))
    #expect((80...130).contains(demo.decisions.count))
    #expect((250...380).contains(demo.steps.count))
    #expect(demo.metrics.count == 8)
    #expect((8...15).contains(demo.priorities.count))
    #expect(demo.exchanges.count >= 10)
  }

  @Test func peopleAndTeams() {
    let teams = Set(demo.teams.map(\.name))
    for person in demo.people.values {
      #expect(Person.isValidHandle(person.handle))
      #expect(!person.teams.isEmpty && person.teams.allSatisfy(teams.contains))
      #expect(person.email?.hasSuffix(".example") == true)
    }
    #expect(demo.people.values.contains { $0.teams.count == 2 })
  }

  @Test func cadencesAreWellFormed() throws {
    for cadence in demo.cadences.values {
      #expect(try Rule.compile(cadence.rule).rule.description == cadence.rule)
      #expect(cadence.timeZone == "Europe/London")
      #expect(cadence.agenda.reduce(0) { $0 + $1.minutes } == cadence.durationMinutes)
      let start = try #require(LocalDateTime.parse(cadence.start))
      #expect(cadence.start.count == 19)
      #expect((360...370).contains(Int(DemoRecords.today.ordinal - start.day.ordinal)))
      #expect(cadence.facilitator.map { demo.people[$0] != nil } == true)
      #expect(cadence.participants.allSatisfy { demo.people[$0] != nil })
      #expect(cadence.metrics.count >= 2)
      #expect(cadence.metrics.allSatisfy { id in demo.metrics.contains { $0.id == id } })
    }
    let agendas = Set(demo.cadences.values.map(\.agenda))
    for template in AgendaTemplate.all { #expect(agendas.contains(template.sections)) }
  }

  @Test func reviewsSitOnTheirCadencesOccurrences() throws {
    var missed = 0
    for cadence in demo.cadences.values {
      let schedule = try cadence.schedule()
      let occurrences = schedule.occurrences(in: schedule.startInstant..<DemoRecords.now)
        .filter { $0.addingTimeInterval(Double(cadence.durationMinutes * 60)) <= DemoRecords.now }
      let reviews = demo.reviews.values.filter { $0.cadence == cadence.id }
      #expect(Set(reviews.map(\.occurrence)).isSubset(of: Set(occurrences)))
      missed += occurrences.count - reviews.count
    }
    #expect((1...12).contains(missed))
    #expect(demo.reviews.values.allSatisfy { demo.cadences[$0.cadence] != nil })
    let statuses = demo.reviews.values.map(\.status)
    #expect(statuses.allSatisfy { $0 == .held || $0 == .skipped })
    #expect((3...20).contains(statuses.filter { $0 == .skipped }.count))
  }

  @Test func heldReviewsAreComplete() throws {
    let held = demo.reviews.values.filter { $0.status == .held }.sorted {
      $0.occurrence < $1.occurrence
    }
    for review in held {
      let started = try #require(review.startedAt)
      let ended = try #require(review.endedAt)
      #expect(started >= review.occurrence && ended > started && ended <= DemoRecords.now)
      #expect(review.rating == nil)
      #expect(Set(review.ratings.keys) == Set(review.attendees))
      #expect(review.ratings.values.allSatisfy { (1...10).contains($0) })
      #expect(review.unclear != nil)
      #expect(!review.attendees.isEmpty)
      #expect(review.attendees.allSatisfy { demo.people[$0] != nil })
      if let minutesAt = review.minutesAt {
        #expect(minutesAt > ended && minutesAt <= DemoRecords.now)
      }
    }
    #expect(held.last?.minutesAt == nil)
    #expect(held.filter { $0.minutesAt != nil }.count >= held.count - 4)
    #expect(held.contains { !$0.checkins.isEmpty })
    let stepIDs = Set(demo.steps.map(\.id))
    #expect(held.allSatisfy { $0.checkins.keys.allSatisfy(stepIDs.contains) })
  }

  @Test func decisionsBelongToHeldReviews() {
    for decision in demo.decisions {
      let review = demo.reviews[decision.review ?? ""]
      #expect(review?.status == .held)
      #expect(decision.decidedBy.map { demo.people[$0] != nil } == true)
      #expect(!decision.text.contains("{"))
      if let started = review?.startedAt { #expect(decision.createdAt >= started) }
    }
    #expect(Set(demo.decisions.compactMap(\.review)).count >= 40)
  }

  @Test func stepsAreConsistent() throws {
    let now = DemoRecords.now
    for step in demo.steps {
      #expect(demo.people[step.owner] != nil)
      let review = try #require(demo.reviews[step.review ?? ""])
      let started = try #require(review.startedAt)
      let ended = try #require(review.endedAt)
      #expect(review.attendees.contains(step.owner))
      #expect(step.createdAt >= started && step.createdAt <= ended.addingTimeInterval(3600))
      #expect(step.due > Day(containing: step.createdAt, in: DemoRecords.zone))
      #expect(step.due.isoWeekday <= 5)
      #expect(step.success?.isEmpty == false)
      #expect(!step.tags.isEmpty)
      #expect(!step.title.contains("{"))
      switch step.status {
      case .open: #expect(step.completedAt == nil)
      case .done, .dropped:
        let completedAt = try #require(step.completedAt)
        #expect(completedAt >= step.createdAt && completedAt <= now)
      }
    }
  }

  @Test func theStepMixHasEveryKind() {
    let zone = DemoRecords.zone
    let now = DemoRecords.now
    let today = DemoRecords.today
    let onTime = demo.steps.filter { $0.isOnTime(in: zone) }.count
    let late = demo.steps.filter { $0.status == .done && !$0.isOnTime(in: zone) }.count
    let notYetDue = demo.steps.filter { $0.status == .open && $0.due >= today }.count
    let overdue = demo.steps.filter { $0.isOverdue(now: now, in: zone) }.count
    let dropped = demo.steps.filter { $0.status == .dropped }.count
    #expect(onTime > demo.steps.count / 2)
    #expect(late >= 10)
    #expect(notYetDue >= 10)
    #expect(overdue >= 5 && overdue < demo.steps.count / 5)
    #expect(dropped >= 5)
    // On-time rates differ between people, so the cockpit has something to show.
    let rows = Insights.rows(
      for: demo.steps.map { StepFacts(step: $0, cadence: nil) }, by: .owner,
      window: .ending(on: today, weeks: 52), now: now, timeZone: zone, teamsByOwner: [:])
    let rates = rows.compactMap(\.onTimeRate)
    #expect((rates.max() ?? 0) - (rates.min() ?? 0) > 0.1)
  }

  @Test func scorecardPrioritiesAndExchanges() {
    for metric in demo.metrics {
      #expect(metric.values.count == 52)
      #expect(demo.people[metric.owner] != nil)
      let weeks = metric.orderedValues.map(\.period)
      #expect(weeks.allSatisfy { $0.isoWeekday == 1 && $0 < DemoRecords.today })
    }
    let values = demo.metrics.flatMap { metric in metric.values.values.map(metric.isOnTrack) }
    #expect(values.contains(false) && values.contains(true))
    #expect(Set(demo.priorities.map(\.quarter)) == ["2026-Q3", "2026-Q4"])
    #expect(Set(demo.priorities.map(\.status)) == [.onTrack, .offTrack, .done, .dropped])
    #expect(demo.priorities.allSatisfy { demo.people[$0.owner] != nil })
    let names = Set(demo.people.keys).union(demo.teams.map(\.name))
    #expect(demo.exchanges.allSatisfy { names.contains($0.from) && names.contains($0.to) })
    #expect(demo.exchanges.allSatisfy { $0.createdAt <= DemoRecords.now })
  }

  @Test func topicsAreWorkedInTheReviewsThatHaveATopicsSection() throws {
    #expect((150...400).contains(demo.topics.count))
    let topicIDs = Set(demo.topics.map(\.id))
    for topic in demo.topics {
      let cadence = try #require(demo.cadences[topic.cadence ?? ""])
      #expect(cadence.agenda.contains { $0.kind == .topics })
      #expect(topic.by.map { demo.people[$0] != nil } == true)
      #expect(!topic.title.contains("{") && topic.createdAt <= DemoRecords.now)
      switch topic.status {
      case .open:
        #expect(topic.solvedAt == nil && topic.review == nil)
      case .solved, .dropped:
        let review = try #require(demo.reviews[topic.review ?? ""])
        #expect(review.cadence == cadence.id && review.status == .held)
        let solvedAt = try #require(topic.solvedAt)
        #expect(solvedAt >= topic.createdAt && solvedAt <= (review.endedAt ?? .distantPast))
      }
    }
    // Every topics cadence has a queue left for the next review, in rank order.
    for cadence in demo.cadences.values where cadence.agenda.contains(where: { $0.kind == .topics })
    {
      #expect(!Topic.queue(of: cadence.id, in: demo.topics).isEmpty, "\(cadence.title)")
    }
    #expect(demo.topics.contains { $0.status == .dropped })
    // Solved topics carry the decisions and steps of their review.
    let linkedDecisions = demo.decisions.filter { $0.topic != nil }
    let linkedSteps = demo.steps.filter { $0.topic != nil }
    #expect(linkedDecisions.count >= 20 && linkedSteps.count >= 50)
    let byID = Dictionary(uniqueKeysWithValues: demo.topics.map { ($0.id, $0) })
    for decision in linkedDecisions {
      #expect(topicIDs.contains(decision.topic ?? ""))
      #expect(byID[decision.topic ?? ""]?.review == decision.review)
    }
    for step in linkedSteps { #expect(byID[step.topic ?? ""]?.review == step.review) }
  }

  @Test func headlinesAuditsAndRights() throws {
    #expect(demo.headlines.count >= 10)
    for headline in demo.headlines {
      let review = try #require(demo.reviews[headline.review])
      let cadence = try #require(demo.cadences[review.cadence])
      #expect(cadence.agenda.contains { $0.kind == .headlines })
      #expect(!headline.text.contains("{"))
    }
    #expect(Set(demo.headlines.map(\.tone)) == [.good, .bad])
    let audited = demo.reviews.values.filter { !$0.audit.isEmpty }
    #expect(audited.count >= 3)
    for review in audited {
      let cadence = try #require(demo.cadences[review.cadence])
      #expect(cadence.agenda.contains { $0.kind == .audit })
      #expect(Set(review.audit.keys) == Set(review.attendees))
      for answer in review.audit.values {
        #expect(
          [answer.risk, answer.transparency, answer.drive].allSatisfy { (1...5).contains($0) })
      }
    }
    #expect(demo.rights.count == 7)
    #expect(demo.rights.allSatisfy { demo.people[$0.decider] != nil })
    #expect(demo.rights.contains { $0.cadence != nil && demo.cadences[$0.cadence ?? ""] != nil })
  }

  @Test func otherZonesWork() {
    let zone = TimeZone(identifier: "America/New_York") ?? .gmt
    let changes = DemoOrganisation.build(now: DemoRecords.now, timeZone: zone)
    let records = DemoRecords(changes: changes)
    #expect(records.cadences.values.allSatisfy { $0.timeZone == "America/New_York" })
    #expect((250...380).contains(records.steps.count))
  }
}
