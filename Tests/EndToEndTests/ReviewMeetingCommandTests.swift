import Foundation
import Testing

/// Attendance, ratings, the audit, headlines, decision rights, `review start` with no cadence,
/// and the minutes, on the sample organisation.
@Suite("Review meeting commands")
struct ReviewMeetingCommandTests {
  /// The demo, and the id of the latest held review of the cadence whose title holds `title`.
  private func demo(latestOf title: String) throws -> (CLIFixture, String) {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let reviews = try array(
      try fixture.json("review", "list", "--cadence", title, "--from", "2026-08-01", "--json")
    ).map { try object($0) }
    let held = try #require(reviews.last { $0["status"] as? String == "held" })
    return (fixture, try #require(held["id"] as? String))
  }

  private func review(_ fixture: CLIFixture, _ id: String) throws -> [String: Any] {
    try object(try fixture.json("review", "show", id, "--json"))
  }

  @Test("review list --json has attendees, ratings [{by, rating}] and their mean as rating")
  func listFields() throws {
    let (fixture, id) = try demo(latestOf: "leadership")
    let reviews = try array(try fixture.json("review", "list", "--json")).map { try object($0) }
    let listed = try #require(reviews.first { $0["id"] as? String == id })
    #expect(
      Set(listed.keys) == [
        "id", "short", "cadence", "cadenceTitle", "occurrence", "status", "movedTo", "rating",
        "ratings", "attendees", "steps", "decisions",
      ])
    let ratings = try array(listed["ratings"]).map { try object($0) }
    let attendees = try #require(listed["attendees"] as? [String])
    #expect(ratings.compactMap { $0["by"] as? String } == attendees.sorted())
    let values = ratings.compactMap { $0["rating"] as? Int }
    let mean = Double(values.reduce(0, +)) / Double(values.count)
    #expect(abs((listed["rating"] as? Double ?? 0) - mean) < 1e-9)
    let scheduled = try #require(reviews.first { $0["id"] is NSNull })
    #expect(scheduled["ratings"] as? [Any] != nil && scheduled["rating"] is NSNull)
  }

