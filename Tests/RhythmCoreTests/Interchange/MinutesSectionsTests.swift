import Foundation
import Testing

@testable import RhythmCore

@Suite("Minutes carry every section of the meeting")
struct MinutesSectionsTests {
  private static func at(_ text: String) -> Date { ISOInstant.parse(text) ?? Date() }
  private static let due = Day(year: 2026, month: 12, day: 4) ?? Day(ordinal: 0)

  /// A quarterly-style review with everything in it.
  private func state() -> (StoreState, Review) {
    var state = StoreState()
    for (handle, name) in [("maria", "Maria"), ("tom", "Tom"), ("sam", "Sam")] {
      state.people[handle] = Person(handle: handle, name: name, teams: ["marketing"])
    }
    var metric = Metric(id: "m1", name: "Win rate", owner: "sam", unit: "%", target: 25)
    metric.values = ["2026-11-23": 21.5, "2026-11-16": 26]
    state.metrics["m1"] = metric
    state.metrics["m2"] = Metric(id: "m2", name: "Leads", owner: "tom", unit: "", target: 100)
    var requests = Metric(id: "m3", name: "Demo requests", owner: "tom", unit: "", target: 60)
    requests.values = ["2026-11-16": 58, "2026-11-30": 70]  // the later week is not shown
    state.metrics["m3"] = requests
    state.cadences["c1"] = Cadence(
      id: "c1", title: "Weekly", rule: "FREQ=WEEKLY;BYDAY=WE", start: "2026-01-07T09:00:00",
      timeZone: "UTC", facilitator: "maria", participants: ["maria", "tom", "sam"],
      agenda: [AgendaSection("Scorecard", minutes: 10)] + AgendaTemplate.quarterly.sections,
      metrics: ["m1", "m2", "m3"])
    // Not a participant's: the live review's scorecard leaves it out, and so do the minutes.
    state.metrics["m4"] = Metric(id: "m4", name: "Churn", owner: "lea", unit: "%", target: 2)
    var previous = Review(id: "r1", cadence: "c1", occurrence: Self.at("2026-11-18T09:00:00Z"))
    previous.status = .held
    previous.endedAt = Self.at("2026-11-18T10:00:00Z")
    previous.audit = ["maria": AuditAnswer(risk: 2, transparency: 3, drive: 3)]
    state.reviews["r1"] = previous
    var review = Review(id: "r2", cadence: "c1", occurrence: Self.at("2026-11-25T09:00:00Z"))
    review.status = .held
    review.startedAt = Self.at("2026-11-25T09:00:00Z")
    review.endedAt = Self.at("2026-11-25T10:00:00Z")
    review.attendees = ["maria", "tom"]
    review.ratings = ["maria": 8, "tom": 7]
    review.unclear = false
    review.topicSpent = ["t1": 600, "t3": 290]
    review.audit = [
      "maria": AuditAnswer(risk: 4, transparency: 4, drive: 5),
      "tom": AuditAnswer(risk: 3, transparency: 5, drive: 4),
    ]
    state.reviews["r2"] = review
    state.priorities["p1"] = Priority(
      id: "p1", title: "Hire two SDRs", owner: "sam", quarter: "2026-Q4", status: .offTrack)
    state.priorities["p2"] = Priority(
      id: "p2", title: "Old one", owner: "sam", quarter: "2026-Q3", status: .done)
    state.headlines["h1"] = Headline(
      id: "h1", text: "Kestrel renewed", by: "tom", review: "r2",
      createdAt: Self.at("2026-11-25T09:10:00Z"))
    state.headlines["h2"] = Headline(
      id: "h2", text: "Lost Orion", review: "r2", tone: .bad,
      createdAt: Self.at("2026-11-25T09:11:00Z"))
    var solved = Topic(
      id: "t1", title: "Lead routing", by: "maria", cadence: "c1", rank: 1,
      createdAt: Self.at("2026-11-20T09:00:00Z"))
    solved.status = .solved
    solved.solvedAt = Self.at("2026-11-25T09:40:00Z")
    solved.review = "r2"
    state.topics["t1"] = solved
    var dropped = Topic(
      id: "t2", title: "Logo colour", cadence: "c1", rank: 2,
      createdAt: Self.at("2026-11-20T09:00:00Z"))
    dropped.status = .dropped
    dropped.solvedAt = Self.at("2026-11-25T09:45:00Z")
    dropped.review = "r2"
    state.topics["t2"] = dropped
    state.topics["t3"] = Topic(
      id: "t3", title: "Booth budget", cadence: "c1", rank: 5,
      createdAt: Self.at("2026-11-21T09:00:00Z"))
    var later = Topic(
      id: "t4", title: "Pricing page", cadence: "c1", rank: 3,
      createdAt: Self.at("2026-11-22T09:00:00Z"))
    later.status = .solved
    later.solvedAt = Self.at("2026-12-02T09:40:00Z")  // still open when this review ended
    later.review = "r3"
    state.topics["t4"] = later
    state.topics["t5"] = Topic(
      id: "t5", title: "Raised after", cadence: "c1", rank: 9,
      createdAt: Self.at("2026-11-25T11:00:00Z"))
    state.decisions["d1"] = Decision(
      id: "d1", text: "Route by region", decidedBy: "maria", review: "r2",
      createdAt: Self.at("2026-11-25T09:35:00Z"), topic: "t1")
    // Said on a topic left open: this review's under it; an earlier review's is not.
    state.decisions["d2"] = Decision(
      id: "d2", text: "Cap the booth at 5k", review: "r2",
      createdAt: Self.at("2026-11-25T09:50:00Z"), topic: "t3")
    state.decisions["d3"] = Decision(
      id: "d3", text: "An older word on it", review: "r1",
      createdAt: Self.at("2026-11-18T09:50:00Z"), topic: "t3")
    state.steps["s1"] = Step(
      id: "s1", title: "Rewrite the routing rule", owner: "tom", due: Self.due,
      createdAt: Self.at("2026-11-25T09:36:00Z"), review: "r2", topic: "t1")
    state.rights["g1"] = DecisionRight(id: "g1", area: "Pricing", decider: "maria")
    state.rights["g2"] = DecisionRight(
      id: "g2", area: "Campaign spend", decider: "tom", cadence: "c1")
    state.rights["g3"] = DecisionRight(id: "g3", area: "Hiring", decider: "sam", cadence: "other")
    state.exchanges["x1"] = Exchange(
      id: "x1", from: "tom", to: "sales", text: "Shared objections",
      createdAt: Self.at("2026-11-20T12:00:00Z"))
    state.exchanges["x2"] = Exchange(
      id: "x2", from: "sam", to: "maria", text: "Before the last review",
      createdAt: Self.at("2026-11-17T12:00:00Z"))
    // The quarter under review is the 13 weeks before the review (from 2026-08-27), not the
    // calendar quarter that holds it.
    state.exchanges["x3"] = Exchange(
      id: "x3", from: "sam", to: "tom", text: "In the quarter under review",
      createdAt: Self.at("2026-09-20T12:00:00Z"))
    state.exchanges["x4"] = Exchange(
      id: "x4", from: "sam", to: "tom", text: "Before it",
      createdAt: Self.at("2026-08-26T12:00:00Z"))
    return (state, review)
  }

