import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole flows through the cockpit in a real terminal (tmux), on the demo organisation, each
/// checked afterwards through the command line: what the cockpit showed is what it stored.
@Suite("Cockpit flows in tmux")
struct CockpitFlowTests {
  /// The pipeline review the flows run: the next occurrence after `RHYTHM_NOW`.
  static let pipelineOccurrence = "2026-11-30T09:30:00+00:00"

  /// A fixture holding the demo organisation.
  static func demoFixture() throws -> CLIFixture {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    return fixture
  }

  // MARK: - Screens

  @Test("1…6 open each screen; q goes back through them to the cockpit, then quits")
  func everyScreenByNumber() throws {
    let fixture = try Self.demoFixture()
    let tmux = try TmuxSession.rhythm(fixture, ["cockpit"])
    defer { tmux.close() }
    // A text only that screen shows (the tab bar names every screen, so titles are framed).
    let screens: [(key: String, text: String)] = [
      ("1", "┌ Next reviews"),
      ("2", "Notes and captures only"),
      ("3", "┌ Steps · "),
      ("4", "┌ Cadences ("),
      ("5", "┌ People & teams"),
      ("6", "┌ Scorecard vs target"),
    ]
    try tmux.waitFor(screens[0].text)
    for (key, text) in screens {
      try tmux.send(keys: .text(key))
      try tmux.waitUntil("screen \(key) (\(text)) alone") { screen in
        screens.allSatisfy { screen.contains($0.text) == ($0.text == text) }
      }
    }
    // q walks back: metrics → people → cadences → steps → review → cockpit.
    for (_, text) in screens.dropLast().reversed() {
      try tmux.send(keys: "q")
      try tmux.waitUntil("back on \(text)") { screen in
        screens.allSatisfy { screen.contains($0.text) == ($0.text == text) }
      }
    }
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
  }

