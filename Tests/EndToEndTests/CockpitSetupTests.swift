import Foundation
import Testing

/// Setting up a whole organisation from the cockpit alone, in a real terminal (tmux), starting
/// from an empty store; checked afterwards through the command line.
@Suite("Setting up from the cockpit in tmux")
struct CockpitSetupTests {
  /// `rhythm ARGS --json`, parsed as an array of objects.
  private func list(_ fixture: CLIFixture, _ arguments: String...) throws -> [[String: Any]] {
    let result = try fixture.run(arguments + ["--json"])
    try #require(result.status == 0, "rhythm \(arguments): \(result)")
    return try array(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))).map {
      try object($0)
    }
  }

  /// A shell script standing in for `$EDITOR`: it appends a line to the file it is given.
  private func editorScript(in fixture: CLIFixture) throws -> String {
    let path = fixture.root + "/append-editor.sh"
    try "#!/bin/sh\nprintf 'written in the editor\\n' >> \"$1\"\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  @Test("an empty store: person, team, cadence, metric, priority, topic, @newbie, a note")
  func wholeSetup() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    let tmux = try TmuxSession.rhythm(
      fixture, ["cockpit"], environment: ["EDITOR": try editorScript(in: fixture)])
    defer { tmux.close() }
    try tmux.waitFor("No cadence yet: 4 then a adds one")

    // People: a person with a team, a second team, then the person in both.
    try tmux.send(keys: "5")
    try tmux.waitFor("No one yet: a adds a person")
    try tmux.enter(
      "maria | Maria Lopez | marketing", with: "a", label: "new person",
      confirmation: "@maria added")
    try tmux.enter("sales", with: "T", label: "new team", confirmation: "team sales added")
    try tmux.waitForLine("team sales")
    try tmux.send(keys: "g", "e")
    try tmux.waitForLine(" edit @maria › Maria Lopez | marketing")
    try tmux.send(keys: ", sales", .enter)
    try tmux.waitForStatus("@maria saved")

    // A cadence: its facilitator is the cockpit's user (RHYTHM_USER=tester).
    try tmux.send(keys: "4")
    try tmux.waitFor("No cadence yet: a adds one")
    try tmux.enter(
      "Weekly ops | weekly mon 10:00 | weekly | @maria", with: "a", label: "new cadence",
      confirmation: "cadence Weekly ops added")
    try tmux.waitForLine("facilitator", "@tester")

    // A metric, then a priority on the priorities view.
    try tmux.send(keys: "6")
    try tmux.waitFor("No metric yet: a adds one")
    try tmux.enter(
      "Win rate | @maria | >=25 | %", with: "a", label: "new metric",
      confirmation: "metric Win rate added")
    try tmux.send(keys: "P")
    try tmux.waitFor("No priority yet: a adds one")
    try tmux.enter(
      "Launch partners | @maria | 2027-Q1", with: "a", label: "new priority",
      confirmation: "priority Launch partners added")

    // The review: a topic, a step for someone who is not a person yet, a note in $EDITOR.
    try tmux.send(keys: "2", "s")
    try tmux.waitForStatus("Weekly ops is live")
    try tmux.enter("Pricing page", with: "t", label: "topic", confirmation: "topic raised")
    try tmux.send(keys: "a")
    try tmux.waitForLine(" step › ")
    try tmux.send(keys: "Call the venue @new", .tab)
    try tmux.waitForLine(" step › Call the venue @new")
    try tmux.send(keys: "bie due:fri", .enter)
    try tmux.waitForLine("@newbie is not a person here")
    try tmux.send(keys: "y")
    try tmux.waitForStatus("step for @newbie")
    try tmux.send(keys: "N")
    try tmux.waitForLine(" note › ")
    try tmux.send(keys: "First line", .named("C-x"))
    try tmux.waitForStatus("note taken")
    // Its two lines on one line in the captured list.
    try tmux.waitFor("note      First line / written in the editor")
    // Back from the editor the frame is whole, and follows a resize.
    try tmux.resize(width: 80, height: 24)
    try tmux.waitForFrame(width: 80, showing: ["Weekly ops"])
    try tmux.send(keys: .ctrlC)
    #expect(try tmux.waitForExit(timeout: .seconds(15)) == 0)

    let people = try list(fixture, "person", "list")
    #expect(people.compactMap { $0["handle"] as? String } == ["maria", "newbie", "tester"])
    let maria = try #require(people.first { $0["handle"] as? String == "maria" })
    #expect(maria["name"] as? String == "Maria Lopez")
    #expect(maria["teams"] as? [String] == ["marketing", "sales"])

    let cadence = try #require(try list(fixture, "cadence", "list").first)
    #expect(cadence["facilitator"] as? String == "tester")
    #expect(cadence["participants"] as? [String] == ["tester", "maria"])

    let metric = try #require(try list(fixture, "metric", "list").first)
    #expect(metric["name"] as? String == "Win rate")
    #expect(metric["owner"] as? String == "maria")
    #expect(metric["target"] as? Double == 25)
    #expect(metric["unit"] as? String == "%")

    let priority = try #require(try list(fixture, "priority", "list", "--quarter", "2027-Q1").first)
    #expect(priority["title"] as? String == "Launch partners")
    #expect(priority["owner"] as? String == "maria")
    #expect(priority["quarter"] as? String == "2027-Q1")

    let topic = try #require(try list(fixture, "topic", "list").first)
    #expect(topic["title"] as? String == "Pricing page")

    let step = try #require(try list(fixture, "step", "list").first)
    #expect(step["title"] as? String == "Call the venue")
    #expect(step["owner"] as? String == "newbie")

    let review = try #require(try fixture.reviews().first { $0["id"] is String })
    let shown = try fixture.succeed(
      "review", "show", try #require(review["id"] as? String), "--json")
    let notes = try array(
      try object(try JSONSerialization.jsonObject(with: Data(shown.utf8)))["notes"])
    try #require(notes.count == 1, "one note: \(notes)")
    let note = try object(notes[0])
    #expect(note["text"] as? String == "First line\nwritten in the editor")
    // Shown for people as one item, its second line indented under the first.
    let reviewID = try #require(review["id"] as? String)
    #expect(
      try fixture.succeed("review", "show", reviewID).contains(
        "  - First line\n    written in the editor\n"))
    #expect(
      try fixture.succeed("export", "minutes", reviewID).contains(
        "- First line\n  written in the editor\n"))
  }
}
