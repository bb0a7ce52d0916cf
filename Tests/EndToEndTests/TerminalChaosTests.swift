import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cockpit under what terminals do to programs (issue 9): a storm of resizes, no UTF-8
/// locale, ctrl+z and `fg`, SIGTERM and SIGHUP, and a store another process changes while the
/// user is typing. Each runs a live review of the demo organisation and checks the store after.
@Suite("Terminal chaos")
struct TerminalChaosTests {
  /// Texts the live review screen shows at 120x40 (and at 100x30).
  static let reviewTexts = [
    "Weekly pipeline review · Mon 30 Nov", "● LIVE", "Agenda", "Funnel numbers",
  ]
  /// The capture input line's label.
  static let stepPrompt = " step › "

  /// The live pipeline review the cockpit started: its full and short ids.
  static func liveReview(_ fixture: CLIFixture) throws -> (id: String, short: String) {
    let review = try fixture.review("pipeline", at: CockpitFlowTests.pipelineOccurrence)
    try #require(review["status"] as? String == "live", "\(review)")
    return (try #require(review["id"] as? String), try #require(review["short"] as? String))
  }

  /// The titles of the steps captured in `review`, sorted.
  static func captured(in review: String, _ fixture: CLIFixture) throws -> [StepJSON] {
    try fixture.steps().filter { $0.review == review }.sorted { $0.title < $1.title }
  }

  // MARK: - Resizes

  @Test("200 resizes in two seconds (20x5 and back) mid-review: the same frame, every key, stored")
  func resizeStorm() throws {
    let fixture = try CockpitFlowTests.demoFixture()
    let tmux = try TmuxSession.rhythm(fixture, ["cockpit", "--review", "pipeline", "--start"])
    defer { tmux.close() }
    try tmux.waitForFrame(width: 120, showing: Self.reviewTexts)
    let typed = "Storm capture @lea"
    try tmux.send(keys: "a")
    try tmux.waitForLine(Self.stepPrompt)
    try tmux.send(keys: .text(typed))
    try tmux.waitForLine(Self.stepPrompt + typed)
    let calm = try tmux.screen()

    // A storm with no keys: afterwards the frame is the one before, character for character.
    try Self.storm(tmux)
    try tmux.waitUntil("the frame from before the storm") { $0 == calm }

    // A storm while typing: every key arrives, in order, and the cockpit still answers.
    let more = " due:2026-12-04 #storm"
    try Self.storm(tmux, typing: more)
    try tmux.waitForFrame(width: 120, showing: Self.reviewTexts + [Self.stepPrompt + typed + more])
    try tmux.send(keys: .enter)
    try tmux.waitForStatus("step for @lea, due 2026-12-04: Storm capture")
    try tmux.waitForLine("@lea", "Storm capture")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    let steps = try Self.captured(in: try Self.liveReview(fixture).id, fixture)
    #expect(steps.map(\.title) == ["Storm capture"])
    #expect(steps.first?.owner == "lea")
    #expect(steps.first?.due == "2026-12-04")
    #expect(steps.first?.tags == ["storm"])
  }

  /// 200 resizes, alternating 20x5 and 120x40 on a 10 ms beat (two seconds) and ending at
  /// 120x40; with `text`, one of its characters typed after every eighth resize.
  static func storm(_ tmux: TmuxSession, typing text: String = "") throws {
    let clock = ContinuousClock()
    let start = clock.now
    var keys = Array(text)
    for index in 0..<200 {
      let small = index.isMultiple(of: 2)
      try tmux.resize(width: small ? 20 : 120, height: small ? 5 : 40)
      if index % 8 == 7, !keys.isEmpty { try tmux.send(keys: .text(String(keys.removeFirst()))) }
      // Keeping to the beat (a pace for the storm, not a wait for a result).
      let beat = start.advanced(by: .milliseconds(10 * (index + 1))) - clock.now
      if beat > .zero { usleep(UInt32(beat.components.attoseconds / 1_000_000_000_000)) }
    }
    if !keys.isEmpty { try tmux.send(keys: .text(String(keys))) }
  }

  // MARK: - Locales

  @Test("LANG=C, LC_ALL=C: the cockpit starts, draws its frames, takes é, and quits cleanly")
  func cLocale() throws {
    let fixture = try CockpitFlowTests.demoFixture()
    let tmux = try TmuxSession.rhythm(
      fixture, ["cockpit", "--review", "pipeline", "--start"],
      environment: ["LANG": "C", "LC_ALL": "C"])
    defer { tmux.close() }
    try tmux.waitForFrame(width: 120, showing: Self.reviewTexts)
    try tmux.enter(
      "Réserver la salle @lea due:2026-12-04", with: "a", label: "step",
      confirmation: "step for @lea, due 2026-12-04: Réserver la salle")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
    let steps = try Self.captured(in: try Self.liveReview(fixture).id, fixture)
    #expect(steps.map(\.title) == ["Réserver la salle"])
  }

  @Test("ASCII only (RHYTHM_ASCII=1, LANG=C): readable frames and marks, keys work, stored")
  func asciiOnly() throws {
    let fixture = try CockpitFlowTests.demoFixture()
    let tmux = try TmuxSession.rhythm(
      fixture, ["cockpit", "--review", "pipeline", "--start"],
      environment: ["LANG": "C", "LC_ALL": "C", "RHYTHM_ASCII": "1"])
    defer { tmux.close() }
    let title = "+ Weekly pipeline review . Mon 30 Nov 09:30 . facilitator @sam -"
    try tmux.waitUntil("a 120-column ASCII frame of the live review") { screen in
      let lines = screen.split(separator: "\n")
      return screen.unicodeScalars.allSatisfy(\.isASCII)
        && lines.contains { $0.count == 120 && $0.hasPrefix(title) && $0.hasSuffix("+") }
        && lines.contains { $0.hasPrefix("| * LIVE  started 09:00") && $0.hasSuffix("|") }
        && lines.contains { $0.hasPrefix("|> Funnel numbers") }
    }
    // Typed é still arrives as é (the locale falls back to UTF-8); it is shown without accent.
    let prompt = " step > "
    try tmux.send(keys: "a")
    try tmux.waitForLine(prompt)
    try tmux.send(keys: .text("Revoir le café @lea due:2026-12-04"))
    try tmux.waitForLine(prompt + "Revoir le cafe @lea due:2026-12-04")
    try tmux.send(keys: .enter)
    try tmux.waitForStatus("step for @lea, due 2026-12-04: Revoir le cafe")
    try tmux.send(keys: "3")
    try tmux.waitForLine("+ Steps . ")
    let steps = try tmux.screen()
    #expect(steps.unicodeScalars.allSatisfy { $0.isASCII }, "\(steps)")
    for _ in 0..<2 { try tmux.send(keys: "q") }
    try tmux.waitForLine("+ Next reviews ")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)
    let captured = try Self.captured(in: try Self.liveReview(fixture).id, fixture)
    #expect(captured.map(\.title) == ["Revoir le café"])
  }

