import Foundation
import Testing

@testable import RhythmCore

/// Every record type's schema names every field its `Codable` form has, and reading back what
/// it writes gives the same record: a field missing from a schema would be lost silently.
@Suite("Record schemas")
struct RecordSchemaTests {
  private static let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()

  private func roundTrips<R: Record & Equatable>(_ record: R) throws {
    let fields = R.schema.fields(of: record)
    // The same names and values JSONEncoder gives (what older versions wrote).
    let encoded = try RecordCoding.makeEncoder().encode(record)
    #expect(try JSONParser.parse(encoded) == .object(fields))
    #expect(R.schema.record(id: record.id, from: fields) == record)
  }

  @Test("every field of every record type is written and read back")
  func everyRecordRoundTrips() throws {
    var step = Step(
      id: "01s", title: "Draft", owner: "maria",
      due: Day(year: 2026, month: 12, day: 1) ?? .init(ordinal: 0),
      success: "signed", createdAt: Self.now, review: "01r", tags: ["a", "b"])
    step.status = .done
    step.completedAt = Self.now
    step.deleted = false
    step.topic = "01t"
    try roundTrips(step)
    var review = Review(id: "01r", cadence: "01c", occurrence: Self.now, status: .moved)
    review.movedTo = Self.now
    review.startedAt = Self.now
    review.endedAt = Self.now
    review.rating = 8
    review.attendees = ["maria"]
    review.checkins = ["01s": "done"]
    review.ratings = ["maria": 7, "tom": 9]
    review.audit = ["maria": AuditAnswer(risk: 3, transparency: 4, drive: 5)]
    review.unclear = false
    review.minutesAt = Self.now
    review.section = 2
    review.sectionStartedAt = Self.now
    review.spent = ["0": 61.5, "1": 300]
    review.pausedAt = Self.now
    review.pausedSeconds = 12
    review.topic = "01t"
    review.topicStartedAt = Self.now
    review.topicSpent = ["01t": 90]
    try roundTrips(review)
    var metric = Metric(
      id: "01m", name: "Leads", owner: "maria", unit: "%", target: 12.5, direction: .lowerIsBetter,
      period: .month)
    metric.values = ["2026-11-01": 4]
    try roundTrips(metric)
    try roundTrips(
      Cadence(
        id: "01c", title: "Weekly", rule: "FREQ=WEEKLY", start: "2026-11-25T09:00:00",
        timeZone: "UTC", durationMinutes: 45, facilitator: "maria", participants: ["maria"],
        team: "ops",
        agenda: [
          AgendaSection("Check-in", minutes: 5),
          AgendaSection("Wins", minutes: 5, kind: .headlines),
        ], metrics: ["01m"]))
    try roundTrips(Person(handle: "maria", name: "Maria", teams: ["ops"], email: "m@x.org"))
    try roundTrips(Team(name: "ops"))
    try roundTrips(
      Decision(
        id: "01d", text: "Go", decidedBy: "maria", review: "01r", createdAt: Self.now, tags: ["x"],
        topic: "01t"))
    try roundTrips(Note(id: "01n", text: "Hi", review: "01r", author: "maria", createdAt: Self.now))
    try roundTrips(
      Priority(
        id: "01p", title: "Hire", owner: "maria", quarter: "2026Q4", status: .offTrack, team: "ops")
    )
    try roundTrips(Exchange(id: "01x", from: "maria", to: "ops", text: "Help", createdAt: Self.now))
    var topic = Topic(
      id: "01t", title: "Routing", by: "maria", cadence: "01c", rank: 2.5, createdAt: Self.now,
      description: "Leads vanish", refersTo: "01m")
    topic.status = .solved
    topic.solvedAt = Self.now
    topic.review = "01r"
    try roundTrips(topic)
    try roundTrips(
      Headline(id: "01h", text: "Won", by: "tom", review: "01r", tone: .bad, createdAt: Self.now))
    try roundTrips(DecisionRight(id: "01g", area: "Pricing", decider: "ruth", cadence: "01c"))
    try roundTrips(
      Priority(id: "01q", title: "Stop", owner: "maria", quarter: "2026-Q4", status: .dropped))
  }

  @Test("a review written before per-person ratings and the audit reads with neither")
  func oldReview() throws {
    let line =
      #"{"attendees":["maria"],"cadence":"01c","checkins":{},"id":"01r","occurrence":"2026-11-25T09:00:00Z","rating":8,"status":"held"}"#
    let decoded = try RecordCoding.makeDecoder().decode(Review.self, from: Data(line.utf8))
    #expect(decoded.ratings.isEmpty && decoded.audit.isEmpty && decoded.unclear == nil)
    #expect(decoded.meanRating == 8)
    guard case .object(let fields) = try JSONParser.parse(line) else {
      Issue.record("not an object")
      return
    }
    #expect(Review.schema.record(id: "01r", from: fields) == decoded)
  }

  @Test("a record lacking a required field is not made; an unknown field is left out")
  func missingAndUnknownFields() {
    #expect(Step.schema.record(id: "01s", from: ["title": .string("Draft")]) == nil)
    let edits = Step.schema.edits(from: ["title": .string("T"), "colour": .string("red")])
    #expect(edits.map(\.path) == ["title"])
    #expect(Step.schema.edits(from: ["due": .string("not a day")]).isEmpty)
  }
}
