import Foundation
import Testing

@testable import RhythmCore

@Suite("Which review opens when no cadence is named")
struct NextToMeetTests {
  private let now = CadenceFixture.instant("2026-11-25T09:00:00Z")  // a Wednesday

  private func cadence(_ id: String, _ title: String, _ rule: String) -> Cadence {
    Cadence(
      id: id, title: title, rule: rule, start: "2026-11-02T10:00:00", timeZone: "UTC",
      durationMinutes: 60)
  }

  @Test("the soonest upcoming occurrence of any cadence, else nothing")
  func soonest() throws {
    let thursday = cadence("c1", "Thursday", "FREQ=WEEKLY;BYDAY=TH")
    let friday = cadence("c2", "Friday", "FREQ=WEEKLY;BYDAY=FR")
    let next = try #require(try Cadence.nextToMeet([friday, thursday], reviews: [], now: now))
    #expect(next.cadence.id == "c1")
    #expect(next.entry.occurrence == CadenceFixture.instant("2026-11-26T10:00:00Z"))
    #expect(try Cadence.nextToMeet([Cadence](), reviews: [], now: now) == nil)
    // A skipped occurrence passes to the next cadence.
    let skipped = Review(
      id: "r1", cadence: "c1", occurrence: CadenceFixture.instant("2026-11-26T10:00:00Z"),
      status: .skipped)
    #expect(
      try Cadence.nextToMeet([friday, thursday], reviews: [skipped], now: now)?.cadence.id == "c2")
  }

  @Test("a live review wins over anything scheduled")
  func live() throws {
    let thursday = cadence("c1", "Thursday", "FREQ=WEEKLY;BYDAY=TH")
    let monday = cadence("c2", "Monday", "FREQ=WEEKLY;BYDAY=MO")
    var running = Review(
      id: "r1", cadence: "c2", occurrence: CadenceFixture.instant("2026-11-23T10:00:00Z"),
      status: .live)
    running.startedAt = running.occurrence
    let next = try #require(
      try Cadence.nextToMeet([thursday, monday], reviews: [running], now: now))
    #expect(next.cadence.id == "c2")
    #expect(next.entry.status == .live)
  }
}
