import Foundation
import Testing

@testable import RhythmCore

@Suite("Review timers: the section, pauses and the worked topic, kept on the review")
struct ReviewTimerTests {
  private let review = MeetingFixture.review

  /// The fixture's context `seconds` after its start.
  private func at(_ seconds: TimeInterval, _ fixture: MeetingFixture) -> EditContext {
    var context = fixture.context
    context.now = MeetingFixture.now.addingTimeInterval(seconds)
    return context
  }

  private func stored(_ fixture: MeetingFixture) throws -> Review {
    try #require(fixture.data.reviews[review])
  }

  private func time(_ seconds: TimeInterval) -> Date {
    MeetingFixture.now.addingTimeInterval(seconds)
  }

  @Test("sections, pauses and a worked topic bank their time; the clocks derive from the fields")
  func wholeMeeting() throws {
    var fixture = MeetingFixture()
    fixture.apply(
      Edit([.update(Review.self, id: review, [.set(\.startedAt, MeetingFixture.now)])]))
    // A review made live before sections were stored times section 0 from its start.
    #expect(try stored(fixture).sectionElapsed(0, now: time(60)) == 60)
    fixture.apply(try ReviewEdits.enterSection(review, 2, in: fixture.data, at(60, fixture)))
    var live = try stored(fixture)
    #expect(live.currentSection == 2)
    #expect(live.spent == ["0": 60])
    fixture.apply(try ReviewEdits.pause(review, in: fixture.data, at(100, fixture)))
    live = try stored(fixture)
    #expect(live.isPaused)
    // Paused: nothing runs, however long the pause.
    #expect(live.sectionElapsed(2, now: time(400)) == 40)
    #expect(live.meetingElapsed(now: time(400)) == 100)
    #expect(throws: RhythmError.self) {
      try ReviewEdits.pause(review, in: fixture.data, at(200, fixture))
    }
    fixture.apply(try ReviewEdits.resume(review, in: fixture.data, at(400, fixture)))
    live = try stored(fixture)
    #expect(live.pausedSeconds == 300)
    #expect(live.sectionElapsed(2, now: time(430)) == 70)
    #expect(live.meetingElapsed(now: time(430)) == 130)

    // A worked topic has its own clock, which pauses with the meeting.
    let topic = try fixture.created(
      try TopicEdits.add(
        "Routing", cadence: MeetingFixture.cadence, in: fixture.data,
        &fixture.context))
    fixture.apply(
      try ReviewEdits.workTopic(review, topic: topic, in: fixture.data, at(430, fixture)))
    #expect(try stored(fixture).topicElapsed(topic, now: time(490)) == 60)
    fixture.apply(try ReviewEdits.pause(review, in: fixture.data, at(490, fixture)))
    #expect(try stored(fixture).topicElapsed(topic, now: time(590)) == 60)
    fixture.apply(try ReviewEdits.resume(review, in: fixture.data, at(600, fixture)))
    #expect(try stored(fixture).topicElapsed(topic, now: time(620)) == 80)
    // Solving the worked topic leaves it, its time kept.
    fixture.apply(try TopicEdits.solve(topic, review: review, in: fixture.data, at(620, fixture)))
    live = try stored(fixture)
    #expect(live.topic == nil && live.topicStartedAt == nil)
    #expect(live.topicSpent == [topic: 80])

    // Concluding stops every clock where it stands.
    fixture.apply(try ReviewEdits.conclude(review, in: fixture.data, at(700, fixture)))
    live = try stored(fixture)
    #expect(live.sectionElapsed(2, now: time(5000)) == 230)
    #expect(live.meetingElapsed(now: time(5000)) == 290)
    #expect(live.sectionStartedAt == nil && live.pausedAt == nil)
    #expect(throws: RhythmError.self) {
      try ReviewEdits.enterSection(review, 1, in: fixture.data, at(800, fixture))
    }
  }

  @Test("a review started in a section times that one; the stored fields read back alike")
  func startInSection() throws {
    var fixture = MeetingFixture()
    let occurrence = MeetingFixture.now.addingTimeInterval(7 * 86_400)
    let id = try fixture.created(
      try ReviewEdits.start(
        MeetingFixture.cadence, at: occurrence, section: 3, in: fixture.data, &fixture.context))
    let started = try #require(fixture.data.reviews[id])
    #expect(started.currentSection == 3)
    #expect(started.sectionStartedAt == MeetingFixture.now)
    #expect(started.sectionElapsed(3, now: time(30)) == 30)
    #expect(started.sectionElapsed(0, now: time(30)) == 0)
    // The journal's form of the fields gives the same review back (what a restart reads).
    let encoded = try RecordCoding.makeEncoder().encode(started)
    #expect(try RecordCoding.makeDecoder().decode(Review.self, from: encoded) == started)
  }

  @Test("working a topic needs an open topic; leaving one with none worked changes nothing")
  func workRules() throws {
    var fixture = MeetingFixture()
    let topic = try fixture.created(
      try TopicEdits.add(
        "Routing", cadence: MeetingFixture.cadence, in: fixture.data,
        &fixture.context))
    fixture.apply(try TopicEdits.drop(topic, review: review, in: fixture.data, fixture.context))
    #expect(throws: RhythmError.self) {
      try ReviewEdits.workTopic(review, topic: topic, in: fixture.data, fixture.context)
    }
    #expect(throws: RhythmError.notFound(kind: "topic", reference: "01none")) {
      try ReviewEdits.workTopic(review, topic: "01none", in: fixture.data, fixture.context)
    }
    #expect(try ReviewEdits.leaveTopic(review, in: fixture.data, fixture.context).changes.isEmpty)
  }
}
