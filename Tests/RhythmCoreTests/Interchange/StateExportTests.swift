import Foundation
import Testing

@testable import RhythmCore

@Suite("State export")
struct StateExportTests {
  @Test func everyKindSortedByIdWithoutRemovedRecords() throws {
    var state = StoreState()
    state.people["sam"] = Person(handle: "sam", name: "Sam")
    state.people["ana"] = Person(handle: "ana", name: "Ana")
    var gone = Person(handle: "zed", name: "Zed")
    gone.deleted = true
    state.people["zed"] = gone
    let created = Date(timeIntervalSince1970: 1_790_000_000)
    let due = Day(year: 2026, month: 12, day: 1) ?? Day(ordinal: 0)
    state.steps["01s"] = Step(id: "01s", title: "Ship", owner: "ana", due: due, createdAt: created)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let document = StateExport.json(state, now: now)
    guard case .object(let object) = document else {
      Issue.record("not an object")
      return
    }
    #expect(object["schemaVersion"] == .number(1))
    #expect(object["exportedAt"] == JSONValue(now))
    #expect(
      Set(object.keys)
        == [
          "schemaVersion", "exportedAt", "people", "teams", "cadences", "reviews", "steps",
          "decisions", "notes", "metrics", "priorities", "exchanges", "topics", "headlines",
          "rights",
        ])
    guard case .array(let people)? = object["people"], case .array(let steps)? = object["steps"]
    else {
      Issue.record("no people or steps")
      return
    }
    #expect(people.count == 2)
    #expect(people.first == .object(Person.schema.fields(of: Person(handle: "ana", name: "Ana"))))
    #expect(steps.count == 1)
    let text = document.serialized()
    #expect(try JSONParser.parse(text) == document)
  }
}
