import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole meeting run from the keyboard in a real terminal (tmux), on the demo organisation,
/// through every section of its agenda; then the store (`topic`, `priority`, `review`,
/// `metric list --json`) and the minutes are read back through the command line. Each meeting
/// is run three ways: straight through, with the window shrunk to 80x24 halfway, and with the
/// cockpit killed (SIGKILL) halfway and started again.
@Suite("A whole meeting in tmux")
struct WholeMeetingTests {
  /// What happens to the cockpit halfway through the meeting.
  enum Interruption: String, CaseIterable, CustomTestStringConvertible {
    case none, resize, kill
    var testDescription: String { rawValue }
  }

  /// The leadership review the weekly meeting runs: the next one after `RHYTHM_NOW`.
  static let leadershipOccurrence = "2026-12-01T10:00:00+00:00"
  /// The quarterly strategy reset's next occurrence.
  static let strategyOccurrence = "2027-01-06T09:30:00+00:00"
  /// The facilitator of both: the one at the keyboard.
  static let facilitator: [String: String?] = ["RHYTHM_USER": "maria"]

  // MARK: - The weekly review

  @Test(
    """
    a weekly review through every section: value, off-track priority to topic, headline, \
    two topics (one solved with a step and a decision), attendance, three ratings
    """,
    arguments: Interruption.allCases)
  func weeklyReview(_ interruption: Interruption) throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let pidFile = fixture.root + "/rhythm.pid"
    var tmux = try TmuxSession.rhythm(
      fixture, ["cockpit", "--review", "leadership", "--start"], pidFile: pidFile,
      environment: Self.facilitator)
    defer { tmux.close() }
    try tmux.waitFor("● LIVE")
    try tmux.waitForLine("▶ Check-in")

    // Check-in: last time's first step is done.
    try tmux.waitForLine("▶ @sam", "Reconcile marketing-sourced")
    try tmux.send(keys: "x")
    try tmux.waitForLine("@sam", "Reconcile marketing-sourced", "✓ done")

    // Scorecard: this week's value of the first metric.
    try tmux.send(keys: "n")
    try tmux.waitForLine("▶ Scorecard")
    try tmux.waitForLine("▶ Content published", "@priya")
    try tmux.send(keys: .enter)
    try tmux.waitForLine("Content published for 2026-11-23")
    try tmux.send(keys: "5", .enter)
    try tmux.waitForStatus("Content published: 5 pieces for 2026-11-23")

    // Priorities: @priya's goes off track and becomes a topic.
    try tmux.send(keys: "n")
    try tmux.waitForLine("▶ Priorities")
    try tmux.waitFor("Priorities 2026-Q4")
    try tmux.send(keys: "j")
    try tmux.waitForLine("▶ @priya", "Launch the customer advocacy programme")
    try tmux.send(keys: "f")
    try tmux.waitForStatus("@priya: Launch the customer advocacy programme — off-track")
    try tmux.send(keys: "T")
    try tmux.waitForStatus("topic raised: Launch the customer advocacy programme (off-track)")

    // Headlines: one piece of good news.
    try tmux.send(keys: "n")
    try tmux.waitForLine("▶ Headlines")
    try tmux.enter(
      "Acme renewed for two years", with: "H", label: "headline", confirmation: "good news told")
    try tmux.waitForLine("+ Acme renewed for two years", "@maria")

    tmux = try interrupt(
      interruption, tmux, fixture, pidFile: pidFile, cadence: "leadership",
      resumesAt: "Headlines")

    // Last steps, then Topics: the new topic is last; work it, capture a linked step and a
    // decision, solve it.
    try tmux.send(keys: "n")
    try tmux.waitForLine("▶ Last steps")
    try tmux.send(keys: "n")
    try tmux.waitForLine("▶ Topics")
    try tmux.waitForLine("3.", "Launch the cust")
    try tmux.send(keys: "G", .enter)
    try tmux.waitFor("Working: Launch the cust")
    try tmux.enter(
      "Recruit three advocates @priya due:fri", with: "a", label: "step",
      confirmation: "step for @priya, due 2026-11-27: Recruit three advocates")
    try tmux.enter(
      "Advocacy gets a 2k budget @maria", with: "D", label: "decision",
      confirmation: "decision recorded")
    try tmux.send(keys: "S")
    try tmux.waitForStatus("solved: Launch the customer advocacy programme (off-track)")
    // The first topic is worked and left open.
    try tmux.send(keys: "g", .enter)
    try tmux.waitFor("Working: Lead scoring thresholds")
    try tmux.send(keys: "q")
    try tmux.waitForStatus("back to the queue: Lead scoring thresholds")

