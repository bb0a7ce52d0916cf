import Foundation
import Testing

/// `rhythm import` of larger and hostile files, run as a user would.
@Suite("Import command")
struct ImportCommandTests {
  @Test(
    "a malformed Taskwarrior export names file and line; nothing is written; a good one imports")
  func malformedExport() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria", "sam"])
    let journal = try #require(try fixture.journals().first)
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))
    var lines = (1...600).map { number in
      #"{"description":"Task \#(number)","status":"pending","due":"20261201T000000Z","tags":["\#(number % 2 == 0 ? "maria" : "sam")"]}"#
    }
    let good = fixture.root + "/tasks.json"
    try Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8)
      .write(to: URL(fileURLWithPath: good))
    lines[449] = #"{"description":"Task 450" "status":"pending"}"#
    let bad = fixture.root + "/bad.json"
    try Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8)
      .write(to: URL(fileURLWithPath: bad))

    try fixture.run("import", "taskwarrior", bad).expectUserError(
      bad + ":451: column 27: expected ',' or '}'")
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    let unknownOwner = fixture.root + "/unknown.json"
    try Data(#"[{"description":"Theirs","due":"20261201T000000Z"}]"#.utf8)
      .write(to: URL(fileURLWithPath: unknownOwner))
    try fixture.run("import", "taskwarrior", unknownOwner, "--owner", "bob").expectUserError(
      "task 1 (Theirs): no person 'bob'", "--new-people")
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)

    #expect(try fixture.succeed("import", "taskwarrior", good) == "imported 600 steps\n")
    let steps = try fixture.steps()
    #expect(steps.count == 600)
    #expect(steps.filter { $0.owner == "maria" }.count == 300)
    #expect(try fixture.succeed("store", "check").contains("snapshot and index agree"))
  }
}
