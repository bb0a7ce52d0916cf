import Foundation

@testable import RhythmCore

/// A small organisation for the meeting edits' tests: maria and tom (marketing), sam (sales),
/// a weekly cadence with a live review, a metric, a priority and a step; and a way to apply an
/// edit as the store would (stamped operations through `StoreState.apply`).
struct MeetingFixture {
  static let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()
  static let utc = TimeZone(identifier: "UTC") ?? .current
  static let cadence = "01cadence"
  static let review = "01review"

  var data: StoreState
  var context = EditContext(
    now: MeetingFixture.now, timeZone: MeetingFixture.utc, actor: "maria",
    ids: RecordIDGenerator(seed: 11))

  init() {
    var stamper = MemoryStamper()
    var review = Review(
      id: Self.review, cadence: Self.cadence,
      occurrence: Self.now.addingTimeInterval(-1800), status: .live)
    review.attendees = ["maria", "tom"]
    var metric = Metric(id: "01metric", name: "Win rate", owner: "sam", unit: "%", target: 25)
    metric.values = ["2026-11-23": 21.5]
    let changes: [Change] = [
      .create(Person(handle: "maria", name: "Maria", teams: ["marketing"])),
      .create(Person(handle: "tom", name: "Tom", teams: ["marketing"])),
      .create(Person(handle: "sam", name: "Sam", teams: ["sales"])),
      .create(Team(name: "marketing")), .create(Team(name: "sales")),
      .create(
        Cadence(
          id: Self.cadence, title: "Weekly", rule: "FREQ=WEEKLY;BYDAY=WE",
          start: "2026-11-04T08:30:00", timeZone: "UTC", participants: ["maria", "tom", "sam"],
          agenda: AgendaTemplate.weekly.sections, metrics: ["01metric"])),
      .create(review), .create(metric),
      .create(
        Priority(
          id: "01priority", title: "Hire two SDRs", owner: "sam", quarter: "2026-Q4",
          status: .offTrack, team: "sales")),
      .create(
        Step(
          id: "01step", title: "Draft", owner: "tom", due: Day(ordinal: 0), createdAt: Self.now)),
    ]
    data = StoreState.replaying(stamper.operations(for: changes, now: Self.now, person: "t"))
  }

  /// Applies `edit` to the data, as committing it would.
  mutating func apply(_ edit: Edit) {
    var stamper = MemoryStamper()
    for operation in stamper.operations(
      for: edit.changes, now: Self.now, person: "t", after: data.latestStamp)
    {
      data.apply(operation)
    }
  }

  /// Applies `edit` and returns the id it created.
  mutating func created(_ edit: Edit) throws -> String {
    apply(edit)
    guard let id = edit.created else { throw RhythmError.message("nothing created") }
    return id
  }
}
