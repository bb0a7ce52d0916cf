import Foundation
import Testing

/// `rhythm step add` with every quick-add form, checked through `step list --json`.
/// Now is Wednesday 2026-11-25 09:00 UTC.
@Suite("Quick-add through step add")
struct QuickAddTests {
  @Test(
    "due: forms",
    arguments: [
      ("today", "2026-11-25"), ("tomorrow", "2026-11-26"), ("fri", "2026-11-27"),
      ("+3d", "2026-11-28"), ("+2w", "2026-12-09"), ("eom", "2026-11-30"),
      ("eoq", "2026-12-31"), ("2027-01-15", "2027-01-15"),
    ])
  func dueForms(form: String, day: String) throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let short = try fixture.addStep("Plan @maria due:\(form)")
    try fixture.addStep("Plan by flag @maria", "--due", form)
    let steps = try fixture.steps()
    #expect(steps.map(\.due) == [day, day])
    #expect(steps.contains { $0.short == short && $0.title == "Plan" })
    #expect(steps.map(\.title).sorted() == ["Plan", "Plan by flag"])
  }

  @Test(
    "today is the day in TZ",
    arguments: [
      ("UTC", "2026-11-25"), ("Pacific/Kiritimati", "2026-11-26"),
      ("America/Los_Angeles", "2026-11-25"), ("Pacific/Pago_Pago", "2026-11-25"),
    ])
  func todayFollowsTimeZone(zone: String, day: String) throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    // 20:00 UTC is already the next day at UTC+14 (Kiritimati).
    let result = try fixture.run(
      ["step", "add", "Zone @maria due:today"],
      env: ["TZ": zone, "RHYTHM_NOW": "2026-11-25T20:00:00Z"])
    #expect(result.status == 0, "\(result)")
    #expect(try fixture.steps().map(\.due) == [day])
  }

  @Test("the full quick-add line fills every field")
  func fullLine() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let short = try fixture.addStep(
      #"Draft booth design @maria due:fri success:"approved by VP" #conference #q4"#)
    let step = try #require(try fixture.steps().first)
    #expect(
      step
        == StepJSON(
          id: step.id, short: short, title: "Draft booth design", owner: "maria", due: "2026-11-27",
          status: "open", success: "approved by VP", createdAt: CLIFixture.now, completedAt: nil,
          review: nil, tags: ["conference", "q4"], topic: nil))
    #expect(step.id.count == 26 && step.id.hasSuffix(short) && short.count >= 4)
  }

  @Test("the text may come as several words; the owner is matched in any case")
  func severalWords() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let result = try fixture.run("step", "add", "Call", "the", "venue", "@Maria", "due:tomorrow")
    #expect(result.status == 0, "\(result)")
    let step = try #require(try fixture.steps().first)
    #expect(step.title == "Call the venue")
    #expect(step.owner == "maria")
    #expect(step.success == nil && step.tags.isEmpty)
  }

  @Test("flags override the text; --tag adds to its tags")
  func flagsOverride() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria", "li"])
    try fixture.addStep(
      #"Book hall @maria due:fri success:"signed" #venue"#, "--owner", "@li", "--due", "+2w",
      "--success", "deposit paid", "--tag", "#budget", "--tag", "q1")
    let step = try #require(try fixture.steps().first)
    #expect(step.title == "Book hall")
    #expect(step.owner == "li")
    #expect(step.due == "2026-12-09")
    #expect(step.success == "deposit paid")
    #expect(step.tags == ["venue", "budget", "q1"])
  }

  @Test("flags alone, with no quick-add words")
  func flagsOnly() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("Write the brief", "--owner", "maria", "--due", "eom", "--tag", "x")
    let step = try #require(try fixture.steps().first)
    #expect(
      [step.title, step.owner, step.due, step.status] == [
        "Write the brief", "maria", "2026-11-30", "open",
      ])
    #expect(step.tags == ["x"])
  }

  @Test("step list --json prints exactly the documented fields")
  func jsonFields() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("One @maria due:fri")
    let first = try object(try array(try fixture.json("step", "list", "--json")).first)
    #expect(
      Set(first.keys) == [
        "id", "short", "title", "owner", "due", "status", "success", "createdAt", "completedAt",
        "review", "tags", "topic",
      ])
    #expect(
      first["success"] is NSNull && first["completedAt"] is NSNull && first["review"] is NSNull)
  }

  @Test("--review links the step to a review (by id or a part of it)")
  func reviewFlag() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let snapshot = try object(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath))))
    let review = try #require(
      try array(snapshot["reviews"]).first.map { try object($0)["id"] as? String } ?? nil)
    let owner = try #require(
      try array(snapshot["people"]).first.map { try object($0)["id"] as? String } ?? nil)
    let short = try fixture.addStep("From the review @\(owner) due:fri", "--review", review)
    let step = try #require(try fixture.steps("--owner", owner).first { $0.short == short })
    #expect(step.review == review)
    let second = try fixture.addStep(
      "Also from it @\(owner) due:fri", "--review", String(review.suffix(8)))
    #expect(try fixture.steps("--owner", owner).first { $0.short == second }?.review == review)
    try fixture.run("step", "add", "x @\(owner) due:fri", "--review", "zzzzzzzz")
      .expectUserError("no review matches 'zzzzzzzz'")
  }
}
