import Foundation
import Testing

@testable import RhythmCore

@Suite("Schedule entries")
struct ScheduleEntryTests {
  private let cadence = Cadence(
    id: "01JCAD", title: "Marketing weekly", rule: "FREQ=WEEKLY;BYDAY=MO",
    start: "2026-03-02T10:00:00", timeZone: "America/New_York")

  private func review(
    _ id: String, _ occurrence: String, _ status: Review.Status, cadence: String = "01JCAD"
  )
    -> Review
  {
    Review(id: id, cadence: cadence, occurrence: CadenceFixture.instant(occurrence), status: status)
  }

  @Test func statusesComeFromReviewsAndMissedIsDerived() throws {
    var moved = review("r3", "2026-03-16T14:00:00Z", .moved)
    moved.movedTo = CadenceFixture.instant("2026-03-17T14:00:00Z")
    var deleted = review("r6", "2026-03-30T14:00:00Z", .held)
    deleted.deleted = true
    let reviews = [
      review("r1", "2026-03-02T15:00:00Z", .held),
      review("r2", "2026-03-09T14:00:00Z", .skipped),
      moved,
      review("r4", "2026-04-06T14:00:00Z", .live),
      review("r5", "2026-03-23T14:00:00Z", .held, cadence: "01JOTHER"),
      deleted,
      review("r7", "2026-04-13T14:00:00Z", .scheduled),
    ]
    let range =
      CadenceFixture.instant(
        "2026-03-01T00:00:00Z")..<CadenceFixture.instant("2026-04-21T00:00:00Z")
    let entries = try cadence.entries(
      in: range, reviews: reviews, now: CadenceFixture.instant("2026-04-06T14:30:00Z"))
    #expect(
      entries.map { "\(ISOInstant.format($0.occurrence)) \($0.status.rawValue)" } == [
        "2026-03-02T15:00:00Z held",
        "2026-03-09T14:00:00Z skipped",
        "2026-03-16T14:00:00Z moved",
        "2026-03-23T14:00:00Z missed",
        "2026-03-30T14:00:00Z missed",
        "2026-04-06T14:00:00Z live",
        "2026-04-13T14:00:00Z scheduled",
        "2026-04-20T14:00:00Z scheduled",
      ])
    #expect(entries[2].movedTo == moved.movedTo)
    #expect(entries[0].review?.id == "r1")
    #expect(entries[3].review == nil)
    #expect(entries.filter { $0.movedTo != nil }.count == 1)
  }

  @Test func cadenceScheduleReadsItsFields() throws {
    let schedule = try cadence.schedule()
    #expect(schedule.rule.description == "FREQ=WEEKLY;BYDAY=MO")
    #expect(schedule.start.description == "2026-03-02T10:00:00")
    #expect(schedule.timeZone.identifier == "America/New_York")
    #expect(try cadence.describeRule() == "every Monday at 10:00")
    var broken = cadence
    broken.timeZone = "Nowhere/Atlantis"
    #expect(throws: RhythmError.unknownTimeZone("Nowhere/Atlantis")) { try broken.schedule() }
    broken = cadence
    broken.rule = "FREQ=FORTNIGHTLY"
    #expect(throws: RhythmError.self) { try broken.schedule() }
  }
}
