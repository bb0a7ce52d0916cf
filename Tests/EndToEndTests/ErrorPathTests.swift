import Foundation
import Testing

/// Every user error is one line `rhythm: …` on stderr and exit 1; usage errors exit 2.
@Suite("Error paths")
struct ErrorPathTests {
  @Test("an unknown owner names the handle and `person add`; --new-person creates them")
  func unknownPerson() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run("step", "add", "Draft booth @bob due:fri")
      .expectUserError("'bob'", "rhythm person add bob")
    #expect(try fixture.steps().isEmpty)
    try fixture.addStep("Draft booth @bob due:fri", "--new-person")
    let people = try array(try fixture.json("person", "list", "--json"))
    #expect(try people.map { try object($0)["handle"] as? String } == ["bob", "maria"])
    #expect(try fixture.steps().map(\.owner) == ["bob"])
    try fixture.run("step", "edit", try fixture.steps()[0].id, "--owner", "nobody")
      .expectUserError("'nobody'", "rhythm person add nobody")
    try fixture.run("step", "list", "--owner", "nobody").expectUserError("'nobody'")
  }

  @Test(
    "bad dates",
    arguments: [
      ["step", "add", "Draft @maria due:someday"],
      ["step", "add", "Draft @maria", "--due", "2026-13-45"],
      ["step", "add", "Draft @maria", "--due", "2026-02-30"],
      ["step", "list", "--due-before", "soonish"],
    ])
  func badDate(arguments: [String]) throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run(arguments).expectUserError("cannot read the date")
    #expect(try fixture.steps().isEmpty)
  }

  @Test("text with escape sequences is refused at entry, and nothing is saved")
  func controlCharactersAtEntry() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run("step", "add", "Evil \u{1B}]0;pwned\u{07} @maria due:fri").expectUserError(
      "title", "control character")
    try fixture.run("decision", "add", "Clear \u{1B}[2J now").expectUserError("control character")
    try fixture.run("person", "add", "ana", "--name", "Ana\u{202E}").expectUserError(
      "control character")
    #expect(try fixture.succeed("step", "list") == "no steps\n")
  }

  @Test("a step with no owner is refused; one with no due date is due in a week, as in the cockpit")
  func missingOwnerOrDue() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run("step", "add", "Draft due:fri").expectUserError("no owner")
    try fixture.succeed("step", "add", "Draft @maria")
    let listed = try fixture.succeed("step", "list", "--json")
    #expect(listed.contains("\"due\":\"2026-12-02\""))
    try fixture.run("step", "add", "@maria due:fri").expectUserError("no title")
  }

  @Test("unknown, ambiguous and too-short step ids")
  func badStepIDs() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("one @maria due:fri")
    try fixture.addStep("two @maria due:fri")
    let ids = try fixture.steps().map(\.id)
    // Ids made in the same millisecond share their first ten characters (the time).
    let shared = String(ids[0].prefix(6))
    #expect(ids.allSatisfy { $0.hasPrefix(shared) })
    for command in ["done", "drop", "reopen"] {
      try fixture.run("step", command, "zzzzzz").expectUserError("no step matches 'zzzzzz'")
      try fixture.run("step", command, shared).expectUserError("'\(shared)'", "2 steps")
      try fixture.run("step", command, "ab").expectUserError("'ab'", "at least 4")
    }
    try fixture.run("step", "edit", "zzzzzz", "--title", "x").expectUserError("no step matches")
    // A failed command changed nothing.
    #expect(try fixture.steps().allSatisfy { $0.status == "open" })
  }

  @Test("no store, and init on an existing store")
  func storePresence() throws {
    let fixture = try CLIFixture()
    for command in [
      ["step", "list"], ["step", "add", "x @maria due:fri"], ["person", "list"],
      ["stats"], ["undo"], ["store", "check"], ["store", "rebuild"],
    ] {
      try fixture.run(command).expectUserError("no store at \(fixture.store)", "rhythm init")
    }
    #expect(!FileManager.default.fileExists(atPath: fixture.store + "/journal"))
    // With no --store and no RHYTHM_STORE: $XDG_DATA_HOME/rhythm.
    try fixture.run(["step", "list"], env: ["RHYTHM_STORE": nil])
      .expectUserError("no store at \(fixture.root)/data/rhythm")
    try fixture.succeed("init")
    try fixture.run("init").expectUserError("already exists", fixture.store)
    try fixture.run("init", "--demo").expectUserError("already exists")
  }

  @Test(
    "a bad RHYTHM_NOW",
    arguments: ["garbage", "2026-11-25T25:00:00Z", "2026-11-25T09:00", "2026-13-01T09:00:00Z"])
  func badNow(now: String) throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    for command in [["step", "list"], ["step", "add", "x @maria due:fri"], ["stats"]] {
      try fixture.run(command, env: ["RHYTHM_NOW": now]).expectUserError("RHYTHM_NOW", now)
    }
  }

  @Test("person errors: duplicate, bad handle")
  func personErrors() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run("person", "add", "maria").expectUserError("'maria' already exists")
    try fixture.run("person", "add", "no spaces!").expectUserError("is not a handle")
  }

  @Test("nothing to undo or redo")
  func nothingToUndo() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    try fixture.run("undo").expectUserError("nothing to undo")
    try fixture.run("redo").expectUserError("nothing to")
  }

  @Test("bad `when` rule, zone and start")
  func badWhen() throws {
    let fixture = try CLIFixture()
    try fixture.run("when", "weekly blah").expectUserError("weekly blah", "weekly mon 10:00")
    try fixture.run("when", "weekly mon 10:00", "--tz", "Mars/Base")
      .expectUserError("unknown time zone 'Mars/Base'")
    try fixture.run("when", "weekly mon 10:00", "--start", "yesterday")
      .expectUserError("--start 'yesterday'")
    try fixture.run("when", "FREQ=SOMETIMES").expectUserError()
  }

  @Test(
    "usage errors exit 2",
    arguments: [
      ["step", "list", "--status", "bogus"],
      ["step", "add"],
      ["bogus"],
      ["step", "list", "--no-such-flag"],
      ["stats", "--by", "planet"],
      ["when", "weekly mon 10:00", "--count", "-1"],
      ["step", "edit", "abcd"],
    ])
  func usageErrors(arguments: [String]) throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run(arguments).expectUsageError()
  }

  @Test("a bad stats window is a user error")
  func badWindow() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.run("stats", "--window", "3 months").expectUserError("window")
  }
}
