import Foundation
import Testing

@testable import RhythmCore

@Suite("Priority, exchange, headline and decision-right edits")
struct ScorecardEditsTests {
  @Test("a priority has a known owner, this quarter by default, and a known team")
  func addPriority() throws {
    var fixture = MeetingFixture()
    let id = try fixture.created(
      try PriorityEdits.add("Launch webinars", owner: "@Maria", in: fixture.data, &fixture.context)
    )
    let priority = try #require(fixture.data.priorities[id])
    #expect(priority.owner == "maria")
    #expect(priority.quarter == "2026-Q4")
    #expect(priority.status == .onTrack)
    #expect(priority.team == nil)
    let next = try fixture.created(
      try PriorityEdits.add(
        "Hire", owner: "sam", quarter: Quarter(year: 2027, number: 1), team: "sales",
        in: fixture.data, &fixture.context))
    #expect(fixture.data.priorities[next]?.quarter == "2027-Q1")
    #expect(fixture.data.priorities[next]?.team == "sales")
    #expect(throws: RhythmError.unknownPerson("zed")) {
      try PriorityEdits.add("X", owner: "zed", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.notFound(kind: "team", reference: "legal")) {
      try PriorityEdits.add("X", owner: "sam", team: "legal", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.self) {
      try PriorityEdits.add(" ", owner: "sam", in: fixture.data, &fixture.context)
    }
  }

  @Test("a status is set once; dropped is a status; an edit changes only what differs")
  func statusAndEdit() throws {
    var fixture = MeetingFixture()
    let edit = try PriorityEdits.setStatus(
      .dropped, of: ["01priority", "01priority"], in: fixture.data)
    #expect(edit.changes == [.update(Priority.self, id: "01priority", [.set(\.status, .dropped)])])
    fixture.apply(edit)
    #expect(
      try PriorityEdits.setStatus(.dropped, of: ["01priority"], in: fixture.data).changes.isEmpty)
    #expect(throws: RhythmError.notFound(kind: "priority", reference: "01none")) {
      try PriorityEdits.setStatus(.done, of: ["01none"], in: fixture.data)
    }
    let patch = PriorityEdits.Patch(title: "Hire two SDRs", owner: "tom")
    #expect(
      try PriorityEdits.edit("01priority", patch, in: fixture.data).changes == [
        .update(Priority.self, id: "01priority", [.set(\.owner, "tom")])
      ])
  }

  @Test("an exchange is between a person or team and another, today or on a past day")
  func exchange() throws {
    var fixture = MeetingFixture()
    let id = try fixture.created(
      try ExchangeEdits.add(
        from: "@tom", to: "sales", "Shared the objection list", in: fixture.data,
        &fixture.context))
    let exchange = try #require(fixture.data.exchanges[id])
    #expect(exchange.from == "tom" && exchange.to == "sales")
    #expect(exchange.createdAt == MeetingFixture.now)
    let yesterday = try #require(Day.parse("2026-11-24"))
    let past = try fixture.created(
      try ExchangeEdits.add(
        from: "marketing", to: "sam", "Booth staff", on: yesterday, in: fixture.data,
        &fixture.context))
    #expect(fixture.data.exchanges[past]?.createdAt == ISOInstant.parse("2026-11-24T12:00:00Z"))
    #expect(fixture.data.exchanges[past]?.to == "sam")
    #expect(throws: RhythmError.self) {
      try ExchangeEdits.add(
        from: "tom", to: "sam", "Later", on: Day.parse("2026-11-26"), in: fixture.data,
        &fixture.context)
    }
    #expect(throws: RhythmError.self) {
      try ExchangeEdits.add(from: "tom", to: "@tom", "Self", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.unknownPerson("legal")) {
      try ExchangeEdits.add(from: "@legal", to: "tom", "X", in: fixture.data, &fixture.context)
    }
    do {
      _ = try ExchangeEdits.add(from: "legal", to: "tom", "X", in: fixture.data, &fixture.context)
      Issue.record("an unknown party was accepted")
    } catch {
      #expect(error.description.contains("no person or team 'legal'"))
    }
  }

  @Test("a headline is told in a review, good unless bad, by the actor")
  func headline() throws {
    var fixture = MeetingFixture()
    let id = try fixture.created(
      try MeetingEdits.headline(
        "Kestrel renewed", review: MeetingFixture.review, in: fixture.data, &fixture.context))
    let headline = try #require(fixture.data.headlines[id])
    #expect(headline.tone == .good && headline.by == "maria")
    let bad = try fixture.created(
      try MeetingEdits.headline(
        "Lost Orion", tone: .bad, by: "sam", review: MeetingFixture.review, in: fixture.data,
        &fixture.context))
    #expect(fixture.data.headlines[bad]?.tone == .bad)
    #expect(throws: RhythmError.notFound(kind: "review", reference: "01none")) {
      try MeetingEdits.headline("X", review: "01none", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.self) {
      try MeetingEdits.headline(
        "\u{1B}]0;x\u{07}", review: MeetingFixture.review, in: fixture.data, &fixture.context)
    }
  }

  @Test("a decision right names one decider per area and room; it can change hands or go")
  func rights() throws {
    var fixture = MeetingFixture()
    let id = try fixture.created(
      try RightEdits.add(
        "Campaign spend", decider: "maria", cadence: MeetingFixture.cadence, in: fixture.data,
        &fixture.context))
    #expect(fixture.data.rights[id]?.decider == "maria")
    do {
      _ = try RightEdits.add(
        "campaign SPEND", decider: "tom", cadence: MeetingFixture.cadence, in: fixture.data,
        &fixture.context)
      Issue.record("a second decider for one area")
    } catch {
      #expect(error.description.contains("already has a decider (@maria)"))
    }
    // The same area for everyone is another right.
    _ = try fixture.created(
      try RightEdits.add("Campaign spend", decider: "tom", in: fixture.data, &fixture.context))
    fixture.apply(try RightEdits.change(id, decider: "@sam", in: fixture.data))
    #expect(fixture.data.rights[id]?.decider == "sam")
    #expect(try RightEdits.change(id, decider: "sam", in: fixture.data).changes.isEmpty)
    // Renaming the area keeps the decider; an area another right of the room holds is refused.
    fixture.apply(try RightEdits.change(id, area: "Campaign budget", in: fixture.data))
    #expect(fixture.data.rights[id]?.area == "Campaign budget")
    #expect(fixture.data.rights[id]?.decider == "sam")
    let pricing = try fixture.created(
      try RightEdits.add(
        "Pricing", decider: "tom", cadence: MeetingFixture.cadence, in: fixture.data,
        &fixture.context))
    #expect(
      throws: RhythmError.message("'Pricing' already has a decider (@tom): change it instead")
    ) {
      try RightEdits.change(id, area: "PRICING", in: fixture.data)
    }
    #expect(throws: RhythmError.self) { try RightEdits.change(id, area: "  ", in: fixture.data) }
    fixture.apply(
      try RightEdits.change(pricing, area: "Pricing exceptions", decider: "maria", in: fixture.data)
    )
    #expect(fixture.data.rights[pricing]?.area == "Pricing exceptions")
    #expect(fixture.data.rights[pricing]?.decider == "maria")
    fixture.apply(try RightEdits.remove(id, in: fixture.data))
    #expect(fixture.data.rights[id] == nil)
    #expect(throws: RhythmError.unknownPerson("zed")) {
      try RightEdits.add("Pricing", decider: "zed", in: fixture.data, &fixture.context)
    }
  }
}