  @Test("q on the cockpit quits, also when 1 led back there")
  func quitFromHomeAfterNumberKey() throws {
    let fixture = try Self.demoFixture()
    let tmux = try TmuxSession.rhythm(fixture, ["cockpit"])
    defer { tmux.close() }
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "3")
    try tmux.waitFor("┌ Steps · ")
    try tmux.send(keys: "1")
    try tmux.waitUntil("home again") { $0.contains("┌ Next reviews") && !$0.contains("┌ Steps") }
    try tmux.send(keys: "q")
    try tmux.waitUntil("q handled: quit, or went somewhere") { !$0.contains("┌ Next reviews") }
    #expect(try !tmux.screen().contains("┌ Steps · "), "q on the cockpit quits")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
  }

  // MARK: - A live review

  @Test("a whole review: check-in, capture, decision, conclude; all stored as shown")
  func wholeReview() throws {
    let fixture = try Self.demoFixture()
    let previous = try #require(
      try fixture.reviews("--cadence", "pipeline")
        .filter { $0["status"] as? String == "held" }
        .max { ($0["occurrence"] as? String ?? "") < ($1["occurrence"] as? String ?? "") })
    let previousID = try #require(previous["id"] as? String)
    // Last time's steps head the check-in list, by owner.
    let lastSteps = try fixture.steps().filter { $0.review == previousID }
      .sorted { ($0.owner, $0.due, $0.createdAt, $0.id) < ($1.owner, $1.due, $1.createdAt, $1.id) }
    try #require(lastSteps.count == 2, "the demo's last pipeline review has two steps")
    try #require(lastSteps.allSatisfy { $0.status == "open" })
    let (first, second) = (lastSteps[0], lastSteps[1])

    let tmux = try TmuxSession.rhythm(fixture, ["cockpit"])
    defer { tmux.close() }
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "j")
    try tmux.waitFor("▶ Weekly pipeline review")
    try tmux.send(keys: "r")
    try tmux.waitFor("Weekly pipeline review · Mon 30 Nov 09:30")
    try tmux.waitFor("● LIVE")
    // The first section, Funnel numbers, shows the scorecard; the check-in is Last steps'.
    try tmux.waitFor("Scorecard: this period vs target")
    try tmux.send(keys: "n", "n")
    try tmux.waitForLine("▶ Last steps")
    try tmux.waitForLine("▶ @\(first.owner)", String(first.title.prefix(24)))

    // x: the first is done; space: the second is not done (one key each; the cursor moves on).
    try tmux.send(keys: "x")
    try tmux.waitForLine("@\(first.owner)", String(first.title.prefix(24)), "✓ done")
    try tmux.waitForLine("▶ @\(second.owner)", String(second.title.prefix(24)))
    try tmux.send(keys: " ")
    try tmux.waitForLine("@\(second.owner)", String(second.title.prefix(24)), "✗ not")
    try tmux.waitForStatus("\(second.owner): not done")

    try tmux.enter(
      #"Send the pricing deck @maria due:fri success:"signed off by CFO" #pricing"#, with: "a",
      label: "step", confirmation: "step for @maria, due 2026-11-27: Send the pricing deck")
    try tmux.enter(
      "Raise the discount floor to 12% @sam", with: "D", label: "decision",
      confirmation: "decision recorded")
    try tmux.enter("8", with: "c", label: "rate the meeting 1–10", confirmation: "rated 8/10")
    try tmux.waitFor("✓ HELD  rated 8/10")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    let review = try fixture.review("pipeline", at: Self.pipelineOccurrence)
    let reviewID = try #require(review["id"] as? String)
    #expect(review["status"] as? String == "held")
    #expect(review["rating"] as? Int == 8)

    let steps = try fixture.steps()
    let captured = steps.filter { $0.title == "Send the pricing deck" }
    #expect(captured.count == 1, "\(captured)")
    if let step = captured.first {
      #expect(step.owner == "maria")
      #expect(step.due == "2026-11-27")
      #expect(step.success == "signed off by CFO")
      #expect(step.tags == ["pricing"])
      #expect(step.review == reviewID)
      #expect(step.status == "open")
    }
    #expect(steps.first { $0.id == first.id }?.status == "done")
    #expect(steps.first { $0.id == second.id }?.status == "open")

    let decisions = try fixture.decisions(review: reviewID)
    #expect(decisions.count == 1, "\(decisions)")
    #expect(decisions.first?["text"] as? String == "Raise the discount floor to 12%")
    #expect(decisions.first?["decidedBy"] as? String == "sam")
    #expect(decisions.first?["review"] as? String == reviewID)

    let minutes = try fixture.succeed("export", "minutes", try #require(review["short"] as? String))
    for text in [
      "Send the pricing deck — due 2026-11-27 — success: signed off by CFO #pricing",
      "Raise the discount floor to 12%", "**Rating:** 8/10", "\(first.title) — done",
      "\(second.title) — not done",
    ] {
      #expect(minutes.contains(text), "minutes: \(text)\n\(minutes)")
    }
  }

  // MARK: - Triage

  @Test("steps triage: filter @sam, select three, done, u undoes one of them")
  func triageUndoesOneAtATime() throws {
    let fixture = try Self.demoFixture()
    let open = try fixture.steps("--owner", "sam", "--status", "open")
    try #require(open.count >= 4, "the demo gives sam four or more open steps: \(open)")

    let tmux = try TmuxSession.rhythm(fixture, ["cockpit"])
    defer { tmux.close() }
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "3")
    try tmux.waitFor("┌ Steps · ")
    try tmux.send(keys: "/")
    try tmux.waitForLine(" /words @owner")
    try tmux.send(keys: "@sam", .enter)
    try tmux.waitFor("· \(open.count) shown · /@sam ·")
    #expect(try Self.stepRows(tmux).map(\.id).sorted() == open.map(\.short).sorted())

    // v marks and moves down; j skips a row: rows 1, 3 and 4 are selected.
    try tmux.send(keys: "v", "j", "v", "v")
    try tmux.waitFor("· 3 selected")
    let rows = try Self.stepRows(tmux)
    let expected =
      [true, false, true, true] + Array(repeating: false, count: max(0, rows.count - 4))
    #expect(rows.map(\.marked) == expected)
    let marked = rows.filter(\.marked).map(\.id)

    try tmux.send(keys: "x")
    try tmux.waitForStatus("3 steps done")
    try tmux.waitFor("· \(open.count - 3) shown · /@sam ·")
    #expect(try Self.stepRows(tmux).allSatisfy { !marked.contains($0.id) })

    try tmux.send(keys: "u")
    try tmux.waitForStatus("1 change undone")
    try tmux.waitFor("· \(open.count - 2) shown · /@sam ·")
    let back = try Self.stepRows(tmux).map(\.id).filter(marked.contains)
    #expect(back.count == 1, "one of the three is open again on screen: \(back)")

    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    let stored = try fixture.steps("--owner", "sam").filter { marked.contains($0.short) }
    #expect(stored.count == 3)
    #expect(stored.filter { $0.status == "done" }.count == 2, "\(stored)")
    #expect(stored.filter { $0.status == "open" }.map(\.short) == back, "\(stored)")
  }

  /// The rows of the steps list: short id, and whether it is selected for a bulk action (`●`).
  static func stepRows(_ tmux: TmuxSession) throws -> [(id: String, marked: Bool)] {
    try tmux.lines().compactMap { line in
      guard line.hasPrefix("│"), line.contains(" @") else { return nil }
      let body = line.dropFirst()
      let words = body.split(separator: " ")
      guard words.count > 2, words[1].count >= 4 else { return nil }
      return (String(words[1]), body.first == "●")
    }
  }

  @Test("--review naming no cadence: one line and exit 1, before the terminal is taken")
  func unknownReviewCadence() throws {
    let fixture = try Self.demoFixture()
    // Without a terminal (standard input and output are pipes): the cadence is looked for
    // before the terminal is, so its error is the one reported, not the missing terminal's
    // (when the cadence was looked for by the store's load, the terminal was taken first).
    try fixture.run(["cockpit", "--review", "no such meeting"]).expectUserError(
      "cadence", "no such meeting")
  }

  // MARK: - Resize and kill

  @Test("a live review follows a resize to 80x24 and back; capture works at both sizes")
  func resizeMidReview() throws {
    let fixture = try Self.demoFixture()
    let tmux = try TmuxSession.rhythm(fixture, ["cockpit", "--review", "pipeline", "--start"])
    defer { tmux.close() }
    let reviewTexts = [
      "Weekly pipeline review · Mon 30 Nov", "● LIVE", "elapsed 00:00", "Agenda",
      "Funnel numbers", "00:00/10:00",
    ]
    try tmux.waitForFrame(width: 120, showing: reviewTexts)

    try tmux.resize(width: 80, height: 24)
    try tmux.waitForFrame(width: 80, showing: reviewTexts)
    try tmux.enter(
      "Narrow capture @lea due:2026-12-04", with: "a", label: "step",
      confirmation: "step for @lea, due 2026-12-04")

    try tmux.resize(width: 120, height: 40)
    try tmux.waitForFrame(width: 120, showing: reviewTexts + ["Narrow capture"])
    try tmux.enter(
      "Wide capture @tom due:2026-12-05 #after-resize", with: "a", label: "step",
      confirmation: "step for @tom, due 2026-12-05")
    try tmux.waitFor("Wide capture")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    let review = try fixture.review("pipeline", at: Self.pipelineOccurrence)
    #expect(review["status"] as? String == "live")
    let reviewID = try #require(review["id"] as? String)
    let captured = try fixture.steps().filter { $0.review == reviewID }
      .sorted { $0.title < $1.title }
    #expect(captured.map(\.title) == ["Narrow capture", "Wide capture"])
    #expect(captured.map(\.owner) == ["lea", "tom"])
    #expect(captured.map(\.due) == ["2026-12-04", "2026-12-05"])
    #expect(captured.map(\.tags) == [[], ["after-resize"]])
  }

  @Test("SIGKILL mid-review loses nothing captured; the store opens cleanly")
  func killMidReview() throws {
    let fixture = try Self.demoFixture()
    let pidFile = fixture.root + "/rhythm.pid"
    let tmux = try TmuxSession.rhythm(
      fixture, ["review", "start", "pipeline"], pidFile: pidFile)
    defer { tmux.close() }
    let pid = try waitForPID(in: pidFile)
    try tmux.waitFor("● LIVE")
    try tmux.enter(
      "First kept step @ana due:2026-12-01", with: "a", label: "step",
      confirmation: "step for @ana, due 2026-12-01: First kept step")
    try tmux.enter(
      "Second kept step @jonas due:2026-12-02 success:\"both survive\"", with: "a",
      label: "step", confirmation: "step for @jonas, due 2026-12-02: Second kept step")
    try tmux.enter(
      "Keep the weekly forecast call @sam", with: "D", label: "decision",
      confirmation: "decision recorded")

    #expect(kill(pid, SIGKILL) == 0)
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 128 + SIGKILL)

    let check = try fixture.run("store", "check")
    #expect(check.status == 0, "\(check)")
    let review = try fixture.review("pipeline", at: Self.pipelineOccurrence)
    #expect(review["status"] as? String == "live")
    let reviewID = try #require(review["id"] as? String)
    let captured = try fixture.steps().filter { $0.review == reviewID }
      .sorted { $0.title < $1.title }
    #expect(captured.map(\.title) == ["First kept step", "Second kept step"])
    #expect(captured.map(\.owner) == ["ana", "jonas"])
    #expect(captured.last?.success == "both survive")
    let decisions = try fixture.decisions(review: reviewID)
    #expect(decisions.map { $0["text"] as? String } == ["Keep the weekly forecast call"])

    // Starting it again resumes the same live review, with what was captured.
    let again = try TmuxSession.rhythm(fixture, ["review", "start", "pipeline"])
    defer { again.close() }
    try again.waitFor("● LIVE  started 09:00")
    for text in ["First kept step", "Second kept step", "Keep the weekly forecast call"] {
      try again.waitFor(text)
    }
    try again.send(keys: "q")
    try again.waitFor("┌ Next reviews")
    try again.send(keys: "q")
    #expect(try again.waitForExit(timeout: .seconds(15)) == 0)
    let live = try fixture.reviews("--cadence", "pipeline").filter {
      $0["status"] as? String == "live"
    }
    #expect(live.map { $0["id"] as? String } == [reviewID], "one live review, the same: \(live)")
  }

  // MARK: - The terminal afterwards

  @Test("quit with q, then with SIGTERM: the shell gets its screen and cooked mode back")
  func terminalRestored() throws {
    let fixture = try Self.demoFixture()
    let shell = try TmuxSession.shell(fixture)
    defer { shell.close() }

    let pidFile = fixture.root + "/cockpit.pid"
    for (run, quits) in ["q", "SIGTERM"].enumerated() {
      try? FileManager.default.removeItem(atPath: pidFile)
      try shell.run(
        "sh -c 'echo $$ > \(pidFile); exec \(fixture.binary) cockpit'; echo st\(run)=$?")
      let pid = try waitForPID(in: pidFile)
      try shell.waitFor("┌ Next reviews")
      #expect(try shell.paneFormat("#{alternate_on}") == "1")
      if quits == "q" {
        try shell.send(keys: "q")
      } else {
        #expect(kill(pid, SIGTERM) == 0)
      }
      try shell.waitUntil("the cockpit gone, the shell's prompt back (\(quits))") { screen in
        let lines = screen.split(separator: "\n")
        return lines.contains { $0.hasPrefix("st\(run)=") } && lines.last == "e2e>"
          && !screen.contains("Next reviews")
      }
      #expect(try shell.paneFormat("#{alternate_on}") == "0", "left the alternate screen")
      let status = quits == "q" ? 0 : 128 + SIGTERM
      #expect(try shell.lines().contains("st\(run)=\(status)"), "\(quits) exits with \(status)")
      #expect(try !shell.screen().contains("┌"), "no frame left in the pane")

      let mark = 10 * run + 1
      try shell.expectCookedMode(mark: mark, "after \(quits)")
      // And usable the ordinary way: typed, echoed, Enter.
      try shell.run("echo ok-$((\(mark + 2)))")
      try shell.waitUntil("ok printed (\(quits))") { screen in
        let lines = screen.split(separator: "\n")
        return lines.contains("ok-\(mark + 2)")
          && lines.contains { $0.hasSuffix("echo ok-$((\(mark + 2)))") }
      }
      try shell.waitForPrompt()
    }
  }
}
