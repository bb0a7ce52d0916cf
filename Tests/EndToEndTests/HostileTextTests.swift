import Foundation
import RhythmTestSupport
import Testing

/// Text that arrives through a teammate's journal is shown inert by every command that prints
/// it for people, and kept exactly in `--json`.
@Suite("Hostile text from a journal")
struct HostileTextTests {
  @Test(
    "step, decision, topic, headline, exchange and right lists, minutes, review show and errors show every payload"
  )
  func shownInert() throws {
    let fixture = try CLIFixture()
    let store = try HostileStore(fixture)

    let surfaces: [(String, [String])] = [
      ("step list", ["step", "list"]),
      ("export minutes", ["export", "minutes", store.review]),
      ("review show", ["review", "show", store.review]),
      ("decision list", ["decision", "list"]),
      ("topic list", ["topic", "list"]),
      ("headline list", ["headline", "list"]),
      ("exchange list", ["exchange", "list"]),
      ("right list", ["right", "list"]),
    ]
    for (name, arguments) in surfaces {
      let output = try fixture.run(arguments)
      try #require(output.status == 0 && output.stderr.isEmpty, "\(name): \(output)")
      expectInert(output.stdout, name)
      for payload in HostileText.payloads {
        #expect(output.stdout.contains(payload.visible), "\(name): \(payload.name) not visible")
      }
    }
    // The minutes list each payload as a step, and carry the hostile owner's name and the
    // cadence's title inert too.
    let minutes = try fixture.succeed("export", "minutes", store.review)
    for payload in HostileText.payloads {
      #expect(minutes.contains("- [ ] \(payload.visible) — due 2026-11-27"), "\(payload.name)")
    }
    #expect(minutes.contains("### Mallory ^[]0;pwned^G (@mallory)"))
    #expect(minutes.hasPrefix("# Zebra ^[[2J^[[H — "))

    // An error that quotes titles (two cadences match "zebra") quotes them inert.
    let ambiguous = try fixture.run("cadence", "show", "zebra")
    ambiguous.expectUserError("matches 2 cadences", "Zebra ^[[2J^[[H", "Zebra <U+202E>")
    expectInert(ambiguous.stderr, "cadence show error")
    let cadences = try fixture.succeed("cadence", "list")
    expectInert(cadences, "cadence list")
    #expect(cadences.contains("Zebra ^[[2J^[[H") && cadences.contains("Zebra <U+202E>fdp.exe"))

    // JSON keeps the data exactly.
    let titles = Set(try fixture.steps().map(\.title))
    #expect(titles.isSuperset(of: HostileText.payloads.map(\.text)))
  }

  @Test("on a terminal, step list and export csv leave the title and the screen alone")
  func terminalUntouched() throws {
    let fixture = try CLIFixture()
    _ = try HostileStore(fixture, demo: false)
    var environment = fixture.environment
    environment["PATH"] = nil
    for arguments in [["step", "list"], ["export", "csv"]] {
      // What comes first (a pipe gets it too): a clear screen sent raw would wipe it.
      let piped = try fixture.run(arguments)
      let first = try #require(piped.stdout.components(separatedBy: .newlines).first, "\(piped)")
      // The shell stays to keep the pane alive: tmux 3.3a drops a dead pane's first line.
      let tmux = try TmuxSession(
        ["sh", "-c", "\"$0\" \"$@\"; echo \"exit $?\"; read x", fixture.binary] + arguments,
        width: 200, height: 60, environment: environment)
      defer { tmux.close() }
      try tmux.waitFor("exit 0")
      let screen = try tmux.screen()
      #expect(screen.hasPrefix(first), "\(arguments): \(screen)")
      // The escape payloads show as they do in a pipe (tmux keeps zero-width characters its own
      // way, so those are checked in the pipe only; CSV keeps a line break in a field).
      for payload in HostileText.payloads
      where payload.visible.allSatisfy(\.isASCII) && !payload.text.contains("\n") {
        #expect(screen.contains(payload.visible), "\(arguments): \(payload.name) in \(screen)")
      }
      #expect(try tmux.paneFormat("#{pane_title}") != "pwned")
    }
  }

  @Test("export csv guards formulas; import csv into a fresh store gives the same titles")
  func csvRoundTrip() throws {
    let titles = [
      "=HYPERLINK(\"http://x\",\"y\")", "-5 apples", "@maria", "+1", "=1+2, then \"more\"",
      "plain title",
    ]
    let source = try CLIFixture()
    try source.makeStore()
    let rows = titles.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    let input = "title,owner,due\n" + rows.map { $0 + ",maria,2026-12-01\n" }.joined()
    let imported = try source.run(["import", "csv", "-"], stdin: input)
    try #require(imported.status == 0, "\(imported)")
    #expect(Set(try source.steps().map(\.title)) == Set(titles))

    let csv = try source.succeed("export", "csv")
    for guarded in [
      ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", ",'-5 apples,", ",'@maria,", ",'+1,",
      ",\"'=1+2, then \"\"more\"\"\",", ",plain title,",
    ] {
      #expect(csv.contains(guarded), "\(guarded) in \(csv)")
    }

    let target = try CLIFixture()
    try target.makeStore()
    let again = try target.run(["import", "csv", "-"], stdin: csv)
    try #require(again.status == 0, "\(again)")
    #expect(try target.steps().map(\.title).sorted() == titles.sorted())
  }

