import Foundation
import Testing

/// `rhythm log`: who changed what, from the journals, for one record or the whole store.
@Suite("rhythm log")
struct LogCommandTests {
  @Test("a step's history: creation, each change with old and new values, undo; JSON contract")
  func stepHistory() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria", "li"])
    let id = try fixture.succeed("step", "add", "Draft @maria due:2026-12-01")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try fixture.succeed("step", "edit", id, "--owner", "li")
    try fixture.succeed("step", "done", id)
    try fixture.succeed("undo")

    let text = try fixture.succeed("log", id).split(separator: "\n").map(String.init)
    #expect(text.count == 4)
    #expect(text[0].hasSuffix("created"))
    #expect(text[1].hasSuffix("owner maria → li"))
    #expect(text[2].contains("status open → done"))
    #expect(text[3].contains("undo: ") && text[3].contains("status done → open"))

    let entries = try #require(try fixture.json("log", id, "--json") as? [[String: Any]])
    #expect(entries.count == 4)
    let edit = entries[1]
    #expect(edit["kind"] as? String == "step")
    #expect(edit["by"] as? String != nil)
    #expect(edit["device"] as? String != nil)
    #expect(edit["at"] as? String == CLIFixture.now)
    #expect(edit["created"] as? Bool == false)
    let fields = try #require(edit["fields"] as? [[String: Any]])
    #expect(fields.count == 1)
    #expect(fields[0]["field"] as? String == "owner")
    #expect(fields[0]["old"] as? String == "maria")
    #expect(fields[0]["new"] as? String == "li")
    #expect(entries[3]["undoes"] as? String == entries[2]["operation"] as? String)
  }

  @Test("the store's log holds every record's operations; --limit keeps the last; bad input")
  func storeLog() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria"])
    try fixture.succeed("step", "add", "One @maria due:fri")
    try fixture.succeed("decision", "add", "Ship it", "--by", "maria")
    let all = try #require(try fixture.json("log", "--json") as? [[String: Any]])
    #expect(Set(all.compactMap { $0["kind"] as? String }) == ["person", "step", "decision"])
    let last = try #require(try fixture.json("log", "--limit", "1", "--json") as? [[String: Any]])
    #expect(last.first?["kind"] as? String == "decision")
    #expect(try fixture.succeed("log", "@maria").contains("person @maria  created"))
    try fixture.run("log", "zzzzzz").expectUserError("no record matches")
    try fixture.run("log", "@nobody").expectUserError("nobody")
    try fixture.run("log", "--limit", "0").expectUsageError()
  }
}
