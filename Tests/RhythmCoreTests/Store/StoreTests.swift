import Foundation
import Testing

@testable import RhythmCore

@Suite("Store")
struct StoreTests {
  @Test("a committed step is there after reopening, with its fields")
  func commitAndReopen() throws {
    let temporary = try TemporaryStore()
    var step = temporary.step("Draft booth design")
    step.success = "approved by VP"
    step.tags = ["conference"]
    try temporary.store.commit([.create(Person(handle: "maria", name: "Maria")), .create(step)])
    let reopened = try temporary.reopen()
    let state = try reopened.loadState()
    #expect(state.steps[step.id] == step)
    #expect(state.people["maria"]?.name == "Maria")
  }

  @Test("files are private: store folder 0700, journal and snapshot 0600")
  func permissions() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit([.create(temporary.step("One"))])
    try temporary.store.compact()
    func mode(_ path: String) throws -> Int {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
    #expect(try mode(temporary.folder) == 0o700)
    #expect(try mode(temporary.layout.snapshotPath) == 0o600)
    let journal = try FileManager.default.contentsOfDirectory(
      atPath: temporary.layout.journalFolder)
    #expect(journal.count == 1)
    #expect(try mode(temporary.layout.journalFolder + "/" + journal[0]) == 0o600)
  }

  @Test("replay gives the same state whatever order the journal lines come in")
  func replayOrderIndependence() throws {
    let temporary = try TemporaryStore()
    var steps: [Step] = []
    for number in 0..<40 {
      steps.append(temporary.step("Step \(number)", owner: number % 2 == 0 ? "maria" : "li"))
    }
    try temporary.store.commit(steps.map { Change.create($0) })
    for (number, step) in steps.enumerated() where number % 3 == 0 {
      try temporary.store.commit([.update(Step.self, id: step.id, [.set(\.status, .done)])])
      try temporary.store.commit([
        .update(Step.self, id: step.id, [.set(\.title, "Renamed \(number)")])
      ])
    }
    for step in steps.prefix(5) {
      try temporary.store.commit([
        .update(Step.self, id: step.id, [.set(\.due, Day(year: 2027, month: 1, day: Int.random(in: 1...9)) ?? step.due)])
      ])
    }
    let expected = try temporary.reopen().loadState().steps
    let lines = try temporary.journalLines()
    var generator = SplitMix64(seed: 7)
    for _ in 0..<5 {
      let shuffled = lines.shuffled(using: &generator)
      let journal = try FileManager.default.contentsOfDirectory(
        atPath: temporary.layout.journalFolder)[0]
      try (shuffled.joined(separator: "\n") + "\n").write(
        toFile: temporary.layout.journalFolder + "/" + journal, atomically: true, encoding: .utf8)
      try Store.rebuild(at: temporary.folder, clock: temporary.clock)
      let replayed = try temporary.reopen().loadState().steps
      #expect(replayed == expected)
    }
  }

  @Test("a torn last line is reported and skipped; earlier lines kept; the next write repairs it")
  func tornLastLine() throws {
    let temporary = try TemporaryStore()
    let first = temporary.step("Kept")
    try temporary.store.commit([.create(first)])
    let journal =
      temporary.layout.journalFolder + "/"
      + (try FileManager.default.contentsOfDirectory(atPath: temporary.layout.journalFolder)[0])
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    handle.seekToEndOfFile()
    handle.write(Data("{\"by\":\"tester\",\"dev\":\"x\",\"fie".utf8))
    try handle.close()
    let reopened = try temporary.reopen()
    #expect(reopened.warnings.count == 1)
    #expect(reopened.warnings.first?.contains("torn last line") == true)
    #expect(try reopened.loadState().steps.keys.sorted() == [first.id])
    let second = temporary.step("Added after the crash")
    try reopened.commit([.create(second)])
    let text = try String(contentsOfFile: journal, encoding: .utf8)
    #expect(text.hasSuffix("\n"))
    #expect(!text.contains("\"fie\n") && !text.contains("\"fie{"))
    let again = try temporary.reopen()
    #expect(again.warnings.isEmpty)
    #expect(try again.loadState().steps.count == 2)
  }

  @Test("a corrupt line inside a journal is an error with file, line and column")
  func corruptJournalLine() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit([.create(temporary.step("One"))])
    try temporary.store.commit([.create(temporary.step("Two"))])
    let name = try FileManager.default.contentsOfDirectory(atPath: temporary.layout.journalFolder)[
      0]
    let path = temporary.layout.journalFolder + "/" + name
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(
      String.init)
    lines[0] = "{\"id\": oops}"
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect {
      try Store.rebuild(at: temporary.folder, clock: temporary.clock)
    } throws: { error in
      guard case .corrupt(let file, let line, let column, _, _) = error as? RhythmError else {
        return false
      }
      return file == path && line == 1 && column == 8
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test("a corrupt snapshot is an error naming line and column, and the file is left unchanged")
  func corruptSnapshot() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit((0..<5).map { Change.create(temporary.step("Step \($0)")) })
    try temporary.store.compact()
    let path = temporary.layout.snapshotPath
    var text = try String(contentsOfFile: path, encoding: .utf8)
    let range = try #require(text.range(of: "\"title\":\"Step 2\""))
    text.replaceSubrange(range, with: "\"title\":Step 2\"")
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let damaged = try Data(contentsOf: URL(fileURLWithPath: path))
    var caught: RhythmError?
    do {
      _ = try temporary.reopen().loadState()
    } catch {
      caught = error as? RhythmError
    }
    guard case .corrupt(let file, let line, let column, _, let recovery) = try #require(caught)
    else {
      Issue.record("expected a corrupt error, got \(String(describing: caught))")
      return
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLine = try #require(lines.firstIndex { $0.contains("\"title\":Step 2") }) + 1
    let expectedColumn = try #require(lines[expectedLine - 1].range(of: ":Step 2")).lowerBound
    #expect(file == path)
    #expect(line == expectedLine)
    #expect(
      column == lines[expectedLine - 1].distance(
        from: lines[expectedLine - 1].startIndex, to: expectedColumn) + 2)
    #expect(recovery.contains("rebuild"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damaged)
    try Store.rebuild(at: temporary.folder, clock: temporary.clock)
    #expect(try temporary.reopen().loadState().steps.count == 5)
  }