    // Conclude: @omar is away; three attendees rate; held with their mean.
    try tmux.send(keys: "n")
    try tmux.waitForLine("▶ Conclude")
    try tmux.waitFor("6/6 came")
    try tmux.send(keys: "G")
    try tmux.waitForLine("▶ @omar")
    try tmux.send(keys: "A")
    try tmux.waitForLine("@omar", "· away")
    try tmux.send(keys: "g")
    // One key per rating, down the list; the third through the rating line (`R`).
    for (handle, rating) in [("maria", "8"), ("ruth", "9")] {
      try tmux.waitForLine("▶ @\(handle)")
      try tmux.send(keys: .text(rating))
      try tmux.waitForStatus("@\(handle) rates it \(rating)/10")
    }
    try tmux.waitForLine("▶ @sam")
    try tmux.send(keys: "R")
    try tmux.waitForLine("@sam's rating")
    try tmux.send(keys: "7", .enter)
    try tmux.waitForStatus("@sam rates it 7/10")
    try tmux.waitFor("5/6 came · rated 8 by 3")
    try tmux.send(keys: "c")
    try tmux.waitForStatus("review held, rated 8/10")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    try checkWeeklyStore(fixture)
  }

  /// The store and the minutes after the weekly review: everything said is there.
  private func checkWeeklyStore(_ fixture: CLIFixture) throws {
    #expect(try fixture.run("store", "check").status == 0)
    let review = try fixture.review("leadership", at: Self.leadershipOccurrence)
    let reviewID = try #require(review["id"] as? String)
    #expect(review["status"] as? String == "held")
    #expect(review["rating"] as? Double == 8)
    #expect(
      (review["attendees"] as? [String])?.sorted() == ["maria", "priya", "ruth", "sam", "tom"])
    let ratings = try array(review["ratings"]).map { try object($0) }
    #expect(
      ratings.map { "\($0["by"] as? String ?? "?") \($0["rating"] as? Int ?? 0)" }.sorted()
        == ["maria 8", "ruth 9", "sam 7"])

    let metric = try #require(
      try array(fixture.json("metric", "list", "--json")).map { try object($0) }
        .first { $0["name"] as? String == "Content published" })
    #expect((metric["values"] as? [String: Any])?["2026-11-23"] as? Int == 5)

    let priority = try #require(
      try array(fixture.json("priority", "list", "--json")).map { try object($0) }
        .first { $0["title"] as? String == "Launch the customer advocacy programme" })
    #expect(priority["status"] as? String == "off-track")

    let topics = try array(fixture.json("topic", "list", "--status", "all", "--json"))
      .map { try object($0) }
    let solved = try #require(
      topics.first {
        $0["title"] as? String == "Launch the customer advocacy programme (off-track)"
      }
    )
    let solvedID = try #require(solved["id"] as? String)
    #expect(solved["status"] as? String == "solved")
    #expect(solved["review"] as? String == reviewID)
    let open = try #require(topics.first { $0["title"] as? String == "Lead scoring thresholds" })
    #expect(open["status"] as? String == "open", "worked but left open for the next review")

    let step = try #require(
      try fixture.steps().first { $0.title == "Recruit three advocates" })
    #expect(step.owner == "priya")
    #expect(step.review == reviewID)
    let stepJSON = try #require(
      try array(fixture.json("step", "list", "--json")).map { try object($0) }
        .first { $0["title"] as? String == "Recruit three advocates" })
    #expect(stepJSON["topic"] as? String == solvedID, "the step is linked to the worked topic")
    let decision = try #require(
      try fixture.decisions(review: reviewID).first {
        $0["text"] as? String == "Advocacy gets a 2k budget"
      })
    #expect(decision["topic"] as? String == solvedID)
    #expect(decision["decidedBy"] as? String == "maria")

    let minutes = try fixture.succeed("export", "minutes", reviewID)
    for fragment in [
      "**Absent:** Omar Haddad (@omar)",
      "Content published (Priya Shah (@priya)): 5 pieces (week of 2026-11-23)",
      "Launch the customer advocacy programme — Priya Shah (@priya) — off track",
      "Good: Acme renewed for two years",
      "### Solved",
      "**Launch the customer advocacy programme (off-track)**",
      "  - Decision: Advocacy gets a 2k budget",
      "  - Step: Recruit three advocates — Priya Shah (@priya), due 2026-11-27",
      "### Left open",
      "Lead scoring thresholds",
      "- Ruth Adeyemi (@ruth): 9",
      "**Mean:** 8/10 from 3",
    ] {
      #expect(minutes.contains(fragment), "minutes lack \(fragment):\n\(minutes)")
    }
  }

  // MARK: - The quarterly audit

  @Test(
    "a quarterly review's collaboration audit: three attendees answer; a decision right added",
    arguments: Interruption.allCases)
  func quarterlyAudit(_ interruption: Interruption) throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let pidFile = fixture.root + "/rhythm.pid"
    var tmux = try TmuxSession.rhythm(
      fixture, ["cockpit", "--review", "strategy", "--start"], pidFile: pidFile,
      environment: Self.facilitator)
    defer { tmux.close() }
    try tmux.waitFor("● LIVE")
    try tmux.send(keys: "n")
    try tmux.waitFor("Collaboration audit")

    // Two typed on the answer line (two spellings), the third with one digit key per answer.
    let answers = [("ruth", "4 3 5"), ("maria", "344"), ("sam", "554")]
    for (index, (handle, typed)) in answers.enumerated() {
      if index == 1 {
        tmux = try interrupt(
          interruption, tmux, fixture, pidFile: pidFile, cadence: "strategy",
          resumesAt: "Collaboration audit")
        // A restarted cockpit selects the first attendee again.
        if interruption == .kill { try tmux.send(keys: "j") }
      }
      try tmux.waitForLine("▶ @\(handle)")
      if handle == "sam" {
        try tmux.send(keys: "5", "5")
        try tmux.waitForLine("▶ @sam", "5     5     _")
        try tmux.send(keys: "4")
        try tmux.waitForStatus("@sam: risk 5 · transparency 5 · drive 4")
        continue
      }
      try tmux.send(keys: .enter)
      try tmux.waitForLine("@\(handle): risk and reward")
      try tmux.send(keys: .text(typed), .enter)
      try tmux.waitForStatus("@\(handle)")
      try tmux.waitUntil("the input line gone") { !$0.contains("@\(handle): risk and reward") }
    }
    // Each answer is on the attendee's row; the mean of drive to win is 4.3 (5, 4, 4).
    try tmux.waitForLine("@sam", "5     5     4")
    try tmux.waitForLine("Drive to win", "4.3")

    try tmux.send(keys: "n", "n")
    try tmux.waitFor("Decision rights")
    try tmux.enter(
      "Agency contracts @sam", with: "+", label: "area @decider",
      confirmation: "Agency contracts")
    try tmux.waitForLine("Agency contracts", "@sam")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    #expect(try fixture.run("store", "check").status == 0)
    // Started early: the occurrence is six weeks out, past `review list`'s default range.
    let review = try #require(
      try fixture.reviews("--cadence", "strategy", "--to", "2027-01-31").first {
        $0["occurrence"] as? String == Self.strategyOccurrence
      })
    #expect(review["status"] as? String == "live")
    let reviewID = try #require(review["id"] as? String)
    let audit = try #require(
      try array(fixture.json("audit", "list", "--json")).map { try object($0) }
        .first { $0["review"] as? String == reviewID })
    let given = try array(audit["answers"]).map { try object($0) }.map {
      "\($0["by"] as? String ?? "?") \($0["risk"] as? Int ?? 0)"
        + " \($0["transparency"] as? Int ?? 0) \($0["drive"] as? Int ?? 0)"
    }
    #expect(given.sorted() == ["maria 3 4 4", "ruth 4 3 5", "sam 5 5 4"])
    let rights = try array(fixture.json("right", "list", "--json")).map { try object($0) }
    #expect(
      rights.contains {
        $0["area"] as? String == "Agency contracts" && $0["decider"] as? String == "sam"
      })
    let minutes = try fixture.succeed("export", "minutes", reviewID)
    for fragment in [
      "## Collaboration audit",
      "- Drive to win: 4.3/5",
      "- Ruth Adeyemi (@ruth): risk and reward 4, transparency 3, drive 5",
      "- Sam Okafor (@sam): risk and reward 5, transparency 5, drive 4",
      "Agency contracts",
    ] {
      #expect(minutes.contains(fragment), "minutes lack \(fragment):\n\(minutes)")
    }
  }

  // MARK: - Halfway

  /// Interrupts the running meeting: shrinks the window to 80x24, or kills the cockpit with
  /// SIGKILL and starts the review again (it resumes at `section`). Returns the session to go
  /// on with.
  private func interrupt(
    _ interruption: Interruption, _ tmux: TmuxSession, _ fixture: CLIFixture, pidFile: String,
    cadence: String, resumesAt section: String
  ) throws -> TmuxSession {
    switch interruption {
    case .none:
      return tmux
    case .resize:
      try tmux.resize(width: 80, height: 24)
      try tmux.waitForFrame(width: 80, showing: ["● LIVE", "Agenda"])
      return tmux
    case .kill:
      let pid = try waitForPID(in: pidFile)
      #expect(kill(pid, SIGKILL) == 0)
      #expect(try tmux.waitForExit(timeout: .seconds(15)) == 128 + SIGKILL)
      tmux.close()
      try? FileManager.default.removeItem(atPath: pidFile)
      // Seven minutes later: the meeting's clock went on while no cockpit showed it.
      let again = try TmuxSession.rhythm(
        fixture, ["review", "start", cadence], pidFile: pidFile,
        environment: Self.facilitator.merging(["RHYTHM_NOW": "2026-11-25T09:07:00Z"]) { $1 })
      try again.waitFor("● LIVE  started 09:00 · elapsed 07:00")
      try again.waitForLine("▶ \(section)")
      return again
    }
  }
}