  // MARK: - Job control and signals

  @Test("ctrl+z, then fg: a usable shell meanwhile; the cockpit back whole, resized, up to date")
  func suspendAndResume() throws {
    let fixture = try CockpitFlowTests.demoFixture()
    let shell = try TmuxSession.shell(fixture)
    defer { shell.close() }
    try shell.run("\(fixture.binary) cockpit --review pipeline --start")
    try shell.waitForFrame(width: 120, showing: Self.reviewTexts)
    let typed = "Paused capture @lea due:2026-12-04"
    try shell.send(keys: "a")
    try shell.waitForLine(Self.stepPrompt)
    try shell.send(keys: .text(typed))
    try shell.waitForLine(Self.stepPrompt + typed)
    let calm = try shell.screen()

    // Suspended: the shell has its screen, its prompt and cooked mode; back: all redrawn.
    try shell.send(keys: .named("C-z"))
    try Self.waitUntilStopped(shell)
    #expect(try shell.paneFormat("#{alternate_on}") == "0", "left the alternate screen")
    try shell.expectCookedMode(mark: 1, "while suspended")
    try shell.run("fg")
    try shell.waitUntil("the frame from before ctrl+z, redrawn whole") { $0 == calm }

    // Suspended again while the window shrinks and another process adds a step to the review.
    try shell.send(keys: .named("C-z"))
    try Self.waitUntilStopped(shell)
    try shell.resize(width: 100, height: 30)
    try fixture.succeed(
      "step", "add", "Added while suspended @sam due:2026-12-05", "--review",
      try Self.liveReview(fixture).short)
    try shell.run("fg")
    try shell.waitForFrame(
      width: 100,
      showing: Self.reviewTexts + ["Added while suspended", Self.stepPrompt + typed])
    try shell.send(keys: .enter)
    try shell.waitForStatus("step for @lea, due 2026-12-04: Paused capture")
    try shell.send(keys: "q")
    try shell.waitFor("┌ Next reviews")
    try shell.send(keys: "q")
    try shell.waitForPrompt()
    try shell.run("echo st=$?")
    try shell.waitUntil("the cockpit's exit status") { $0.split(separator: "\n").contains("st=0") }

    let steps = try Self.captured(in: try Self.liveReview(fixture).id, fixture)
    #expect(steps.map(\.title) == ["Added while suspended", "Paused capture"])
  }