  @Test("commands print only through Output, which makes text for people inert")
  func onePlacePrints() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Sources/rhythm")
    let files = try #require(FileManager.default.subpaths(atPath: sources.path))
      .filter { $0.hasSuffix(".swift") && $0 != "Support/Output.swift" }
    #expect(files.count > 10)
    for file in files {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.components(separatedBy: "\n").enumerated() {
        let code = line.components(separatedBy: "//")[0]
        let prints = code.range(of: #"(^|[^A-Za-z0-9_.])print\("#, options: .regularExpression)
        #expect(
          prints == nil && !code.contains("FileHandle.standardOutput"),
          "\(file):\(number + 1) writes to standard output without Output: \(line)")
      }
    }
  }

  /// Checks that `text` holds no character that would act on a terminal.
  private func expectInert(
    _ text: String, _ surface: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let raw = HostileText.rawControls(in: text)
    #expect(
      raw.isEmpty, "\(surface): raw \(raw.map { "U+" + String($0.value, radix: 16) })",
      sourceLocation: sourceLocation)
  }
}

/// A store with a teammate's journal written by hand (entry refuses such text): a person
/// `mallory` whose name is an OSC title payload and one step per payload.
private struct HostileStore {
  /// The held review the records are on (its full id), when made on the demo organisation.
  let review: String

  /// With `demo`, the demo organisation, the steps on a held review, one decision and note per
  /// payload there too, and two cadences retitled "Zebra" plus a payload; without, an empty
  /// store with `maria`.
  init(_ fixture: CLIFixture, demo: Bool = true) throws {
    var journal = HostileJournal()
    journal.add(
      "person", "mallory", ["id": "mallory", "name": "Mallory \u{1B}]0;pwned\u{07}", "teams": []])
    guard demo else {
      try fixture.makeStore()
      review = ""
      journal.addSteps(review: nil)
      try journal.write(to: fixture)
      return
    }
    try fixture.succeed("init", "--demo")
    let reviews = try array(try fixture.json("review", "list", "--json")).map { try object($0) }
    let held = try #require(reviews.first { $0["status"] as? String == "held" })
    review = try #require(held["id"] as? String)
    let cadence = try #require(held["cadence"] as? String)
    let cadences = try array(try fixture.json("cadence", "list", "--json")).map { try object($0) }
    let other = try #require(
      cadences.compactMap { $0["id"] as? String }.first { $0 != cadence })
    journal.add("cadence", cadence, ["title": "Zebra \u{1B}[2J\u{1B}[H"])
    journal.add("cadence", other, ["title": "Zebra \u{202E}fdp.exe"])
    journal.addSteps(review: review)
    for (index, payload) in HostileText.payloads.enumerated() {
      let decision = String(format: "01m88yxtm0mallorydeci%05d", index)
      journal.add(
        "decision", decision,
        [
          "id": decision, "text": payload.text, "review": review, "createdAt": CLIFixture.now,
          "tags": [String](),
        ])
      let note = String(format: "01m88yxtm0mallorynote%05d", index)
      journal.add(
        "note", note,
        ["id": note, "text": payload.text, "review": review, "createdAt": CLIFixture.now])
      journal.addMeetingRecords(payload.text, index: index, review: review, cadence: cadence)
    }
    try journal.write(to: fixture)
  }
}

/// Operations by `mallory` on device `teammate`, written as `journal/teammate.jsonl`.
private struct HostileJournal {
  private var lines: [[String: Any]] = []

  /// An operation setting `fields` on record `record` of `kind`.
  mutating func add(_ kind: String, _ record: String, _ fields: [String: Any]) {
    let count = lines.count
    lines.append([
      "by": "mallory", "dev": "teammate", "fields": fields, "prior": [String: Any](),
      "kind": kind, "rec": record, "id": String(format: "01m88yxtm0mallory0op%06d", count),
      "ts": String(format: "0001795597900000-%04d", count),
    ])
  }

  /// A topic, a headline, an exchange and a decision right whose text is `text`.
  mutating func addMeetingRecords(_ text: String, index: Int, review: String, cadence: String) {
    func id(_ kind: String) -> String { String(format: "01m88yxtm0mallory\(kind)%05d", index) }
    add(
      "topic", id("topi"),
      [
        "id": id("topi"), "title": text, "by": "mallory", "cadence": cadence, "status": "open",
        "rank": index + 1, "createdAt": CLIFixture.now,
      ])
    add(
      "headline", id("head"),
      [
        "id": id("head"), "text": text, "by": "mallory", "review": review, "tone": "bad",
        "createdAt": CLIFixture.now,
      ])
    add(
      "exchange", id("exch"),
      [
        "id": id("exch"), "from": "mallory", "to": "sales", "text": text,
        "createdAt": CLIFixture.now,
      ])
    add("right", id("righ"), ["id": id("righ"), "area": text, "decider": "mallory"])
  }

  /// One step per payload, the first owned by `mallory`, the others by `maria`.
  mutating func addSteps(review: String?) {
    for (index, payload) in HostileText.payloads.enumerated() {
      let step = String(format: "01m88yxtm0mallorystep%05d", index)
      var fields: [String: Any] = [
        "id": step, "title": payload.text, "owner": index == 0 ? "mallory" : "maria",
        "due": "2026-11-27", "status": "open", "tags": [String](), "createdAt": CLIFixture.now,
      ]
      if let review { fields["review"] = review }
      add("step", step, fields)
    }
  }

  func write(to fixture: CLIFixture) throws {
    var text = ""
    for line in lines {
      let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
      text += String(decoding: data, as: UTF8.self) + "\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: fixture.journalFolder + "/teammate.jsonl"))
  }
}