  @Test("attend, rate one by one, and unclear; each refuses bad input")
  func attendRateUnclear() throws {
    let (fixture, id) = try demo(latestOf: "leadership")
    let short = String(id.suffix(6))
    #expect(
      try fixture.succeed("review", "attend", short, "@nina", "--absent", "ruth")
        .hasPrefix("attendees of "))
    var shown = try review(fixture, id)
    let attendees = try #require(shown["attendees"] as? [String])
    #expect(attendees.contains("nina") && !attendees.contains("ruth"))
    #expect(
      try fixture.succeed("review", "rate", short, "3", "--by", "nina").hasSuffix(
        " 3/10 by @nina\n"))
    #expect(
      try fixture.succeed("review", "rate", short, "10", env: ["RHYTHM_USER": "maria"])
        .hasSuffix(" 10/10 by @maria\n"))
    shown = try review(fixture, id)
    let ratings = try array(shown["ratings"]).map { try object($0) }
    #expect(ratings.contains { $0["by"] as? String == "nina" && $0["rating"] as? Int == 3 })
    #expect(ratings.contains { $0["by"] as? String == "maria" && $0["rating"] as? Int == 10 })
    let values = ratings.compactMap { $0["rating"] as? Int }
    #expect(
      abs((shown["rating"] as? Double ?? 0) - Double(values.reduce(0, +)) / Double(values.count))
        < 1e-9)
    try fixture.succeed("review", "unclear", short, "yes")
    #expect(try review(fixture, id)["unclear"] as? Bool == true)
    try fixture.succeed("review", "unclear", short, "no")
    #expect(try review(fixture, id)["unclear"] as? Bool == false)

    try fixture.run("review", "attend", short).expectUsageError()
    try fixture.run("review", "attend", short, "zed").expectUserError("'zed'")
    try fixture.run("review", "attend", short, "tom", "--absent", "tom")
      .expectUserError("both present and absent")
    try fixture.run("review", "rate", short, "11", "--by", "nina").expectUserError("1 to 10")
    try fixture.run("review", "rate", short, "5", "--by", "zed").expectUserError("'zed'")
    try fixture.run("review", "unclear", short, "maybe").expectUsageError()
    try fixture.run("review", "attend", "zzzz", "tom").expectUserError("no review")
  }

  @Test("audit add stores one person's answers; audit list has the documented fields")
  func audit() throws {
    let (fixture, id) = try demo(latestOf: "strategy")
    let short = String(id.suffix(6))
    let added = try fixture.succeed(
      "audit", "add", short, "--by", "nina", "--risk", "1", "--transparency", "2", "--drive", "3")
    #expect(
      added.hasPrefix("audit ") && added.hasSuffix(": @nina risk 1, transparency 2, drive 3\n"))
    #expect(id.hasSuffix(String(added.dropFirst(6).prefix { $0 != ":" })))
    let audits = try array(try fixture.json("audit", "list", "--cadence", "strategy", "--json"))
      .map { try object($0) }
    #expect(audits.count >= 3)
    let latest = try #require(audits.last)
    #expect(
      Set(latest.keys) == [
        "review", "short", "cadence", "occurrence", "answers", "mean", "exchanges",
      ])
    #expect(latest["review"] as? String == id)
    let answers = try array(latest["answers"]).map { try object($0) }
    let nina = try #require(answers.first { $0["by"] as? String == "nina" })
    #expect(Set(nina.keys) == ["by", "risk", "transparency", "drive"])
    #expect(nina["risk"] as? Int == 1 && nina["drive"] as? Int == 3)
    let mean = try object(latest["mean"])
    let risks = answers.compactMap { $0["risk"] as? Int }
    #expect(
      abs((mean["risk"] as? Double ?? 0) - Double(risks.reduce(0, +)) / Double(risks.count)) < 1e-9)
    #expect(try fixture.succeed("audit", "list").contains("Quarterly strategy reset"))
    #expect(try array(try fixture.json("audit", "list", "--cadence", "pipeline", "--json")).isEmpty)

    try fixture.run(
      "audit", "add", short, "--by", "nina", "--risk", "6", "--transparency", "2",
      "--drive", "3"
    ).expectUserError("risk", "1 to 5")
    try fixture.run("audit", "add", short, "--by", "nina", "--risk", "2", "--transparency", "2")
      .expectUsageError()
    try fixture.run(
      "audit", "add", short, "--by", "zed", "--risk", "2", "--transparency", "2",
      "--drive", "2"
    ).expectUserError("'zed'")
  }

  @Test("headline add and list")
  func headlines() throws {
    let (fixture, id) = try demo(latestOf: "leadership")
    let short = String(id.suffix(6))
    let headline = try fixture.succeed(
      "headline", "add", "Lost", "Orion", "--review", short, "--bad", "--by", "sam"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let listed = try array(try fixture.json("headline", "list", "--review", short, "--json"))
      .map { try object($0) }
    let mine = try #require(listed.first { $0["short"] as? String == headline })
    #expect(Set(mine.keys) == ["id", "short", "text", "tone", "by", "review", "createdAt"])
    #expect(mine["text"] as? String == "Lost Orion" && mine["tone"] as? String == "bad")
    #expect(mine["by"] as? String == "sam" && mine["review"] as? String == id)
    #expect(listed.allSatisfy { $0["review"] as? String == id })
    try fixture.run("headline", "add", "News").expectUsageError()
    try fixture.run("headline", "add", "News", "--review", "zzzz").expectUserError("no review")
    try fixture.run("headline", "add", "News \u{1B}[2J", "--review", short)
      .expectUserError("control character")
  }

  @Test("decision rights: add, list, set the decider or the area, remove")
  func rights() throws {
    let (fixture, _) = try demo(latestOf: "strategy")
    let short = try fixture.succeed(
      "right", "add", "Event", "sponsorships", "--decider", "ana", "--cadence", "campaign"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let all = try array(try fixture.json("right", "list", "--json")).map { try object($0) }
    let mine = try #require(all.first { $0["short"] as? String == short })
    #expect(Set(mine.keys) == ["id", "short", "area", "decider", "cadence"])
    #expect(mine["area"] as? String == "Event sponsorships" && mine["decider"] as? String == "ana")
    let forCampaigns = try array(
      try fixture.json("right", "list", "--cadence", "campaign", "--json"))
    #expect(forCampaigns.count == all.count - 2)  // the strategy reset's two are left out
    #expect(
      try fixture.succeed("right", "set", short, "--decider", "maria")
        == "Event sponsorships: @maria\n")
    try fixture.run(
      "right", "add", "event SPONSORSHIPS", "--decider", "tom", "--cadence", "campaign"
    )
    .expectUserError("already has a decider")
    try fixture.run("right", "add", "X", "--decider", "zed").expectUserError("'zed'")
    try fixture.run("right", "add", "X", "--decider", "tom", "--cadence", "nothing")
      .expectUserError("no cadence")
    try fixture.run("right", "add", "X").expectUsageError()
    #expect(
      try fixture.succeed("right", "set", short, "--area", "Event sponsorships over 5k")
        == "Event sponsorships over 5k: @maria\n")
    try fixture.run("right", "set", short).expectUsageError()
    #expect(
      try fixture.succeed("right", "remove", short) == "removed Event sponsorships over 5k\n")
    #expect(try array(try fixture.json("right", "list", "--json")).count == all.count - 1)
  }

  @Test("the minutes of a weekly and a quarterly review carry their sections")
  func minutes() throws {
    let (fixture, weekly) = try demo(latestOf: "leadership")
    let text = try fixture.succeed("export", "minutes", weekly)
    for heading in [
      "## Scorecard", "## Priorities (2026-Q4)", "## Headlines", "## Topics", "### Solved",
      "### Left open", "## Decisions", "## Ratings", "- **Mean:** ",
    ] {
      #expect(text.contains(heading), "\(heading)")
    }
    let reviews = try array(
      try fixture.json("review", "list", "--cadence", "strategy", "--from", "2026-08-01", "--json")
    ).map { try object($0) }
    let quarterly = try #require(
      reviews.last { $0["status"] as? String == "held" }?["id"] as? String)
    let quarterText = try fixture.succeed("export", "minutes", quarterly)
    for heading in ["## Collaboration audit", "## Decision rights", "exchanges, last 13 weeks"] {
      #expect(quarterText.contains(heading), "\(heading)")
    }
  }

  @Test("review start with no cadence and none to start is one clear error")
  func startWithNothing() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run("review", "start").expectUserError("no review to start", "rhythm cadence add")
  }
}
