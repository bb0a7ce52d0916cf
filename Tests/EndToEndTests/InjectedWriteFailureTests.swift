import Foundation
import Testing

/// The real binary with `RHYTHM_FAIL_WRITE` making one kind of write fail as a full disk
/// would: the exit status tells whether the change was saved, and reads never fail.
@Suite("Injected write failures")
struct InjectedWriteFailureTests {
  @Test("a journal that cannot be written: exit 1, the journal unchanged, nothing to retry twice")
  func journal() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    try fixture.addStep("kept @maria due:fri")
    let journal = try #require(try fixture.journals().first)
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))
    let failing: [String: String?] = ["RHYTHM_FAIL_WRITE": "journal"]

    try fixture.run(["step", "add", "lost @maria due:fri"], env: failing)
      .expectUserError(journal, "cannot write: No space left on device")
    let csv = fixture.root + "/three.csv"
    try Data("title,owner,due\none,maria,2026-12-01\ntwo,maria,2026-12-01\n".utf8)
      .write(to: URL(fileURLWithPath: csv))
    try fixture.run(["import", "csv", csv], env: failing).expectUserError("No space left")
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    // Reads do not write the journal: they work with the fault on.
    let list = try fixture.run(["step", "list"], env: failing)
    #expect(list.status == 0 && list.stderr.isEmpty && list.stdoutLines.count == 1, "\(list)")

    try fixture.addStep("lost @maria due:fri")  // the retry
    #expect(try fixture.steps().map(\.title).sorted() == ["kept", "lost"])
    #expect(try fixture.succeed("store", "check").contains("snapshot and index agree"))
  }

  @Test(
    "a snapshot or index that cannot be written: exit 0, one line saying the cache was not updated",
    arguments: [("snapshot", "store.json"), ("index", "store.idx")])
  func cache(site: String, file: String) throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    let failing: [String: String?] = ["RHYTHM_FAIL_WRITE": site]
    // The first change writes the first snapshot and index.
    let added = try fixture.run(["person", "add", "maria"], env: failing)
    #expect(added.status == 0, "\(added)")
    #expect(added.stdout == "added @maria\n")
    #expect(
      added.stderrLines == [
        "rhythm: saved; the cache (\(file)) could not be updated: cannot write: "
          + "No space left on device"
      ])
    #expect(!FileManager.default.fileExists(atPath: fixture.store + "/store.idx"))
    #expect(try leftovers(fixture).isEmpty)

    let add = try fixture.run(["step", "add", "first @maria due:fri"], env: failing)
    #expect(add.status == 0 && add.stdoutLines.count == 1, "\(add)")
    for read in [["step", "list"], ["person", "list"], ["stats"], ["cadence", "list"]] {
      let result = try fixture.run(read, env: failing)
      #expect(result.status == 0 && !result.stdout.isEmpty, "\(read): \(result)")
      #expect(result.stderrLines.count <= 1, "\(read): \(result)")
      for line in result.stderrLines {
        #expect(line.hasPrefix("rhythm: warning: the cache (\(file)) could not be updated"))
      }
    }
    let check = try fixture.run(["store", "check"], env: failing)
    #expect(check.status == 0 && check.stderr.isEmpty, "\(check)")
    #expect(check.stdout.hasPrefix("2 operations in 1 journal replayed;"), "\(check)")

    // With room again, the next command brings the caches up to date quietly.
    #expect(try fixture.steps().map(\.title) == ["first"])
    #expect(FileManager.default.fileExists(atPath: fixture.store + "/store.idx"))
    #expect(try fixture.succeed("store", "check").contains("snapshot and index agree"))
  }

  @Test("no backup can be kept: the old snapshot stays, the change is saved, rebuild fails")
  func backup() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let snapshot = try Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath))
    let failing: [String: String?] = ["RHYTHM_FAIL_WRITE": "backup"]
    // A bulk import makes a tail long enough for the command to rewrite the snapshot.
    let rows = (1...520).map { "bulk \($0),maria,2026-12-01" }
    let csv = fixture.root + "/bulk.csv"
    try Data((["title,owner,due"] + rows).joined(separator: "\n").utf8)
      .write(to: URL(fileURLWithPath: csv))
    let imported = try fixture.run(["import", "csv", csv], env: failing)
    #expect(imported.status == 0 && imported.stdout == "imported 520 steps\n", "\(imported)")
    #expect(imported.stderrLines.count == 1, "\(imported)")
    #expect(
      imported.stderr.hasPrefix("rhythm: saved; the cache (backups/) could not be updated: "),
      "\(imported)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath)) == snapshot)

    let list = try fixture.run(["step", "list", "--json"], env: failing)
    #expect(list.status == 0 && list.stderrLines.count == 1, "\(list)")
    try fixture.run(["store", "rebuild"], env: failing).expectUserError("No space left on device")
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath)) == snapshot)

    #expect(try fixture.steps().count == 520)
    #expect(try fixture.succeed("store", "check").contains("520 steps"))
  }

  /// Temporary files a failed write left in the store folder.
  private func leftovers(_ fixture: CLIFixture) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: fixture.store).filter {
      $0.contains(".tmp-")
    }
  }
}
