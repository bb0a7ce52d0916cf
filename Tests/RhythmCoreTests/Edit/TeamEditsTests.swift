import Foundation
import Testing

@testable import RhythmCore

@Suite("Team edits: add, rename, remove")
struct TeamEditsTests {
  @Test("renaming a team moves its people and priorities to the new name in one edit")
  func rename() throws {
    var fixture = MeetingFixture()
    fixture.apply(
      Edit([
        .create(
          Exchange(
            id: "01x", from: "sales", to: "maria", text: "Shared the pipeline",
            createdAt: MeetingFixture.now))
      ]))
    let edit = try TeamEdits.rename("sales", to: " revenue ", in: fixture.data)
    #expect(edit.created == "revenue")
    fixture.apply(edit)
    #expect(fixture.data.people["sam"]?.teams == ["revenue"])
    #expect(fixture.data.people["maria"]?.teams == ["marketing"])
    #expect(fixture.data.priorities["01priority"]?.team == "revenue")
    #expect(fixture.data.exchanges["01x"]?.from == "revenue")
    #expect(fixture.data.exchanges["01x"]?.to == "maria")
    #expect(fixture.data.teams["sales"] == nil)
    #expect(fixture.data.record(Team.self, id: "sales")?.isLive == false)
    #expect(fixture.data.teams["revenue"]?.isLive == true)
    #expect(try TeamEdits.names(in: fixture.data) == ["marketing", "revenue"])
    #expect(try TeamEdits.rename("revenue", to: "revenue", in: fixture.data).changes.isEmpty)
    // Back to a name that was removed: the team lives again.
    fixture.apply(try TeamEdits.rename("revenue", to: "sales", in: fixture.data))
    #expect(fixture.data.teams["sales"]?.isLive == true)
    #expect(fixture.data.people["sam"]?.teams == ["sales"])
  }

  @Test("a cadence's team follows a rename; a person in both teams keeps one")
  func renameIntoMembers() throws {
    var fixture = MeetingFixture()
    fixture.apply(
      try PeopleEdits.edit(handle: "tom", teams: ["marketing", "sales"], in: fixture.data))
    fixture.apply(
      Edit([.update(Cadence.self, id: MeetingFixture.cadence, [.set(\.team, "sales")])]))
    fixture.apply(try TeamEdits.rename("sales", to: "growth", in: fixture.data))
    #expect(fixture.data.people["tom"]?.teams == ["marketing", "growth"])
    #expect(fixture.data.cadences[MeetingFixture.cadence]?.team == "growth")
  }

  @Test("removing a team takes it off its people, cadences and priorities")
  func remove() throws {
    var fixture = MeetingFixture()
    fixture.apply(try TeamEdits.remove("sales", in: fixture.data))
    #expect(fixture.data.people["sam"]?.teams == [])
    #expect(fixture.data.priorities["01priority"]?.team == nil)
    #expect(try TeamEdits.names(in: fixture.data) == ["marketing"])
  }

  @Test("unknown, taken and empty names are refused")
  func refusals() {
    let fixture = MeetingFixture()
    #expect(throws: RhythmError.notFound(kind: "team", reference: "ops")) {
      try TeamEdits.rename("ops", to: "x", in: fixture.data)
    }
    #expect(throws: RhythmError.notFound(kind: "team", reference: "ops")) {
      try TeamEdits.remove("ops", in: fixture.data)
    }
    #expect(throws: RhythmError.message("there is already a team 'marketing'")) {
      try TeamEdits.rename("sales", to: "marketing", in: fixture.data)
    }
    #expect(throws: RhythmError.self) { try TeamEdits.rename("sales", to: " ", in: fixture.data) }
    #expect(throws: RhythmError.self) {
      try TeamEdits.rename("sales", to: "x\u{1B}[2J", in: fixture.data)
    }
  }
}
