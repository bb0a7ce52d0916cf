import Foundation
import Testing

/// `rhythm priority …`, `rhythm exchange …` and the exchange counts in `stats`.
@Suite("Priority and exchange commands")
struct PriorityExchangeCommandTests {
  private func fixture() throws -> CLIFixture {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    try fixture.succeed("person", "add", "maria", "--team", "marketing")
    try fixture.succeed("person", "add", "tom", "--team", "marketing", "--team", "revops")
    try fixture.succeed("person", "add", "sam", "--team", "sales")
    return fixture
  }

  private func priorities(_ fixture: CLIFixture, _ options: String...) throws -> [[String: Any]] {
    try array(try fixture.json(["priority", "list", "--json"] + options)).map { try object($0) }
  }

  @Test("priority add, set and list: the documented fields, this quarter by default")
  func priorities() throws {
    let fixture = try fixture()
    let short = try fixture.succeed(
      "priority", "add", "Hire", "two", "SDRs", "--owner", "@sam", "--team", "sales"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    try fixture.succeed("priority", "add", "Plan 2027", "--owner", "maria", "--quarter", "2027Q1")
    let listed = try priorities(fixture)
    let priority = try #require(listed.first)
    #expect(listed.count == 1)
    #expect(
      Set(priority.keys) == ["id", "short", "title", "owner", "team", "quarter", "status"])
    #expect(priority["short"] as? String == short)
    #expect(priority["title"] as? String == "Hire two SDRs")
    #expect(priority["owner"] as? String == "sam" && priority["team"] as? String == "sales")
    #expect(priority["quarter"] as? String == "2026-Q4")
    #expect(priority["status"] as? String == "on-track")
    #expect(try priorities(fixture, "--quarter", "all").count == 2)
    #expect(try priorities(fixture, "--quarter", "2027-q1").first?["team"] is NSNull)
    #expect(try priorities(fixture, "--quarter", "all", "--owner", "maria").count == 1)
    for status in ["off-track", "done", "dropped", "on-track"] {
      #expect(try fixture.succeed("priority", "set", short, status) == "\(short) \(status)\n")
      #expect(try priorities(fixture).first?["status"] as? String == status)
    }
    try fixture.succeed("priority", "edit", short, "--owner", "tom")
    #expect(try priorities(fixture).first?["owner"] as? String == "tom")
    #expect(try fixture.succeed("priority", "list").contains("Hire two SDRs"))
  }

  @Test("priority bad input")
  func priorityBadInput() throws {
    let fixture = try fixture()
    try fixture.run("priority", "add", "X").expectUsageError()
    try fixture.run("priority", "add", "X", "--owner", "zed").expectUserError("'zed'")
    try fixture.run("priority", "add", "X", "--owner", "sam", "--team", "legal")
      .expectUserError("no team matches 'legal'")
    try fixture.run("priority", "add", "X", "--owner", "sam", "--quarter", "2026-Q5")
      .expectUserError("quarter")
    try fixture.run("priority", "add", "Bad \u{9B}31m", "--owner", "sam")
      .expectUserError("control character")
    #expect(try priorities(fixture, "--quarter", "all").isEmpty)
    let short = try fixture.succeed("priority", "add", "X", "--owner", "sam")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try fixture.run("priority", "set", short, "sideways").expectUsageError()
    try fixture.run("priority", "set", "zzzz", "done").expectUserError("no priority")
    try fixture.run("priority", "edit", short).expectUsageError()
    try fixture.run("priority", "list", "--quarter", "soon").expectUserError("quarter")
  }

  @Test("exchange add and list: @person or team on each end, the documented fields, a window")
  func exchanges() throws {
    let fixture = try fixture()
    let short = try fixture.succeed("exchange", "add", "@tom", "sales", "Shared", "objections")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try fixture.succeed("exchange", "add", "sales", "@maria", "Booth staff", "--date", "2026-11-02")
    try fixture.succeed("exchange", "add", "maria", "tom", "Old help", "--date", "2026-01-05")
    let listed = try array(try fixture.json("exchange", "list", "--json")).map { try object($0) }
    #expect(listed.count == 2)
    let first = try #require(listed.first)
    #expect(Set(first.keys) == ["id", "short", "from", "to", "text", "date"])
    #expect(first["short"] as? String == short)
    #expect(first["from"] as? String == "tom" && first["to"] as? String == "sales")
    #expect(first["text"] as? String == "Shared objections")
    #expect(first["date"] as? String == "2026-11-25")
    #expect(listed.last?["date"] as? String == "2026-11-02")
    #expect(try array(try fixture.json("exchange", "list", "--window", "52w", "--json")).count == 3)
    #expect(try fixture.succeed("exchange", "list").contains("@tom → sales"))
  }

  @Test("exchange bad input")
  func exchangeBadInput() throws {
    let fixture = try fixture()
    try fixture.run("exchange", "add", "tom", "sam").expectUsageError()
    try fixture.run("exchange", "add", "legal", "sam", "X").expectUserError("no person or team")
    try fixture.run("exchange", "add", "@zed", "sam", "X").expectUserError("'zed'")
    try fixture.run("exchange", "add", "tom", "@tom", "X").expectUserError("two people or teams")
    try fixture.run("exchange", "add", "tom", "sam", "X", "--date", "+2d")
      .expectUserError("a past day")
    try fixture.run("exchange", "add", "tom", "sam", "X", "--date", "someday")
      .expectUserError("cannot read the date")
    try fixture.run("exchange", "list", "--window", "3m").expectUserError("window")
    #expect(try array(try fixture.json("exchange", "list", "--json")).isEmpty)
  }

  @Test("stats --by owner and team count exchanges given and received; by cadence has none")
  func statsCounts() throws {
    let fixture = try fixture()
    try fixture.addStep("Draft @maria due:2026-11-20")
    try fixture.succeed("exchange", "add", "@tom", "@maria", "Help")
    try fixture.succeed("exchange", "add", "sales", "tom", "More help")
    func rows(_ by: String) throws -> [String: [String: Any]] {
      let stats = try object(try fixture.json("stats", "--by", by, "--json"))
      var result: [String: [String: Any]] = [:]
      for row in try array(stats["rows"]) {
        let row = try object(row)
        result[row["key"] as? String ?? ""] = row
      }
      return result
    }
    let owners = try rows("owner")
    #expect(owners["maria"]?["given"] as? Int == 0 && owners["maria"]?["received"] as? Int == 1)
    #expect(owners["maria"]?["due"] as? Int == 1)
    #expect(owners["tom"]?["given"] as? Int == 1 && owners["tom"]?["received"] as? Int == 1)
    #expect(owners["tom"]?["due"] as? Int == 0)  // a row for exchanges alone
    let teams = try rows("team")
    #expect(teams["marketing"]?["given"] as? Int == 1)
    #expect(teams["marketing"]?["received"] as? Int == 2)
    #expect(teams["sales"]?["given"] as? Int == 1 && teams["revops"]?["received"] as? Int == 1)
    let text = try fixture.succeed("stats", "--by", "team")
    #expect(text.contains("given") && text.contains("received"))
    let cadenceStats = try object(try fixture.json("stats", "--by", "cadence", "--json"))
    #expect(try array(cadenceStats["rows"]).isEmpty)
  }
}
