import Foundation
import Testing

/// `rhythm store check` replays the journals and names where the caches say otherwise.
@Suite("store check")
struct StoreCheckCommandTests {
  @Test("a clean store: exit 0 and one summary line")
  func clean() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    for title in ["one", "two"] { try fixture.addStep("\(title) @maria due:fri") }
    try fixture.succeed("store", "rebuild")
    try fixture.addStep("three @maria due:fri")  // in the tail, past the snapshot
    let check = try fixture.succeed("store", "check")
    #expect(
      check
        == "4 operations in 1 journal replayed; snapshot and index agree "
        + "(1 people, 0 cadences, 0 reviews, 3 steps, 0 decisions)\n")
  }

  @Test("a step title changed by hand in store.json: named, exit 1, rebuild repairs it")
  func handEditedSnapshot() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let short = try fixture.addStep("Draft the agenda @maria due:fri")
    try fixture.addStep("Book the room @maria due:fri")
    try fixture.succeed("store", "rebuild")
    let text = try String(contentsOfFile: fixture.snapshotPath, encoding: .utf8)
    try text.replacingOccurrences(of: "Draft the agenda", with: "Skip the agenda")
      .write(toFile: fixture.snapshotPath, atomically: false, encoding: .utf8)
    // A read shows the edited title: only the check compares with the journals.
    #expect(try fixture.steps().contains { $0.title == "Skip the agenda" })

    let check = try fixture.run("store", "check")
    #expect(check.status == 1, "\(check)")
    #expect(
      check.stdoutLines == [
        "store.json: step \(short): title: \"Skip the agenda\" in store.json, "
          + "\"Draft the agenda\" in the journals"
      ], "\(check)")
    #expect(check.stderrLines.count == 1, "\(check)")
    #expect(check.stderr.hasPrefix("rhythm: store.json differs from the journals"), "\(check)")
    #expect(check.stderr.contains("rhythm store rebuild"), "\(check)")

    try fixture.succeed("store", "rebuild")
    #expect(try fixture.succeed("store", "check").contains("snapshot and index agree"))
    #expect(try fixture.steps().contains { $0.title == "Draft the agenda" })
  }

  @Test("an index left from an older snapshot is named as stale")
  func staleIndex() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("one @maria due:fri")
    try fixture.succeed("store", "rebuild")
    let index = fixture.store + "/store.idx"
    let old = try Data(contentsOf: URL(fileURLWithPath: index))
    try fixture.addStep("two @maria due:fri")
    try fixture.succeed("store", "rebuild")
    try old.write(to: URL(fileURLWithPath: index))

    let check = try fixture.run("store", "check")
    #expect(check.status == 1, "\(check)")
    #expect(
      check.stdoutLines == [
        "store.idx: it was made for another version of store.json (stale), or is damaged"
      ], "\(check)")
    #expect(check.stderr.contains("store.idx differs from the journals"), "\(check)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == old, "check wrote the index")
  }
}
