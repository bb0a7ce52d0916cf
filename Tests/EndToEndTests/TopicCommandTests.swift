import Foundation
import Testing

/// `rhythm topic …`: the contract of each command and its bad input.
@Suite("Topic commands")
struct TopicCommandTests {
  /// A store with maria and tom, a weekly cadence and its review started, and a metric.
  private func fixture() throws -> CLIFixture {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria", "tom"])
    try fixture.succeed(
      "cadence", "add", "Marketing weekly", "--rule", "weekly wed 10:00", "--tz", "UTC",
      "--facilitator", "maria", "--participants", "maria,tom", "--agenda", "weekly")
    try fixture.succeed("metric", "add", "Leads", "--owner", "tom", "--target", "100")
    try fixture.succeed("metric", "set", "Leads", "80")
    return fixture
  }

  private func topics(_ fixture: CLIFixture, _ options: String...) throws -> [[String: Any]] {
    try array(try fixture.json(["topic", "list", "--json"] + options)).map { try object($0) }
  }

  @Test("topic add prints the short id; list --json has exactly the documented fields")
  func addAndList() throws {
    let fixture = try fixture()
    let short = try fixture.succeed(
      "topic", "add", "Lead", "routing", "--cadence", "marketing", "--by", "@tom"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let listed = try topics(fixture)
    let topic = try #require(listed.first)
    #expect(
      Set(topic.keys) == [
        "id", "short", "title", "by", "cadence", "status", "rank", "createdAt", "solvedAt",
        "review", "description", "refersTo", "workedMinutes", "workedReviews",
      ])
    #expect(topic["workedMinutes"] as? Int == 0 && topic["workedReviews"] as? Int == 0)
    #expect(topic["short"] as? String == short)
    #expect((topic["id"] as? String)?.hasSuffix(short) == true && short.count >= 4)
    #expect(topic["title"] as? String == "Lead routing")
    #expect(topic["by"] as? String == "tom")
    #expect(topic["status"] as? String == "open")
    #expect(topic["rank"] as? Int == 1)
    #expect(topic["createdAt"] as? String == CLIFixture.now)
    #expect(topic["solvedAt"] is NSNull && topic["review"] is NSNull)
    let cadences = try array(try fixture.json("cadence", "list", "--json")).map { try object($0) }
    #expect(topic["cadence"] as? String == cadences.first?["id"] as? String)
    // Without --by, the topic is the user's only when the user is a person of the store.
    try fixture.succeed("topic", "add", "Booth budget", "--cadence", "marketing")
    #expect(try topics(fixture).last?["by"] is NSNull)
    try fixture.succeed("topic", "add", "Hiring", env: ["RHYTHM_USER": "maria"])
    let hiring = try #require(try topics(fixture).first { $0["title"] as? String == "Hiring" })
    #expect(hiring["by"] as? String == "maria")
    #expect(hiring["cadence"] is NSNull)  // no review is live: no cadence
    let text = try fixture.succeed("topic", "list")
    #expect(text.contains("#1") && text.contains("Marketing weekly") && text.contains("@tom"))
  }

  @Test("rank moves a topic in its cadence's queue; solve, drop and reopen settle it")
  func rankAndSettle() throws {
    let fixture = try fixture()
    var shorts: [String] = []
    for title in ["A", "B", "C"] {
      shorts.append(
        try fixture.succeed("topic", "add", title, "--cadence", "marketing")
          .trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #expect(try fixture.succeed("topic", "rank", shorts[2], "1") == "\(shorts[2]) is #1\n")
    #expect(try topics(fixture).compactMap { $0["title"] as? String } == ["C", "A", "B"])
    #expect(try topics(fixture).compactMap { $0["rank"] as? Int } == [1, 2, 3])
    #expect(try fixture.succeed("topic", "solve", shorts[0]) == "solved \(shorts[0])\n")
    #expect(try fixture.succeed("topic", "drop", shorts[1]) == "dropped \(shorts[1])\n")
    #expect(try topics(fixture).compactMap { $0["title"] as? String } == ["C"])
    let all = try topics(fixture, "--status", "all")
    let solved = try #require(all.first { $0["title"] as? String == "A" })
    #expect(solved["status"] as? String == "solved")
    #expect(solved["solvedAt"] as? String == CLIFixture.now)
    #expect(solved["rank"] is NSNull)
    #expect(
      try topics(fixture, "--status", "dropped").compactMap { $0["title"] as? String } == ["B"])
    #expect(try fixture.succeed("topic", "reopen", shorts[0]) == "reopened \(shorts[0])\n")
    #expect(try topics(fixture).compactMap { $0["title"] as? String } == ["C", "A"])
    try fixture.succeed("topic", "describe", shorts[0], "Why it matters")
    #expect(try topics(fixture).last?["description"] as? String == "Why it matters")
  }

  @Test("a topic about a metric takes its name; steps and decisions name their topic")
  func aboutAndLinks() throws {
    let fixture = try fixture()
    let short = try fixture.succeed("topic", "add", "--about", "Leads")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let topic = try #require(try topics(fixture).first)
    #expect(topic["title"] as? String == "Leads: 80 against 100")
    #expect(topic["refersTo"] as? String != nil)
    let id = try #require(topic["id"] as? String)
    try fixture.addStep("Fix routing @tom due:fri", "--topic", short)
    #expect(try fixture.steps().first?.topic == id)
    try fixture.succeed("decision", "add", "Route by region", "--topic", short)
    let decision = try object(try array(try fixture.json("decision", "list", "--json")).first)
    #expect(decision["topic"] as? String == id)
  }

  @Test("bad input: usage errors exit 2, user errors exit 1 with one line, nothing saved")
  func badInput() throws {
    let fixture = try fixture()
    try fixture.run("topic", "add").expectUsageError()
    try fixture.run("topic", "add", "   ").expectUsageError()
    try fixture.run("topic", "list", "--status", "closed").expectUsageError()
    try fixture.run("topic", "rank", "abcd", "first").expectUsageError()
    try fixture.run("topic", "add", "X", "--cadence", "nothing").expectUserError("no cadence")
    try fixture.run("topic", "add", "X", "--by", "zed").expectUserError("'zed'")
    try fixture.run("topic", "add", "Evil \u{1B}[2J").expectUserError("control character")
    try fixture.run("topic", "add", "--about", "zzzz").expectUserError(
      "no metric, priority, step or headline matches 'zzzz'")
    try fixture.run("topic", "solve", "zzzz").expectUserError("no topic matches 'zzzz'")
    try fixture.run("topic", "solve", "ab").expectUserError("too short")
    #expect(try topics(fixture, "--status", "all").isEmpty)
    let short = try fixture.succeed("topic", "add", "A").trimmingCharacters(
      in: .whitespacesAndNewlines)
    try fixture.run("topic", "rank", short, "0").expectUserError("position")
    try fixture.succeed("topic", "solve", short)
    try fixture.run("topic", "solve", short).expectUserError("already solved")
    try fixture.run("topic", "rank", short, "1").expectUserError("only open topics")
    try fixture.run("step", "add", "X @tom", "--topic", "zzzz").expectUserError("no topic")
  }
}
