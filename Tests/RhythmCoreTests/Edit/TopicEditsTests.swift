import Foundation
import Testing

@testable import RhythmCore

@Suite("Topic edits: raise, rank, solve, drop, reopen")
struct TopicEditsTests {
  @Test("a topic is raised open at the end of its cadence's queue, by the actor")
  func raise() throws {
    var fixture = MeetingFixture()
    let first = try fixture.created(
      try TopicEdits.add(
        "Lead routing", cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context))
    let second = try fixture.created(
      try TopicEdits.add(
        "Booth budget", cadence: MeetingFixture.cadence, by: "@Tom", in: fixture.data,
        &fixture.context))
    let topic = try #require(fixture.data.topics[first])
    #expect(topic.status == .open)
    #expect(topic.by == "maria")
    #expect(topic.createdAt == MeetingFixture.now)
    #expect(fixture.data.topics[second]?.by == "tom")
    #expect(
      Topic.queue(of: MeetingFixture.cadence, in: fixture.data.topics.values).map(\.id) == [
        first, second,
      ])
    #expect(throws: RhythmError.self) {
      try TopicEdits.add("  ", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.self) {
      try TopicEdits.add("Evil \u{1B}[2J", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.notFound(kind: "cadence", reference: "nope")) {
      try TopicEdits.add("X", cadence: "nope", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.unknownPerson("zed")) {
      try TopicEdits.add("X", by: "zed", in: fixture.data, &fixture.context)
    }
  }

  @Test("a topic about a metric, priority, step or headline is named after it")
  func aboutSomething() throws {
    var fixture = MeetingFixture()
    let fromMetric = try fixture.created(
      try TopicEdits.add(nil, refersTo: "01metric", in: fixture.data, &fixture.context))
    #expect(fixture.data.topics[fromMetric]?.title == "Win rate: 21.50 against 25")
    #expect(fixture.data.topics[fromMetric]?.refersTo == "01metric")
    let fromPriority = try fixture.created(
      try TopicEdits.add(nil, refersTo: "01priority", in: fixture.data, &fixture.context))
    #expect(fixture.data.topics[fromPriority]?.title == "Hire two SDRs (off-track)")
    let named = try fixture.created(
      try TopicEdits.add(
        "Why drafts stall", refersTo: "01step", in: fixture.data, &fixture.context))
    #expect(fixture.data.topics[named]?.title == "Why drafts stall")
    #expect(throws: RhythmError.self) {
      try TopicEdits.add(nil, refersTo: "01nothing", in: fixture.data, &fixture.context)
    }
  }

  @Test("ranking moves one topic and writes only its rank; no room left renumbers the queue")
  func rank() throws {
    var fixture = MeetingFixture()
    var ids: [String] = []
    for title in ["A", "B", "C", "D"] {
      ids.append(
        try fixture.created(
          try TopicEdits.add(
            title, cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context)))
    }
    func order() -> [String] {
      Topic.queue(of: MeetingFixture.cadence, in: fixture.data.topics.values).map(\.title)
    }
    let move = try TopicEdits.rank(ids[3], to: 1, in: fixture.data)
    #expect(move.changes.count == 1)
    fixture.apply(move)
    #expect(order() == ["D", "A", "B", "C"])
    fixture.apply(try TopicEdits.rank(ids[3], to: 3, in: fixture.data))
    #expect(order() == ["A", "B", "D", "C"])
    fixture.apply(try TopicEdits.rank(ids[0], to: 99, in: fixture.data))
    #expect(order() == ["B", "D", "C", "A"])
    #expect(try TopicEdits.rank(ids[1], to: 1, in: fixture.data).changes.isEmpty)
    #expect(throws: RhythmError.self) { try TopicEdits.rank(ids[1], to: 0, in: fixture.data) }
    // Halving the gap again and again runs out of room: then the queue is numbered again.
    var renumbered = false
    for _ in 0..<40 {
      for id in [ids[1], ids[2]] {
        let edit = try TopicEdits.rank(id, to: 2, in: fixture.data)
        renumbered = renumbered || edit.changes.count > 1
        fixture.apply(edit)
      }
    }
    #expect(renumbered)
    #expect(Set(order()) == ["A", "B", "C", "D"])
    let ranks = Topic.queue(of: MeetingFixture.cadence, in: fixture.data.topics.values).map(\.rank)
    #expect(ranks == ranks.sorted() && Set(ranks).count == 4)
  }