  /// Waits until the cockpit is stopped and the shell says so at its prompt.
  static func waitUntilStopped(_ shell: TmuxSession) throws {
    try shell.waitUntil("the cockpit stopped, the shell's prompt") { screen in
      let lines = screen.split(separator: "\n")
      return lines.last.map(String.init) == TmuxSession.shellPrompt
        && lines.contains { $0.contains("Stopped") } && !screen.contains("● LIVE")
    }
  }

  @Test(
    "SIGTERM and SIGHUP while typing: the terminal restored, exit 128 + the signal",
    arguments: [SIGTERM, SIGHUP])
  func quitSignal(_ signal: Int32) throws {
    let fixture = try CockpitFlowTests.demoFixture()
    let shell = try TmuxSession.shell(fixture)
    defer { shell.close() }
    let pidFile = fixture.root + "/cockpit.pid"
    try shell.run(
      "sh -c 'echo $$ > \(pidFile); exec \(fixture.binary) cockpit --review pipeline --start'; "
        + "echo st=$?")
    let pid = try waitForPID(in: pidFile)
    try shell.waitForFrame(width: 120, showing: Self.reviewTexts)
    try shell.send(keys: "a")
    try shell.waitForLine(Self.stepPrompt)
    try shell.send(keys: .text("Never entered"))
    try shell.waitForLine(Self.stepPrompt + "Never entered")

    #expect(kill(pid, signal) == 0)
    try shell.waitUntil("the exit status and the shell's prompt") { screen in
      let lines = screen.split(separator: "\n")
      return lines.contains { $0.hasPrefix("st=") }
        && lines.last.map(String.init) == TmuxSession.shellPrompt
    }
    let screen = try shell.screen()
    #expect(screen.split(separator: "\n").contains("st=\(128 + signal)"), "\(screen)")
    #expect(try shell.paneFormat("#{alternate_on}") == "0", "left the alternate screen")
    #expect(try !shell.screen().contains("┌"), "no frame left in the pane")
    try shell.expectCookedMode(mark: 1, "after signal \(signal)")
    let check = try fixture.run("store", "check")
    #expect(check.status == 0, "\(check)")
  }

  // MARK: - Another process

  @Test("another process adds a step while the capture line is open: nothing typed is lost")
  func storeChangesWhileTyping() throws {
    let fixture = try CockpitFlowTests.demoFixture()
    let tmux = try TmuxSession.rhythm(fixture, ["cockpit", "--review", "pipeline", "--start"])
    defer { tmux.close() }
    try tmux.waitForFrame(width: 120, showing: Self.reviewTexts)
    let review = try Self.liveReview(fixture)
    let typed = "Typed during a change @lea due:2026-12-04"
    try tmux.send(keys: "a")
    try tmux.waitForLine(Self.stepPrompt)
    try tmux.send(keys: .text(typed))
    try tmux.waitForLine(Self.stepPrompt + typed)

    try fixture.succeed(
      "step", "add", "Added by another process @sam due:2026-12-05", "--review", review.short)
    try tmux.waitForLine("@sam", "Added by another process")
    #expect(try tmux.screen().contains(Self.stepPrompt + typed), "the input line kept its text")
    try tmux.send(keys: .text(" #kept"))
    try tmux.waitForLine(Self.stepPrompt + typed + " #kept")
    try tmux.send(keys: .enter)
    try tmux.waitForStatus("step for @lea, due 2026-12-04: Typed during a change")
    try tmux.send(keys: "q")
    try tmux.waitFor("┌ Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    let steps = try Self.captured(in: review.id, fixture)
    #expect(steps.map(\.title) == ["Added by another process", "Typed during a change"])
    #expect(steps.last?.tags == ["kept"])
    #expect(Set(steps.map(\.id)).count == 2)
  }
}
