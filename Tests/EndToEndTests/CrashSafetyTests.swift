import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a crash or damaged file leaves, and how the store copes.
@Suite("Crash safety")
struct CrashSafetyTests {
  @Test("kill -9 mid-burst never loses a change that was reported done")
  func killNineLosesNothingReported() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    var reported: [String] = []
    var generator = SystemRandomNumberGenerator()
    let clock = ContinuousClock()
    for iteration in 1...50 {
      let writer = try RunningProcess(
        "/bin/sh",
        [
          "-c",
          """
          i=0
          while :; do
            i=$((i+1))
            "$RHYTHM" step add "k\(iteration)-$i @maria due:+3d" || exit 1
          done
          """,
        ],
        environment: fixture.environment(["RHYTHM": fixture.binary]))
      // Kill while the burst is under way: once it has reported its first step, after 1–40 ms.
      let deadline = clock.now.advanced(by: .seconds(10))
      while writer.stdoutSoFar.isEmpty && clock.now < deadline { usleep(1_000) }
      usleep(UInt32.random(in: 1_000...40_000, using: &generator))
      writer.send(signal: SIGKILL)
      let killed = writer.wait()
      #expect(killed.status == 128 + SIGKILL, "iteration \(iteration): \(killed)")
      // Only whole lines were reported (a line cut by the kill was never printed in full).
      let printed = killed.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast().map(String.init)
      #expect(!printed.isEmpty, "iteration \(iteration) reported nothing")
      reported += printed

      let list = try fixture.run("step", "list", "--json")
      #expect(list.status == 0, "iteration \(iteration): \(list)")
      for line in list.stderrLines {
        #expect(
          line.contains("warning") && line.contains("torn"), "iteration \(iteration): \(line)")
      }
      let ids = try JSONDecoder().decode([StepJSON].self, from: Data(list.stdout.utf8)).map(\.id)
      let missing = reported.filter { short in !ids.contains { $0.hasSuffix(short) } }
      try #require(missing.isEmpty, "iteration \(iteration): reported but lost: \(missing)")
    }
    // The next write works and repairs whatever the last kill left.
    try fixture.addStep("after the crashes @maria due:+3d")
    let final = try fixture.run("step", "list", "--json")
    #expect(final.status == 0 && final.stderr.isEmpty, "\(final)")
    let check = try fixture.run("store", "check")
    #expect(check.status == 0 && check.stderr.isEmpty, "\(check)")
  }

  @Test(
    "a torn last journal line is reported with file and line, earlier lines kept, then repaired")
  func tornLastLine() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    for title in ["one", "two", "three"] { try fixture.addStep("\(title) @maria due:fri") }
    let journal = try #require(try fixture.journals().first)
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))
    let wholeLines = before.split(separator: 0x0A).count
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"by":"tester","dev":"xx","fields":{"title":"hal"#.utf8))
    try handle.close()

    let list = try fixture.run("step", "list", "--json")
    #expect(list.status == 0, "\(list)")
    #expect(list.stderrLines.count == 1, "\(list)")
    #expect(list.stderr.hasPrefix("rhythm: warning: \(journal):\(wholeLines + 1):"), "\(list)")
    let titles = try JSONDecoder().decode([StepJSON].self, from: Data(list.stdout.utf8)).map(
      \.title)
    #expect(Set(titles) == ["one", "two", "three"])

    let check = try fixture.run("store", "check")
    #expect(check.status == 0 && check.stderr.contains("\(journal):\(wholeLines + 1):"), "\(check)")

    // The next write cuts the torn line off and appends after the whole lines.
    let add = try fixture.run("step", "add", "four @maria due:fri")
    #expect(add.status == 0, "\(add)")
    let after = try Data(contentsOf: URL(fileURLWithPath: journal))
    #expect(after.starts(with: before))
    #expect(after.last == 0x0A)
    let lines = after.split(separator: 0x0A)
    #expect(lines.count == wholeLines + 1)
    for line in lines {
      #expect(
        (try? JSONSerialization.jsonObject(with: Data(line))) != nil,
        "not JSON: \(String(decoding: line, as: UTF8.self))")
    }
    let repaired = try fixture.run("step", "list", "--json")
    #expect(repaired.status == 0 && repaired.stderr.isEmpty, "\(repaired)")
    let steps = try JSONDecoder().decode([StepJSON].self, from: Data(repaired.stdout.utf8))
    #expect(Set(steps.map(\.title)) == ["one", "two", "three", "four"])
  }

  @Test(
    "a bad line inside a journal is an error naming file, line and column; nothing is rewritten")
  func corruptJournalLine() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    for title in ["one", "two"] { try fixture.addStep("\(title) @maria due:fri") }
    let journal = try #require(try fixture.journals().first)
    var lines = try String(contentsOfFile: journal, encoding: .utf8).components(separatedBy: "\n")
    #expect(lines.count == 4)  // person, two steps, and the empty string after the last newline
    lines[1] = lines[1].replacingOccurrences(of: "\"kind\":\"step\"", with: "\"kind\":step\"")
    let column = try #require(lines[1].range(of: "step\"")).lowerBound.utf16Offset(in: lines[1]) + 1
    let corrupt = Data(lines.joined(separator: "\n").utf8)
    try corrupt.write(to: URL(fileURLWithPath: journal))
    // The snapshot may already hold that line; a rebuild reads every journal from the start,
    // and once it failed no command reads past the damage.
    let commands = [
      ["store", "rebuild"], ["step", "list"], ["step", "add", "three @maria due:fri"],
    ]
    for command in commands {
      try fixture.run(command).expectUserError("\(journal):2:\(column):")
      let now = try Data(contentsOf: URL(fileURLWithPath: journal))
      #expect(now == corrupt, "\(command) changed the journal")
    }
  }

  /// A way to damage `store.json`: the line to change, what to put in, and the text whose
  /// first character is where the reader should point.
  struct Damage: Sendable, CustomTestStringConvertible {
    let name: String
    let line: String
    let replace: String
    let with: String
    let pointAt: String

    var testDescription: String { name }

    static let all = [
      Damage(
        name: "a section that is not an array", line: "\"metrics\": []", replace: "[]", with: "[}",
        pointAt: "[}"),
      Damage(
        name: "a broken record line", line: "\"name\":\"maria\"", replace: "\"name\":\"maria\"",
        with: "\"name\":maria\"", pointAt: "maria\",\"teams"),
      Damage(
        name: "a broken header value", line: "\"schemaVersion\"", replace: ": 1", with: ": ?1",
        pointAt: "?1"),
    ]
  }

  @Test(
    "a corrupt store.json is named with line and column, left untouched, and rebuilt",
    arguments: Damage.all)
  func corruptSnapshot(damage: Damage) throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    for title in ["one", "two"] { try fixture.addStep("\(title) @maria due:fri") }
    try fixture.succeed("store", "rebuild")  // a snapshot holding everything
    let original = try String(contentsOfFile: fixture.snapshotPath, encoding: .utf8)
    var lines = original.components(separatedBy: "\n")
    let row = try #require(lines.firstIndex { $0.contains(damage.line) }, "\(original)")
    lines[row] = lines[row].replacingOccurrences(of: damage.replace, with: damage.with)
    let spot = try #require(lines[row].range(of: damage.pointAt)).lowerBound
    let column = lines[row].utf8.distance(from: lines[row].startIndex, to: spot) + 1
    let corrupt = Data(lines.joined(separator: "\n").utf8)
    try corrupt.write(to: URL(fileURLWithPath: fixture.snapshotPath))

    for command in [
      ["step", "list"], ["step", "add", "three @maria due:fri"], ["store", "check"],
    ] {
      let result = try fixture.run(command)
      result.expectUserError("\(fixture.snapshotPath):\(row + 1):\(column):", "rebuild")
      let now = try Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath))
      try #require(now == corrupt, "\(command) changed the damaged file")
    }

    let rebuild = try fixture.run("store", "rebuild")
    #expect(rebuild.status == 0, "\(rebuild)")
    let steps = try fixture.steps()
    #expect(Set(steps.map(\.title)) == ["one", "two"])
    #expect(try fixture.run("store", "check").status == 0)
    // The damaged file was moved aside, not overwritten.
    let backups = try FileManager.default.contentsOfDirectory(atPath: fixture.store + "/backups")
    let kept = try backups.filter { $0.contains("before-rebuild") }.map {
      try Data(contentsOf: URL(fileURLWithPath: fixture.store + "/backups/" + $0))
    }
    #expect(kept.contains(corrupt), "backups: \(backups)")
  }
}