  @Test(
    "solving records when and in which review; dropped and reopened topics leave the queue and come back last"
  )
  func settle() throws {
    var fixture = MeetingFixture()
    let a = try fixture.created(
      try TopicEdits.add("A", cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context))
    let b = try fixture.created(
      try TopicEdits.add("B", cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context))
    fixture.apply(try TopicEdits.solve(a, in: fixture.data, fixture.context))
    let solved = try #require(fixture.data.topics[a])
    #expect(solved.status == .solved)
    #expect(solved.solvedAt == MeetingFixture.now)
    #expect(solved.review == MeetingFixture.review)  // the cadence's live review
    #expect(throws: RhythmError.message("the topic is already solved")) {
      try TopicEdits.solve(a, in: fixture.data, fixture.context)
    }
    #expect(throws: RhythmError.self) { try TopicEdits.rank(a, to: 1, in: fixture.data) }
    fixture.apply(try TopicEdits.drop(b, in: fixture.data, fixture.context))
    #expect(fixture.data.topics[b]?.status == .dropped)
    #expect(Topic.queue(of: MeetingFixture.cadence, in: fixture.data.topics.values).isEmpty)
    let c = try fixture.created(
      try TopicEdits.add("C", cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context))
    fixture.apply(try TopicEdits.reopen(a, in: fixture.data))
    let reopened = try #require(fixture.data.topics[a])
    #expect(reopened.status == .open && reopened.solvedAt == nil && reopened.review == nil)
    #expect(
      Topic.queue(of: MeetingFixture.cadence, in: fixture.data.topics.values).map(\.id) == [c, a])
    #expect(throws: RhythmError.self) { try TopicEdits.reopen(a, in: fixture.data) }
    #expect(throws: RhythmError.notFound(kind: "review", reference: "01none")) {
      try TopicEdits.solve(c, review: "01none", in: fixture.data, fixture.context)
    }
  }

  @Test("a description is trimmed, cleared when empty, and refused with control characters")
  func describe() throws {
    var fixture = MeetingFixture()
    let id = try fixture.created(
      try TopicEdits.add(
        "A", description: "  Why now?\nBecause.  ", in: fixture.data, &fixture.context))
    #expect(fixture.data.topics[id]?.description == "Why now?\nBecause.")
    fixture.apply(try TopicEdits.describe(id, "", in: fixture.data))
    #expect(fixture.data.topics[id]?.description == nil)
    #expect(throws: RhythmError.self) { try TopicEdits.describe(id, "\u{9B}x", in: fixture.data) }
  }

  @Test("steps and decisions captured while a topic is open name it")
  func linked() throws {
    var fixture = MeetingFixture()
    let topic = try fixture.created(
      try TopicEdits.add("A", cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context))
    let step = try fixture.created(
      try StepEdits.add(
        .init(title: "Call", owner: "tom", topic: topic), in: fixture.data, &fixture.context))
    #expect(fixture.data.steps[step]?.topic == topic)
    let decision = try fixture.created(
      try MeetingEdits.decide("Go @sam", topic: topic, in: fixture.data, &fixture.context))
    #expect(fixture.data.decisions[decision]?.topic == topic)
    #expect(fixture.data.decisions[decision]?.decidedBy == "sam")
    #expect(throws: RhythmError.notFound(kind: "topic", reference: "01none")) {
      try StepEdits.add(
        .init(title: "Call", owner: "tom", topic: "01none"), in: fixture.data, &fixture.context)
    }
  }
}