  @Test("attendance, scorecard, priorities, headlines, topics, audit, rights, exchanges, ratings")
  func everySection() {
    let (state, review) = state()
    let expected = """
      # Weekly — 2026-11-25

      - **When:** 2026-11-25 09:00 UTC
      - **Length:** 60 min
      - **Facilitator:** Maria (@maria)
      - **Attendees:** Maria (@maria), Tom (@tom)
      - **Absent:** Sam (@sam)
      - **Rating:** 7.5/10
      - **Status:** held
      - **Anything unclear about who does what:** no

      ## Scorecard

      - Demo requests (Tom (@tom)): 58 (week of 2026-11-16) against ≥ 60 — amber
      - Leads (Tom (@tom)): no value yet (target ≥ 100)
      - Win rate (Sam (@sam)): 21.50 % (week of 2026-11-23) against ≥ 25 % — red

      ## Priorities (2026-Q4)

      - Hire two SDRs — Sam (@sam) — off track

      ## Headlines

      - Good: Kestrel renewed — Tom (@tom)
      - Bad: Lost Orion

      ## Topics

      ### Solved

      - **Lead routing** (raised by Maria (@maria)) — worked 10 min
        - Decision: Route by region (decided by Maria (@maria))
        - Step: Rewrite the routing rule — Tom (@tom), due 2026-12-04

      ### Dropped

      - Logo colour

      ### Left open

      1. Pricing page
      2. Booth budget — worked 5 min
         - Decision: Cap the booth at 5k

      ## Decisions

      - Route by region (decided by Maria (@maria))
      - Cap the booth at 5k

      ## Next steps

      ### Tom (@tom)

      - [ ] Rewrite the routing rule — due 2026-12-04

      ## Collaboration audit

      - Mutual risk and reward: 3.5/5 (last time 2) — 3 exchanges, last 13 weeks
      - Transparency: 4.5/5 (last time 3)
      - Drive to win: 4.5/5 (last time 3)

      - Maria (@maria): risk and reward 4, transparency 4, drive 5
      - Tom (@tom): risk and reward 3, transparency 5, drive 4

      ## Decision rights

      - Campaign spend: Tom (@tom)
      - Pricing: Maria (@maria)

      ## Exchanges since the last review

      - Tom (@tom) → sales: Shared objections

      ## Ratings

      - Maria (@maria): 8
      - Tom (@tom): 7
      - **Mean:** 7.5/10 from 2

      """
    #expect(Minutes.markdown(review: review, state: state) == expected)
  }

