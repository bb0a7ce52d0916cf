import Foundation
import RhythmCore
import Testing

@Suite("Markdown minutes")
struct MinutesTests {
  private static func at(_ text: String) -> Date {
    ISOInstant.parse(text) ?? Date(timeIntervalSince1970: 0)
  }

  @Test("minutes list decisions, steps by owner, check-in answers, notes and the rating")
  func markdown() {
    var state = StoreState()
    state.people["maria"] = Person(handle: "maria", name: "Maria Lopez")
    state.people["tom"] = Person(handle: "tom", name: "Tom Becker")
    state.cadences["c1"] = Cadence(
      id: "c1", title: "Weekly marketing", rule: "FREQ=WEEKLY;BYDAY=MO",
      start: "2026-01-05T10:00:00", timeZone: "UTC", facilitator: "maria")
    var review = Review(id: "r2", cadence: "c1", occurrence: Self.at("2026-11-23T10:00:00Z"))
    review.status = .held
    review.startedAt = Self.at("2026-11-23T10:02:00Z")
    review.endedAt = Self.at("2026-11-23T10:47:00Z")
    review.rating = 8
    review.attendees = ["maria", "tom"]
    review.checkins = ["old1": "done", "old2": "not-done"]
    state.reviews["r2"] = review
    let due = Day(year: 2026, month: 11, day: 27) ?? Day(ordinal: 0)
    state.steps["old1"] = Step(
      id: "old1", title: "Send the brief", owner: "tom", due: due, createdAt: review.occurrence)
    state.steps["old2"] = Step(
      id: "old2", title: "Book the venue", owner: "maria", due: due, createdAt: review.occurrence)
    state.steps["s1"] = Step(
      id: "s1", title: "Draft booth design", owner: "maria", due: due, success: "approved by VP",
      createdAt: Self.at("2026-11-23T10:20:00Z"), review: "r2", tags: ["conference"])
    state.steps["s2"] = Step(
      id: "s2", title: "Price the stand", owner: "tom", due: due,
      createdAt: Self.at("2026-11-23T10:21:00Z"), review: "r2")
    state.decisions["d1"] = Decision(
      id: "d1", text: "Go to the Berlin fair", decidedBy: "tom", review: "r2",
      createdAt: Self.at("2026-11-23T10:30:00Z"))
    state.notes["n1"] = Note(
      id: "n1", text: "Budget frozen until January", review: "r2",
      createdAt: Self.at("2026-11-23T10:35:00Z"))
    let expected = """
      # Weekly marketing — 2026-11-23

      - **When:** 2026-11-23 10:02 UTC
      - **Length:** 45 min
      - **Facilitator:** Maria Lopez (@maria)
      - **Attendees:** Maria Lopez (@maria), Tom Becker (@tom)
      - **Rating:** 8/10
      - **Status:** held

      ## Decisions

      - Go to the Berlin fair (decided by Tom Becker (@tom))

      ## Next steps

      ### Maria Lopez (@maria)

      - [ ] Draft booth design — due 2026-11-27 — success: approved by VP #conference

      ### Tom Becker (@tom)

      - [ ] Price the stand — due 2026-11-27

      ## Check-in on last time's steps

      - Maria Lopez (@maria): Book the venue — not done
      - Tom Becker (@tom): Send the brief — done

      ## Notes

      - Budget frozen until January

      """
    #expect(Minutes.markdown(review: review, state: state) == expected)
  }
}