  @Test("compaction keeps the state, and the fast read path agrees with the full one")
  func compactionAndFastPath() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit([
      .create(Review(id: "rev1rev1rev1", cadence: "cad1", occurrence: temporary.clock.now))
    ])
    var steps: [Step] = []
    for number in 0..<30 {
      var step = temporary.step("Step \(number)", owner: ["maria", "li", "sam"][number % 3])
      if number % 4 == 0 { step.review = "rev1rev1rev1" }
      steps.append(step)
    }
    try temporary.store.commit(steps.map { Change.create($0) })
    try temporary.store.compact()
    try temporary.store.commit([.update(Step.self, id: steps[1].id, [.set(\.status, .done)])])
    let store = try temporary.reopen()
    let rows = try store.stepRows().sorted { $0.id < $1.id }
    let full = try store.steps(rows)
    #expect(rows.count == 30)
    #expect(full.map(\.id) == rows.map(\.id))
    #expect(rows.first { $0.id == steps[1].id }?.status == .done)
    #expect(rows.filter { $0.cadence == "cad1" }.count == 8)
    let state = try temporary.reopen().loadState()
    #expect(Set(state.steps.values) == Set(full))
  }

  @Test("undo restores prior values, undoing a creation removes the record, redo puts it back")
  func undoAndRedo() throws {
    let temporary = try TemporaryStore()
    let step = temporary.step("Call the venue")
    try temporary.store.commit([.create(step)])
    try temporary.store.commit([.update(Step.self, id: step.id, [.set(\.status, .done)])])
    try temporary.store.undo()
    #expect(try temporary.reopen().loadState().steps[step.id]?.status == .open)
    try temporary.store.undo()
    #expect(try temporary.reopen().loadState().steps[step.id] == nil)
    try temporary.store.redo()
    #expect(try temporary.reopen().loadState().steps[step.id]?.title == "Call the venue")
    try temporary.store.redo()
    #expect(try temporary.reopen().loadState().steps[step.id]?.status == .done)
    #expect(throws: RhythmError.self) { try temporary.store.redo() }
  }

  @Test("history lists every operation on a record with who and when")
  func history() throws {
    let temporary = try TemporaryStore()
    let step = temporary.step("Book the booth")
    try temporary.store.commit([.create(step)])
    try temporary.store.commit([.update(Step.self, id: step.id, [.set(\.owner, "li")])])
    let history = try temporary.store.history(of: step.id)
    #expect(history.count == 2)
    #expect(history[1].fields["owner"] == .string("li"))
    #expect(history[1].prior["owner"] == .string("maria"))
    #expect(history.allSatisfy { $0.person == "tester" })
  }

  @Test("a second store object sees what the first appended (live sharing)")
  func refreshSeesOtherWriters() throws {
    let temporary = try TemporaryStore()
    let watcher = try Store.open(at: temporary.folder, clock: temporary.clock, person: "watcher")
    _ = try watcher.loadState()
    #expect(try watcher.refresh() == nil)
    let step = temporary.step("Added elsewhere")
    try temporary.store.commit([.create(step)])
    let refreshed = try #require(try watcher.refresh())
    #expect(refreshed.steps[step.id]?.title == "Added elsewhere")
  }

  @Test("references: a unique beginning or ending of 4+ characters; short ids are unique endings")
  func references() throws {
    let temporary = try TemporaryStore()
    let steps = (0..<200).map { temporary.step("Step \($0)") }
    try temporary.store.commit(steps.map { Change.create($0) })
    let rows = try temporary.store.stepRows()
    #expect(Set(rows.map(\.short)).count == 200)
    #expect(rows.allSatisfy { $0.short.count >= 4 && $0.id.hasSuffix($0.short) })
    let target = rows[17]
    #expect(try temporary.store.resolveStep(target.short).id == target.id)
    #expect(try temporary.store.resolveStep(target.short.uppercased()).id == target.id)
    #expect(try temporary.store.resolveStep(target.id).id == target.id)
    #expect(throws: RhythmError.referenceTooShort("ab")) { try temporary.store.resolveStep("ab") }
    #expect(throws: RhythmError.self) {
      try temporary.store.resolveStep(String(target.id.prefix(6)))
    }
  }
}
