import Foundation
import Testing

/// The store on a disk that really fills up: a 600 KB tmpfs mounted for the test.
@Suite("Full disk")
struct FullDiskTests {
  /// Reads to try on the full disk; each must work from the journals.
  static let reads = [
    ["step", "list"], ["step", "list", "--status", "open"], ["store", "check"], ["stats"],
    ["person", "list"], ["cadence", "list"], ["decision", "list"], ["metric", "list"],
    ["review", "list"], ["export", "csv"], ["export", "json"], ["export", "ics"],
  ]

  @Test(
    "a full disk: no saved change is reported failed, a failed one is not saved, reads all work")
  func fullDisk() throws {
    let fixture = try CLIFixture()
    let disk = try SmallDisk(at: fixture.store, size: "600k")
    defer { disk.unmount() }
    try fixture.makeStore()
    // 600 steps in one import, on a disk left with room for their journal lines and little
    // more (the rest is taken by other files): the snapshot no longer fits.
    let csv = fixture.root + "/steps.csv"
    let rows = (1...600).map { "imported \($0),maria,2026-12-0\($0 % 9 + 1)" }
    try Data((["title,owner,due"] + rows).joined(separator: "\n").utf8)
      .write(to: URL(fileURLWithPath: csv))
    let ballast = try disk.fill(leaving: try journalBytes(importing: csv, fixture) + 8 * 1024)
    let imported = try fixture.run("import", "csv", csv)
    #expect(imported.status == 0 && imported.stdout == "imported 600 steps\n", "\(imported)")
    #expect(imported.stderrLines.count == 1, "\(imported)")
    #expect(
      imported.stderr.hasPrefix("rhythm: saved; the cache (")
        && imported.stderr.contains("could not be updated: cannot write: No space left on device"),
      "\(imported)")

    // Steps one by one until the journal itself cannot take one more.
    var saved: [String] = []
    var failure: (title: String, result: ProcessResult)?
    for number in 1...2_000 {
      let title = "fill \(number)"
      let result = try fixture.run("step", "add", "\(title) @maria due:+3d")
      guard result.status == 0 else {
        failure = (title, result)
        break
      }
      #expect(result.stdoutLines.count == 1, "\(title): \(result)")
      saved.append(title)
    }
    let (lost, failed) = try #require(failure, "the disk never filled up")
    #expect(failed.status == 1 && failed.stdout.isEmpty, "\(failed)")
    #expect(
      failed.stderrLines.last?.hasPrefix("rhythm: \(fixture.journalFolder)/") == true
        && failed.stderr.contains("cannot write: No space left on device"), "\(failed)")
    print(
      "full disk (600 KB): 600 steps imported (the snapshot no longer fitting), then "
        + "\(saved.count) added one by one; add \(saved.count + 1) failed with: "
        + (failed.stderrLines.last ?? ""))
    try #require(saved.count >= 5, "\(saved.count) steps were saved before the disk was full")
    // Every step reported saved is in a journal once; the failed one is not there at all,
    // also after a retry on the still full disk.
    try fixture.run("step", "add", "\(lost) @maria due:+3d").expectFailure("No space left")
    let journal = try journalText(fixture)
    for title in saved {
      #expect(journal.components(separatedBy: "\"\(title)\"").count == 2, "\(title)")
    }
    #expect(!journal.contains("\"\(lost)\""))

    for read in Self.reads {
      let result = try fixture.run(read)
      #expect(result.status == 0, "\(read): \(result)")
      for line in result.stderrLines {
        #expect(line.hasPrefix("rhythm: warning: the cache ("), "\(read): \(line)")
      }
    }
    let steps = try fixture.steps()
    #expect(steps.count == 600 + saved.count)
    #expect(Set(steps.map(\.id)).count == steps.count)
    #expect(Set(steps.map(\.title)) == Set((1...600).map { "imported \($0)" } + saved))
    let check = try fixture.run("store", "check")
    #expect(
      check.status == 0 && check.stdout.contains("\(601 + saved.count) operations in 1 journal"),
      "\(check)")

    try useCockpit(fixture, showing: saved[0])

    // With room again, the retry saves the step once, and the caches catch up.
    try FileManager.default.removeItem(atPath: ballast)
    let retry = try fixture.run("step", "add", "\(lost) @maria due:+3d")
    #expect(retry.status == 0 && retry.stderr.isEmpty, "\(retry)")
    #expect(try journalText(fixture).components(separatedBy: "\"\(lost)\"").count == 2)
    let clean = try fixture.succeed("store", "check")
    #expect(clean.contains("snapshot and index agree"), "\(clean)")
    #expect(clean.contains("\(601 + saved.count) steps"), "\(clean)")
  }

  /// The cockpit opens on the full disk, shows the steps, and says a new one was not saved.
  private func useCockpit(_ fixture: CLIFixture, showing title: String) throws {
    let tmux = try TmuxSession.rhythm(fixture, ["cockpit", "--screen", "steps"])
    defer { tmux.close() }
    try tmux.waitFor(title)
    try tmux.enter(
      "From the cockpit @maria due:fri", with: "a", label: "step", confirmation: "not saved")
    try tmux.waitForStatus("cannot write: No space")
    try tmux.send(keys: "q")
    try tmux.waitFor("Next reviews")
    try tmux.send(keys: "q")
    #expect(try tmux.waitForExit() == 0)
    #expect(try !journalText(fixture).contains("From the cockpit"))
  }

  /// How many bytes importing `csv` adds to a journal, measured on a scratch store.
  private func journalBytes(importing csv: String, _ fixture: CLIFixture) throws -> Int {
    let scratch = fixture.root + "/scratch"
    try fixture.succeed("init", "--store", scratch)
    try fixture.succeed("person", "add", "maria", "--store", scratch)
    func size() throws -> Int {
      let folder = scratch + "/journal"
      return try FileManager.default.contentsOfDirectory(atPath: folder).reduce(0) {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + $1)
        return $0 + ((attributes[.size] as? NSNumber)?.intValue ?? 0)
      }
    }
    let before = try size()
    try fixture.succeed("import", "csv", csv, "--store", scratch)
    return try size() - before
  }

  private func journalText(_ fixture: CLIFixture) throws -> String {
    try fixture.journals().map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
  }
}

extension ProcessResult {
  /// Checks a failure: exit 1, nothing on stdout, the last line on stderr naming `fragment`.
  func expectFailure(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(status == 1 && stdout.isEmpty, "\(self)", sourceLocation: sourceLocation)
    #expect(
      stderrLines.last?.hasPrefix("rhythm: ") == true && stderr.contains(fragment), "\(self)",
      sourceLocation: sourceLocation)
  }
}
