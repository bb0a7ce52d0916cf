import Foundation
import Testing

/// People, status changes with undo/redo, and where the store is.
@Suite("Command contracts")
struct CommandContractTests {
  @Test("person add with name, teams and email, then person list --json")
  func personAddAndList() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    let added = try fixture.succeed(
      "person", "add", "Maria", "--name", "Maria López", "--team", "marketing", "--team", "events",
      "--email", "maria@example.com")
    #expect(added == "added @maria\n")
    try fixture.succeed("person", "add", "ben")
    let people = try array(try fixture.json("person", "list", "--json")).map { try object($0) }
    #expect(people.count == 2)
    #expect(people.map { Set($0.keys) }.allSatisfy { $0 == ["handle", "name", "teams", "email"] })
    #expect(people[0]["handle"] as? String == "ben")
    #expect(people[0]["name"] as? String == "ben")
    #expect(people[0]["teams"] as? [String] == [])
    #expect(people[0]["email"] is NSNull)
    #expect(people[1]["handle"] as? String == "maria")
    #expect(people[1]["name"] as? String == "Maria López")
    #expect(people[1]["teams"] as? [String] == ["marketing", "events"])
    #expect(people[1]["email"] as? String == "maria@example.com")
    // The teams now exist: listing by one of them works (and is empty).
    #expect(try fixture.steps("--team", "events").isEmpty)
    try fixture.run("step", "list", "--team", "nosuchteam").expectUserError("no team matches")
  }

  @Test("team add, rename (its people follow), remove, list --json; undo brings a team back")
  func teams() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    try fixture.succeed("person", "add", "maria", "--team", "marketing")
    try fixture.succeed("person", "add", "ben", "--team", "marketing", "--team", "sales")
    #expect(try fixture.succeed("team", "add", "events") == "added team events\n")
    try fixture.run("team", "add", "sales").expectUserError("already a team 'sales'")
    func teams() throws -> [String: [String]] {
      var found: [String: [String]] = [:]
      for team in try array(try fixture.json("team", "list", "--json")).map({ try object($0) }) {
        #expect(Set(team.keys) == ["name", "people"])
        found[try #require(team["name"] as? String)] = team["people"] as? [String]
      }
      return found
    }
    #expect(try teams() == ["events": [], "marketing": ["ben", "maria"], "sales": ["ben"]])
    #expect(
      try fixture.succeed("team", "rename", "marketing", "growth") == "marketing is now growth\n")
    #expect(try teams() == ["events": [], "growth": ["ben", "maria"], "sales": ["ben"]])
    #expect(try fixture.steps("--team", "growth").isEmpty)
    try fixture.run("team", "rename", "nosuch", "x").expectUserError("no team")
    try fixture.run("team", "rename", "growth", "sales").expectUserError("already a team")
    #expect(try fixture.succeed("team", "remove", "sales") == "removed team sales\n")
    #expect(try teams() == ["events": [], "growth": ["ben", "maria"]])
    try fixture.succeed("undo")
    #expect(try teams() == ["events": [], "growth": ["ben", "maria"], "sales": ["ben"]])
    try fixture.succeed("store", "check")
  }

  @Test("step done, drop, reopen, each undone and redone")
  func statusChangesUndoRedo() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let short = try fixture.addStep("Ship it @maria due:fri")
    let other = try fixture.addStep("Keep me @maria due:fri")
    func state() throws -> (status: String, completedAt: String?) {
      let step = try #require(try fixture.steps().first { $0.short == short })
      return (step.status, step.completedAt)
    }
    let later = "2026-11-26T10:30:00Z"

    #expect(
      try fixture.succeed("step", "done", short, env: ["RHYTHM_NOW": later]) == "done \(short)\n")
    #expect(try state() == ("done", later))
    #expect(try fixture.succeed("undo").hasPrefix("undid: step"))
    #expect(try state() == ("open", nil))
    #expect(try fixture.succeed("redo").hasPrefix("redid: step"))
    #expect(try state() == ("done", later))

    #expect(try fixture.succeed("step", "drop", short) == "dropped \(short)\n")
    #expect(try state() == ("dropped", CLIFixture.now))
    try fixture.succeed("undo")
    #expect(try state() == ("done", later))

    #expect(try fixture.succeed("step", "reopen", short) == "reopened \(short)\n")
    #expect(try state() == ("open", nil))
    try fixture.succeed("undo")
    #expect(try state() == ("done", later))
    try fixture.succeed("redo")
    #expect(try state() == ("open", nil))

    // Several ids at once; the other step is untouched until then.
    #expect(try fixture.steps().first { $0.short == other }?.status == "open")
    let both = try fixture.succeed("step", "done", short, other)
    #expect(both == "done \(short)\ndone \(other)\n")
    #expect(try fixture.steps().map(\.status) == ["done", "done"])
  }

  @Test("step edit changes fields; undo restores them")
  func editAndUndo() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria", "li"])
    let short = try fixture.addStep("Draft @maria due:fri")
    try fixture.succeed(
      "step", "edit", short, "--title", "Final draft", "--owner", "li", "--due", "eom", "--success",
      "sent")
    var step = try #require(try fixture.steps().first)
    #expect(
      [step.title, step.owner, step.due, step.success] == [
        "Final draft", "li", "2026-11-30", "sent",
      ])
    try fixture.succeed("undo")
    step = try #require(try fixture.steps().first)
    #expect(
      [step.title, step.owner, step.due, step.success] == ["Draft", "maria", "2026-11-27", nil])
  }

  @Test(
    "decision add --by --review links the decision to its review; an unknown review is an error")
  func decisionReview() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let snapshot = try object(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath))))
    let review = try #require(
      try array(snapshot["reviews"]).first.map { try object($0)["id"] as? String } ?? nil)
    try fixture.succeed("decision", "add", "Ship the booth", "--by", "maria", "--review", review)
    let decisions = try array(try fixture.json("decision", "list", "--json")).map { try object($0) }
    let made = try #require(decisions.first { $0["text"] as? String == "Ship the booth" })
    #expect(made["decidedBy"] as? String == "maria")
    #expect(made["review"] as? String == review)
    try fixture.run("decision", "add", "Bad", "--review", "zzzzzzzz")
      .expectUserError("no review matches 'zzzzzzzz'")
  }

  @Test("cadence add --start: the title is kept and the first occurrence is the start")
  func cadenceStart() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.succeed(
      "cadence", "add", "Standup", "--rule", "weekly mon 10:00", "--start", "2026-12-07T10:00",
      "--tz", "Europe/Berlin")
    let cadences = try array(try fixture.json("cadence", "list", "--json")).map { try object($0) }
    #expect(cadences.map { $0["title"] as? String } == ["Standup"])
    #expect(cadences.first?["next"] as? String == "2026-12-07T10:00:00+01:00")
  }

  @Test("--store before or after the subcommand, or RHYTHM_STORE; --store wins")
  func storeLocation() throws {
    let fixture = try CLIFixture()
    let other = fixture.root + "/other"
    let noEnv: [String: String?] = ["RHYTHM_STORE": nil]
    try fixture.succeed("--store", other, "init", env: noEnv)
    try fixture.succeed("person", "add", "maria", "--store", other, env: noEnv)
    try fixture.succeed("--store", other, "step", "add", "Before @maria due:fri", env: noEnv)
    try fixture.succeed("step", "add", "After @maria due:fri", "--store", other, env: noEnv)
    try fixture.succeed("step", "add", "Env @maria due:fri", env: ["RHYTHM_STORE": other])

    #expect(!FileManager.default.fileExists(atPath: fixture.store))
    for arguments in [
      ["--store", other, "step", "list", "--json"], ["step", "list", "--json", "--store", other],
    ] {
      let result = try fixture.run(arguments, env: noEnv)
      #expect(result.status == 0, "\(arguments): \(result)")
      let titles = try JSONDecoder().decode([StepJSON].self, from: Data(result.stdout.utf8)).map(
        \.title)
      #expect(Set(titles) == ["Before", "After", "Env"], "\(arguments)")
    }
    // --store wins over RHYTHM_STORE (which names a folder with no store).
    #expect(try fixture.succeed("store", "path", "--store", other) == other + "\n")
    #expect(try fixture.succeed("--store", other, "store", "path") == other + "\n")
    #expect(try fixture.succeed("store", "path") == fixture.store + "\n")
    #expect(try fixture.run("--store", other, "step", "list").status == 0)
  }

  @Test("the store folder is 0700 and its files 0600, whatever the umask")
  func fileModes() throws {
    let fixture = try CLIFixture()
    func permissive(_ arguments: String...) throws {
      let result = try runProcess(
        "/bin/sh", ["-c", "umask 000; exec \"$RHYTHM\" \"$@\"", "sh"] + arguments,
        environment: fixture.environment(["RHYTHM": fixture.binary]))
      #expect(result.status == 0, "\(arguments): \(result)")
    }
    try permissive("init")
    try permissive("person", "add", "maria")
    try permissive("step", "add", "One @maria due:fri")
    try permissive("step", "add", "Two @maria due:fri")
    try permissive("store", "rebuild")
    try permissive("step", "done", try fixture.steps()[0].id)

    func mode(_ path: String) throws -> Int {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }
    let folders = [fixture.store, fixture.journalFolder, fixture.store + "/backups"]
    for folder in folders {
      #expect(try mode(folder) == 0o700, "\(folder)")
    }
    var files = try fixture.journals() + [fixture.snapshotPath, fixture.store + "/store.idx"]
    files += try FileManager.default.contentsOfDirectory(atPath: fixture.store + "/backups")
      .map { fixture.store + "/backups/" + $0 }
    for name in ["device", "lock", ".gitignore"]
    where FileManager.default.fileExists(atPath: fixture.store + "/" + name) {
      files.append(fixture.store + "/" + name)
    }
    #expect(files.count >= 5)
    for file in files {
      let actual = try mode(file)
      #expect(actual == 0o600, "\(file): \(String(actual, radix: 8))")
    }
  }
}