  @Test("the scorecard is the live review's: the participants' metrics, when the agenda has one")
  func scorecardSelection() throws {
    let (fixture, review) = state()
    var state = fixture
    let cadence = try #require(state.cadences["c1"])
    #expect(cadence.scorecard(from: state.metrics.values).map(\.id) == ["m3", "m2", "m1"])
    var markdown = Minutes.markdown(review: review, state: state)
    #expect(markdown.contains("- Win rate (Sam (@sam))"))
    #expect(!markdown.contains("Churn"))
    // Sam is no longer a participant: his metric leaves the scorecard, as in the cockpit.
    state.cadences["c1"]?.participants = ["maria", "tom"]
    markdown = Minutes.markdown(review: review, state: state)
    #expect(markdown.contains("- Leads (Tom (@tom))"))
    #expect(!markdown.contains("Win rate"))
    // An agenda without a scorecard section has no scorecard in its minutes.
    state.cadences["c1"]?.agenda = AgendaTemplate.quarterly.sections
    #expect(!Minutes.markdown(review: review, state: state).contains("## Scorecard"))
  }

  @Test("a topic earlier reviews worked too says what it cost over all of them")
  func topicTimeOverReviews() {
    let (fixture, review) = state()
    var state = fixture
    var earlier = Review(
      id: "r1", cadence: "c1", occurrence: Self.at("2026-11-18T09:00:00Z"), status: .held)
    earlier.topicSpent = ["t3": 720]
    state.reviews["r1"] = earlier
    // A later review's time is not this review's history.
    var later = Review(
      id: "r3", cadence: "c1", occurrence: Self.at("2026-12-02T09:00:00Z"), status: .held)
    later.topicSpent = ["t3": 600, "t1": 600]
    state.reviews["r3"] = later
    let markdown = Minutes.markdown(review: review, state: state)
    #expect(markdown.contains("2. Booth budget — worked 5 min (17 min over 2 reviews)\n"))
    #expect(markdown.contains("— worked 10 min\n"))
  }

  @Test("a note of several lines is one item: its later lines indented under the bullet")
  func multilineNote() {
    let (fixture, review) = state()
    var state = fixture
    state.notes["n1"] = Note(
      id: "n1", text: "Booth plan:\n- two screens\n\nask \u{1B}[2J finance  \n\n", review: "r2",
      createdAt: Self.at("2026-11-25T09:20:00Z"))
    state.notes["n2"] = Note(
      id: "n2", text: "one line", review: "r2", createdAt: Self.at("2026-11-25T09:21:00Z"))
    let markdown = Minutes.markdown(review: review, state: state)
    let notes = """
      ## Notes

      - Booth plan:
        - two screens

        ask ^[[2J finance
      - one line

      """
    #expect(markdown.hasSuffix(notes))
  }
}
