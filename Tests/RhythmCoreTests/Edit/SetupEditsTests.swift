import Foundation
import Testing

@testable import RhythmCore

@Suite("Editing people and metrics, adding teams, renaming topics, long notes")
struct SetupEditsTests {
  @Test("a person's name and teams change; a new team of theirs is created; nothing else")
  func editPerson() throws {
    let fixture = MeetingFixture()
    let edit = try PeopleEdits.edit(
      handle: "@Maria", name: "Maria Lopez", teams: ["marketing", "events", "events"],
      in: fixture.data)
    #expect(
      edit.changes == [
        TeamEdits.creation(of: "events"),
        .update(
          Person.self, id: "maria",
          [.set(\.name, "Maria Lopez"), .set(\.teams, ["marketing", "events"])]),
      ])
    #expect(
      try PeopleEdits.edit(handle: "maria", name: "Maria", teams: ["marketing"], in: fixture.data)
        .changes.isEmpty)
    #expect(throws: RhythmError.unknownPerson("zed")) {
      try PeopleEdits.edit(handle: "zed", name: "Zed", in: fixture.data)
    }
    #expect(throws: RhythmError.self) {
      try PeopleEdits.edit(handle: "maria", name: "Bad\u{1B}[2J", in: fixture.data)
    }
  }

  @Test("a team is added once: a name a team or a person already has is refused")
  func addTeam() throws {
    let fixture = MeetingFixture()
    #expect(
      try TeamEdits.add(" events ", in: fixture.data).changes == [
        TeamEdits.creation(of: "events")
      ])
    #expect(throws: RhythmError.message("there is already a team 'sales'")) {
      try TeamEdits.add("sales", in: fixture.data)
    }
    #expect(throws: RhythmError.self) { try TeamEdits.add("  ", in: fixture.data) }
  }

  @Test("a metric's name, owner, unit, target and direction change; its values stay")
  func editMetric() throws {
    let fixture = MeetingFixture()
    let patch = MetricEdits.Patch(
      name: "Win rate", owner: "tom", unit: "%", target: 30, direction: .lowerIsBetter)
    #expect(
      try MetricEdits.edit("01metric", patch, in: fixture.data).changes == [
        .update(
          Metric.self, id: "01metric",
          [.set(\.owner, "tom"), .set(\.target, 30), .set(\.direction, .lowerIsBetter)])
      ])
    #expect(throws: RhythmError.unknownPerson("zed")) {
      try MetricEdits.edit("01metric", MetricEdits.Patch(owner: "zed"), in: fixture.data)
    }
    #expect(throws: RhythmError.notFound(kind: "metric", reference: "01none")) {
      try MetricEdits.edit("01none", MetricEdits.Patch(name: "X"), in: fixture.data)
    }
  }

  @Test("a topic is renamed; the same title changes nothing")
  func retitle() throws {
    var fixture = MeetingFixture()
    let edit = try TopicEdits.add(
      "Booth", cadence: MeetingFixture.cadence, in: fixture.data, &fixture.context)
    fixture.apply(edit)
    let id = try #require(edit.created)
    #expect(
      try TopicEdits.retitle(id, " Booth budget ", in: fixture.data).changes == [
        .update(Topic.self, id: id, [.set(\.title, "Booth budget")])
      ])
    #expect(try TopicEdits.retitle(id, "Booth", in: fixture.data).changes.isEmpty)
    #expect(throws: RhythmError.self) { try TopicEdits.retitle(id, " ", in: fixture.data) }
  }

  @Test("a long note keeps its lines and refuses other control characters")
  func longNote() throws {
    var fixture = MeetingFixture()
    let edit = try MeetingEdits.longNote(
      "First\n\tindented\n\n", review: MeetingFixture.review, in: fixture.data, &fixture.context)
    fixture.apply(edit)
    let id = try #require(edit.created)
    let note = try #require(fixture.data.notes[id])
    #expect(note.text == "First\n\tindented")
    #expect(note.author == "maria")
    #expect(throws: RhythmError.message("the note is empty")) {
      try MeetingEdits.longNote("\n \n", in: fixture.data, &fixture.context)
    }
    #expect(throws: RhythmError.self) {
      try MeetingEdits.longNote("a\r\nb", in: fixture.data, &fixture.context)
    }
  }
}
