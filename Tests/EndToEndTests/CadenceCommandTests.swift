import Foundation
import Testing

/// `rhythm cadence`, `review`, `export`, `import` and `sync`, run as a user would, at the
/// fixture's fixed now (Wednesday 2026-11-25 09:00 UTC).
@Suite("Cadence, review, export, import and sync commands")
struct CadenceCommandTests {
  /// A store with maria and li and a weekly cadence in Berlin; returns its short id.
  static func weekly(_ fixture: CLIFixture) throws -> String {
    try fixture.makeStore(people: ["maria", "li"])
    let added = try fixture.succeed(
      "cadence", "add", "Marketing weekly", "--rule", "weekly mon 10:00", "--tz", "Europe/Berlin",
      "--facilitator", "@maria", "--participants", "maria,li", "--agenda", "weekly")
    #expect(
      added.hasSuffix("every Monday at 10:00, next Mon 2026-11-30 10:00 Europe/Berlin (in 5d)\n"))
    return String(added.prefix { $0 != " " })
  }

  @Test("cadence add validates and stores the canonical rule; list and show report it")
  func addListShow() throws {
    let fixture = try CLIFixture()
    let short = try Self.weekly(fixture)
    #expect(short.count >= 4)
    let list = try array(try fixture.json("cadence", "list", "--json")).map { try object($0) }
    #expect(list.count == 1)
    #expect(list[0]["short"] as? String == short)
    #expect(list[0]["rule"] as? String == "FREQ=WEEKLY;BYDAY=MO")
    #expect(list[0]["ruleText"] as? String == "every Monday at 10:00")
    #expect(list[0]["timeZone"] as? String == "Europe/Berlin")
    #expect(list[0]["next"] as? String == "2026-11-30T10:00:00+01:00")
    #expect(list[0]["durationMinutes"] as? Int == 90)
    let table = try fixture.succeed("cadence", "list")
    #expect(table.contains("Marketing weekly") && table.contains("in 5d"))

    let shown = try object(try fixture.json("cadence", "show", short, "--json"))
    #expect(shown["start"] as? String == "2026-11-25T10:00:00")
    #expect(shown["facilitator"] as? String == "maria")
    #expect(shown["participants"] as? [String] == ["maria", "li"])
    let agenda = try array(shown["agenda"]).map { try object($0) }
    #expect(
      agenda.map { $0["title"] as? String } == [
        "Check-in", "Scorecard", "Priorities", "Headlines", "Last steps", "Topics", "Conclude",
      ])
    let next = try array(shown["next"]).map { try object($0) }
    #expect(next.count == 10)
    #expect(next.first?["occurrence"] as? String == "2026-11-30T10:00:00+01:00")
    // By words of the title as well as by id.
    #expect(
      try fixture.succeed("cadence", "show", "marketing").contains(
        "rrule         FREQ=WEEKLY;BYDAY=MO"))

    let rrule = try fixture.succeed(
      "cadence", "add", "Pipeline", "--rule", "RRULE:FREQ=MONTHLY;BYDAY=-1FR", "--tz",
      "America/New_York",
      "--duration", "1h30m", "--json")
    let pipeline = try object(try JSONSerialization.jsonObject(with: Data(rrule.utf8)))
    #expect(pipeline["rule"] as? String == "FREQ=MONTHLY;BYDAY=-1FR")
    #expect(pipeline["start"] as? String == "2026-11-25T09:00:00")
    #expect(pipeline["next"] as? String == "2026-11-27T09:00:00-05:00")
    let both = try array(try fixture.json("cadence", "list", "--json")).map { try object($0) }
    #expect(both.first { $0["title"] as? String == "Pipeline" }?["durationMinutes"] as? Int == 90)
  }

  @Test("a new cadence starts tomorrow when today's time has passed, so nothing is missed")
  func defaultStartIsAhead() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let added = try object(
      try fixture.json(
        "cadence", "add", "Stand-up", "--rule", "daily 08:00", "--tz", "UTC", "--json"))
    #expect(added["start"] as? String == "2026-11-26T08:00:00")
    #expect(added["next"] as? String == "2026-11-26T08:00:00+00:00")
    let reviews = try array(try fixture.json("review", "list", "--json")).map { try object($0) }
    #expect(reviews.count == 14)
    #expect(reviews.allSatisfy { $0["status"] as? String == "scheduled" })
  }

  @Test("cadence add rejects bad rules, zones, people, durations and agendas")
  func addErrors() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    func add(_ options: String...) throws -> ProcessResult {
      try fixture.run(["cadence", "add", "X"] + options)
    }
    try add("--rule", "weekly funday 10:00").expectUserError("weekly mon 10:00")
    try add("--rule", "weekly mon 10:00", "--tz", "Mars/Olympus").expectUserError(
      "unknown time zone")
    try add("--rule", "weekly mon 10:00", "--facilitator", "nobody").expectUserError(
      "no person 'nobody'")
    try add("--rule", "weekly mon 10:00", "--participants", "maria,ghost").expectUserError(
      "no person 'ghost'")
    try add("--rule", "weekly mon 10:00", "--duration", "soon").expectUserError("duration 'soon'")
    try add("--rule", "weekly mon 10:00", "--agenda", "Check-in").expectUserError("agenda")
    try add("--rule", "weekly mon 10:00", "--team", "nope").expectUserError(
      "no team matches 'nope'")
    try fixture.run("cadence", "add", "X").expectUsageError()
    try fixture.run("cadence", "show", "zzzz").expectUserError("no cadence matches 'zzzz'")
    #expect(try array(try fixture.json("cadence", "list", "--json")).isEmpty)
  }

  @Test("cadence add --start sets the first occurrence's day and time")
  func addWithStart() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let result = try fixture.run([
      "cadence", "add", "Sync", "--rule", "FREQ=WEEKLY;BYDAY=TH", "--tz", "UTC", "--start",
      "2026-12-01T16:00",
      "--json",
    ])
    #expect(result.status == 0, "\(result)")
    let added = try object(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    #expect(added["start"] as? String == "2026-12-01T16:00:00")
    #expect(added["next"] as? String == "2026-12-03T16:00:00+00:00")
    // A day alone takes the rule's time.
    let friendly = try object(
      try fixture.json(
        "cadence", "add", "Review", "--rule", "monthly first mon 10:00", "--tz", "UTC",
        "--start", "2027-01-01", "--json"))
    #expect(friendly["start"] as? String == "2027-01-01T10:00:00")
    #expect(friendly["next"] as? String == "2027-01-04T10:00:00+00:00")
  }

  @Test("skip and move one occurrence; show, the schedule and review list report them")
  func skipAndMove() throws {
    let fixture = try CLIFixture()
    let short = try Self.weekly(fixture)
    #expect(
      try fixture.succeed("cadence", "skip", short, "2026-12-07")
        == "skipped Marketing weekly on Mon 2026-12-07 10:00\n")
    #expect(
      try fixture.succeed("cadence", "move", short, "2026-12-14", "2026-12-15T14:00")
        == "moved Marketing weekly from Mon 2026-12-14 10:00 to Tue 2026-12-15 14:00\n")
    // Moving again updates the same review; a day without an occurrence is an error.
    try fixture.succeed("cadence", "move", short, "2026-12-14", "2026-12-16")
    try fixture.run("cadence", "skip", short, "2026-12-08").expectUserError(
      "no occurrence on 2026-12-08", "Mon 2026-12-07 10:00")
    try fixture.run("cadence", "skip", short, "someday").expectUserError("cannot read the date")

    let next = try array(try object(try fixture.json("cadence", "show", short, "--json"))["next"])
      .map {
        try object($0)
      }
    #expect(next[1]["status"] as? String == "skipped")
    #expect(next[2]["status"] as? String == "moved")
    #expect(next[2]["movedTo"] as? String == "2026-12-16T10:00:00+01:00")

    let reviews = try array(
      try fixture.json(
        "review", "list", "--cadence", short, "--from", "2026-11-30", "--to", "2026-12-20", "--json"
      )
    ).map { try object($0) }
    #expect(reviews.map { $0["status"] as? String } == ["scheduled", "skipped", "moved"])
    #expect(reviews[0]["id"] is NSNull)
    #expect(reviews[1]["id"] is String)
    #expect(
      reviews.map { $0["occurrence"] as? String }
        == ["2026-11-30T10:00:00+01:00", "2026-12-07T10:00:00+01:00", "2026-12-14T10:00:00+01:00"])
    #expect(
      Set(reviews[0].keys)
        == [
          "id", "short", "cadence", "cadenceTitle", "occurrence", "status", "movedTo", "rating",
          "ratings", "attendees", "steps", "decisions",
        ])

    // The calendar carries the skip as an EXDATE and the move as a RECURRENCE-ID.
    let ics = try fixture.succeed("export", "ics")
    #expect(ics.contains("EXDATE;TZID=Europe/Berlin:20261207T100000\r\n"))
    #expect(ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20261214T100000\r\n"))
    #expect(ics.contains("DTSTART;TZID=Europe/Berlin:20261216T100000\r\n"))
  }

  @Test("cadence edit changes fields; remove hides it")
  func editAndRemove() throws {
    let fixture = try CLIFixture()
    let short = try Self.weekly(fixture)
    try fixture.succeed(
      "cadence", "edit", short, "--title", "Marketing sync", "--rule", "every 2 weeks thu 16:00",
      "--duration", "45m", "--participants", "li", "--agenda", "Check-in:5,Topics:40")
    let shown = try object(try fixture.json("cadence", "show", short, "--json"))
    #expect(shown["title"] as? String == "Marketing sync")
    #expect(shown["rule"] as? String == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH")
    #expect(shown["start"] as? String == "2026-11-25T16:00:00")
    #expect(shown["durationMinutes"] as? Int == 45)
    #expect(shown["participants"] as? [String] == ["li"])
    #expect(try array(shown["agenda"]).count == 2)
    try fixture.run("cadence", "edit", short).expectUsageError()
    try fixture.run("cadence", "edit", short, "--facilitator", "ghost").expectUserError(
      "no person 'ghost'")
    #expect(try fixture.succeed("cadence", "remove", short) == "removed Marketing sync\n")
    #expect(try array(try fixture.json("cadence", "list", "--json")).isEmpty)
    try fixture.run("cadence", "show", short).expectUserError("no cadence matches")
  }

  @Test("review list, show and rate on the demo organisation; minutes as the cockpit writes them")
  func reviewsOnTheDemo() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let reviews = try array(try fixture.json("review", "list", "--json")).map { try object($0) }
    let held = reviews.filter { $0["status"] as? String == "held" }
    #expect(!held.isEmpty)
    #expect(reviews.contains { $0["status"] as? String == "scheduled" && $0["id"] is NSNull })
    let withSteps = try #require(held.first { ($0["steps"] as? Int ?? 0) > 0 })
    let id = try #require(withSteps["id"] as? String)

    let shown = try object(try fixture.json("review", "show", String(id.suffix(6)), "--json"))
    #expect(shown["id"] as? String == id)
    #expect(try array(shown["steps"]).count == withSteps["steps"] as? Int)
    #expect(try array(shown["decisions"]).count == withSteps["decisions"] as? Int)
    #expect(try fixture.succeed("review", "show", id).contains("steps captured"))

    // The demo's reviews are rated by each attendee: a rating names whose it is.
    try fixture.run("review", "rate", id, "9").expectUserError("rated by each attendee")
    for attendee in try #require(shown["attendees"] as? [String]) {
      #expect(
        try fixture.succeed("review", "rate", id, "9", "--by", attendee).hasSuffix(
          " 9/10 by @\(attendee)\n"))
    }
    #expect(try object(try fixture.json("review", "show", id, "--json"))["rating"] as? Int == 9)
    try fixture.run("review", "rate", id, "11").expectUserError("from 1 to 10")
    try fixture.run("review", "show", "zzzzzz").expectUserError("no review matches")

    // A held occurrence can be neither skipped nor moved.
    let cadence = try #require(withSteps["cadence"] as? String)
    let day = try #require((withSteps["occurrence"] as? String)?.prefix(10)).description
    try fixture.run("cadence", "skip", cadence, day).expectUserError(
      "already held", "cannot be skipped")
    try fixture.run("cadence", "move", cadence, day, "+1d").expectUserError("already held")

    let minutes = try fixture.succeed("export", "minutes", id)
    #expect(minutes.hasPrefix("# "))
    #expect(minutes.contains("## Decisions") && minutes.contains("## Next steps"))
    #expect(minutes.contains("**Rating:** 9/10"))
  }

  @Test("export csv, json and ics of the demo organisation")
  func exports() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let steps = try fixture.steps()
    let csv = try fixture.succeed("export", "csv")
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines.first == "id,title,owner,due,status,success,tags,created,completed,review")
    #expect(lines.count == steps.count + 2)
    let state = try object(try fixture.json("export", "json"))
    #expect(state["schemaVersion"] as? Int == 1)
    #expect(try array(state["steps"]).count == steps.count)
    #expect(try array(state["cadences"]).count == 5)
    let ics = try fixture.succeed("export", "ics")
    #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
    #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 5)
    for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    let one = try fixture.succeed("export", "ics", "--cadence", "pipeline")
    #expect(one.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
  }

  @Test("import csv and taskwarrior: owners checked, --new-people, statuses mapped")
  func imports() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let csv = fixture.root + "/steps.csv"
    try Data(
      "title,owner,due,success,tags\n\"Draft booth, v2\",maria,fri,\"approved by \"\"VP\"\"\",#conference\nCall Acme,bob,2026-12-01,,\n"
        .utf8
    ).write(to: URL(fileURLWithPath: csv))
    try fixture.run("import", "csv", csv).expectUserError(
      "row 2", "no person 'bob'", "--new-people")
    #expect(try fixture.steps().isEmpty)
    #expect(
      try fixture.succeed("import", "csv", csv, "--new-people")
        == "imported 2 steps and 1 new person (@bob)\n")
    let imported = try fixture.steps()
    let booth = try #require(imported.first { $0.owner == "maria" })
    #expect(booth.title == "Draft booth, v2")
    #expect(booth.due == "2026-11-27")
    #expect(booth.success == "approved by \"VP\"")
    #expect(booth.tags == ["conference"])

    let tasks = fixture.root + "/tasks.json"
    try Data(
      """
      [{"description":"Write plan","status":"pending","entry":"20261120T101500Z","due":"20261201T000000Z","tags":["maria","q4"]},
       {"description":"Old","status":"completed","entry":"20261101T100000Z","end":"20261110T120000Z","due":"20261112T000000Z"},
       {"description":"Gone","status":"deleted","end":"20261105T120000Z"}]
      """.utf8
    ).write(to: URL(fileURLWithPath: tasks))
    try fixture.run("import", "taskwarrior", tasks, "--due", "+1w").expectUserError(
      "task 2 (Old) has no owner")
    try fixture.run("import", "taskwarrior", tasks, "--owner", "bob").expectUserError("(Gone) due")
    #expect(
      try fixture.succeed("import", "taskwarrior", tasks, "--owner", "bob", "--due", "+1w")
        == "imported 3 steps\n")
    let all = try fixture.steps()
    #expect(all.count == 5)
    let plan = try #require(all.first { $0.title == "Write plan" })
    #expect(
      plan.owner == "maria" && plan.status == "open" && plan.tags == ["q4"]
        && plan.due == "2026-12-01")
    let old = try #require(all.first { $0.title == "Old" })
    #expect(old.owner == "bob" && old.status == "done" && old.completedAt == "2026-11-10T12:00:00Z")
    let gone = try #require(all.first { $0.title == "Gone" })
    #expect(gone.status == "dropped" && gone.due == "2026-12-02")
  }

  @Test("sync: two clones of a bare repository exchange journals; errors outside git")
  func sync() throws {
    let fixture = try CLIFixture()
    let git = try #require(
      findExecutable("git"), "git is not installed: `rhythm sync` needs it (.ci/run installs it)")
    let gitEnvironment = fixture.environment([
      "GIT_AUTHOR_NAME": "Tester", "GIT_AUTHOR_EMAIL": "t@example.com",
      "GIT_COMMITTER_NAME": "Tester", "GIT_COMMITTER_EMAIL": "t@example.com",
      "GIT_CONFIG_NOSYSTEM": "1",
    ])
    func runGit(_ arguments: String...) throws {
      let result = try runProcess(git, arguments, environment: gitEnvironment)
      try #require(result.status == 0, "git \(arguments): \(result)")
    }
    let env: [String: String?] = [
      "GIT_AUTHOR_NAME": "Tester", "GIT_AUTHOR_EMAIL": "t@example.com",
      "GIT_COMMITTER_NAME": "Tester", "GIT_COMMITTER_EMAIL": "t@example.com",
      "GIT_CONFIG_NOSYSTEM": "1",
    ]
    let first = fixture.root + "/first"
    let second = fixture.root + "/second"
    let origin = fixture.root + "/origin.git"
    try fixture.succeed("init", "--store", first)
    try fixture.run(["sync", "--store", first], env: env).expectUserError(
      "not in a git repository", "git init")

    try runGit("init", "--quiet", "--bare", origin)
    try runGit("init", "--quiet", first)
    #expect(try fixture.run(["sync", "--store", first], env: env).stdout.contains("no remote"))
    try runGit("-C", first, "remote", "add", "origin", origin)
    #expect(try fixture.run(["person", "add", "maria", "--store", first]).status == 0)
    let pushed = try fixture.run(["sync", "--store", first], env: env)
    #expect(pushed.status == 0 && pushed.stdout.contains("pushed to origin/"), "\(pushed)")

    try runGit("clone", "--quiet", origin, second)
    #expect(try fixture.run(["person", "add", "li", "--store", second]).status == 0)
    #expect(try fixture.run(["person", "add", "ana", "--store", first]).status == 0)
    // Both changed: the second pushes first, the first rebases onto it without a conflict.
    #expect(try fixture.run(["sync", "--store", second], env: env).status == 0)
    let merged = try fixture.run(["sync", "--store", first], env: env)
    #expect(merged.status == 0 && merged.stdout.contains("pulled"), "\(merged)")
    #expect(try fixture.run(["sync", "--store", second], env: env).stdout.contains("pulled"))
    for store in [first, second] {
      let people = try fixture.run(["person", "list", "--json", "--store", store])
      let handles = try array(try JSONSerialization.jsonObject(with: Data(people.stdout.utf8))).map
      {
        try object($0)["handle"] as? String
      }
      #expect(handles == ["ana", "li", "maria"], "\(store)")
    }
    let again = try fixture.run(["sync", "--store", first], env: env)
    #expect(again.stdout == "nothing to commit; up to date; nothing to push\n", "\(again)")
  }
}
