import Foundation
import Testing

@testable import RhythmCore

/// A write that fails at each place the store writes (as on a full disk): the journal append
/// is the commit, so it alone decides whether a change was saved; the snapshot, index and
/// backups are caches whose failure is a warning, and reading never needs them.
@Suite("Write failures")
struct WriteFailureTests {
  @Test("a failed journal append throws and leaves the journal exactly as it was")
  func journalFailure() throws {
    let temporary = try TemporaryStore()
    let kept = temporary.step("Kept")
    try temporary.store.commit([.create(kept)])
    let journal = try #require(try journalPath(temporary))
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))

    let store = try reopen(temporary, failing: .journal)
    let lost = [temporary.step("Lost one"), temporary.step("Lost two")]
    #expect {
      try store.commit(lost.map { Change.create($0) })
    } throws: { error in
      "\(error)".contains("No space left on device")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    #expect(try store.loadState().steps.keys.sorted() == [kept.id])

    let again = try reopen(temporary, failing: nil)
    #expect(again.warnings.isEmpty)
    #expect(try again.loadState().steps.keys.sorted() == [kept.id])
    try again.commit([.create(lost[0])])  // the retry saves it once
    let ids = try temporary.journalLines().filter { $0.contains(lost[0].id) }
    #expect(ids.count == 1)
  }

  @Test("a snapshot that cannot be written: the change is saved, a warning says so")
  func snapshotFailure() throws {
    let temporary = try TemporaryStore()
    let store = try reopen(temporary, failing: .snapshot)
    var heard: [String] = []
    store.onWarning = { heard.append($0) }
    let step = temporary.step("Saved all the same")
    try store.commit([.create(step)])  // no snapshot yet: the commit tries to write one
    let expected =
      "saved; the cache (store.json) could not be updated: cannot write: No space left on device"
    #expect(store.warnings == [expected])
    #expect(heard == [expected])
    #expect(!FileManager.default.fileExists(atPath: temporary.layout.snapshotPath))
    #expect(try leftovers(temporary).isEmpty)
    #expect(try store.loadState().steps[step.id] == step)

    // Reading on the same full disk works from the journals.
    let reader = try reopen(temporary, failing: .snapshot)
    #expect(reader.warnings.count == 1)
    #expect(reader.warnings.first?.hasPrefix("warning: the cache (store.json) could not") == true)
    #expect(try reader.loadState().steps[step.id] == step)
    #expect(try reader.stepRows().map(\.id) == [step.id])
    // Once the disk has room again, the next reader writes the cache.
    let later = try reopen(temporary, failing: nil)
    #expect(later.warnings.isEmpty)
    #expect(FileManager.default.fileExists(atPath: temporary.layout.snapshotPath))
    #expect(try StoreCheck.run(folder: temporary.folder).differences.isEmpty)
  }

  @Test("an index that cannot be written: saved, the snapshot is new, no stale index is left")
  func indexFailure() throws {
    let temporary = try TemporaryStore()
    let (store, count) = try compactingCommit(temporary, failing: .index)
    #expect(
      store.warnings == [
        "saved; the cache (store.idx) could not be updated: cannot write: No space left on device"
      ])
    #expect(!FileManager.default.fileExists(atPath: temporary.layout.indexPath))
    #expect(try leftovers(temporary).isEmpty)
    #expect(try store.stepRows().count == count)
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.differences.isEmpty && check.hasSnapshot && !check.hasIndex)
    #expect(try reopen(temporary, failing: nil).stepRows().count == count)
    #expect(FileManager.default.fileExists(atPath: temporary.layout.indexPath))
  }

  @Test("a stamps file that cannot be written: saved, the warning names store.stamps, nothing left")
  func stampsFailure() throws {
    let temporary = try TemporaryStore()
    let (store, count) = try compactingCommit(temporary, failing: .stamps)
    #expect(
      store.warnings == [
        "saved; the cache (store.stamps) could not be updated: cannot write: "
          + "No space left on device"
      ])
    #expect(try leftovers(temporary).isEmpty)
    #expect(try store.stepRows().count == count)
    #expect(try reopen(temporary, failing: nil).stepRows().count == count)
    #expect(try StoreCheck.run(folder: temporary.folder).differences.isEmpty)
  }

  @Test("no backup of the old snapshot can be kept: it is not replaced, and the change is saved")
  func backupFailure() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit([.create(temporary.step("Before"))])
    try temporary.store.compact()
    let snapshot = try Data(contentsOf: URL(fileURLWithPath: temporary.layout.snapshotPath))
    let backups = try backupNames(temporary)
    let store = try reopen(temporary, failing: .backup)
    let steps = (0...Store.compactionThreshold).map { temporary.step("Bulk \($0)") }
    try store.commit(steps.map { Change.create($0) })
    #expect(store.warnings.count == 1)
    #expect(
      store.warnings.first?.hasPrefix("saved; the cache (backups/) could not be updated:") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.layout.snapshotPath)) == snapshot)
    #expect(try backupNames(temporary) == backups)
    #expect(try store.loadState().steps.count == steps.count + 1)
    #expect {
      try Store.rebuild(at: temporary.folder, clock: temporary.clock, failing: .backup)
    } throws: { error in
      "\(error)".contains("No space left on device")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.layout.snapshotPath)) == snapshot)
    #expect(try reopen(temporary, failing: nil).loadState().steps.count == steps.count + 1)
    #expect(try StoreCheck.run(folder: temporary.folder).differences.isEmpty)
  }

  @Test("an older operation is merged with the snapshot's stamps; without them, a replay")
  func olderOperationWithoutCache() throws {
    let temporary = try TemporaryStore()
    let step = temporary.step("First title")
    try temporary.store.commit([.create(step)])
    try temporary.store.compact()
    // Another device, working from a copy, renames the step at 09:05 ...
    let other = temporary.folder + "-other"
    defer { try? FileManager.default.removeItem(atPath: other) }
    try FileManager.default.copyItem(atPath: temporary.folder, toPath: other)
    try FileManager.default.removeItem(atPath: other + "/device")
    let otherStore = try Store.open(at: other, clock: at("2026-11-25T09:05:00Z"), person: "li")
    try otherStore.commit([.update(Step.self, id: step.id, [.set(\.title, "At 09:05")])])
    // ... this device renames it at 09:10 and writes its snapshot ...
    let mine = try Store.open(
      at: temporary.folder, clock: at("2026-11-25T09:10:00Z"), person: "tester")
    try mine.commit([.update(Step.self, id: step.id, [.set(\.title, "At 09:10")])])
    try mine.compact()
    // ... and the other device's journal arrives later (git pull): its line is older.
    let otherDevice = try String(contentsOfFile: other + "/device", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try FileManager.default.copyItem(
      atPath: StoreLayout(folder: other).journalPath(for: otherDevice),
      toPath: temporary.layout.journalPath(for: otherDevice))

    // With the snapshot's stamps the older line is merged: nothing needs rewriting.
    let merging = try reopen(temporary, failing: .snapshot)
    #expect(merging.warnings.isEmpty)
    #expect(try merging.loadState().steps[step.id]?.title == "At 09:10")
    // Without them (a store written before they were kept) only the journals are right.
    try FileManager.default.removeItem(atPath: temporary.layout.stampsPath)
    let reader = try reopen(temporary, failing: .snapshot)
    #expect(reader.warnings.count == 1)
    #expect(try reader.loadState().steps[step.id]?.title == "At 09:10")
    let fast = try reopen(temporary, failing: .snapshot)
    let row = try fast.resolveStep(String(step.id.suffix(6)))
    #expect(try fast.steps([row]).first?.title == "At 09:10")
    #expect(try reopen(temporary, failing: nil).loadState().steps[step.id]?.title == "At 09:10")
  }

  // MARK: - Helpers

  /// Commits a step and writes the snapshot and index, reopens the store with writes of
  /// `file` failing, and commits more new steps than a command carries, so that the commit
  /// compacts. Returns the store and how many steps it has.
  private func compactingCommit(
    _ temporary: TemporaryStore, failing file: StoreFile
  ) throws -> (store: Store, steps: Int) {
    try temporary.store.commit([.create(temporary.step("Before"))])
    try temporary.store.compact()
    #expect(FileManager.default.fileExists(atPath: temporary.layout.indexPath))
    let store = try reopen(temporary, failing: file)
    let steps = (0...Store.compactionThreshold).map { temporary.step("Bulk \($0)") }
    try store.commit(steps.map { Change.create($0) })  // a long tail: the commit compacts
    return (store, steps.count + 1)
  }

  private func reopen(_ temporary: TemporaryStore, failing: StoreFile?) throws -> Store {
    try Store.open(
      at: temporary.folder, clock: temporary.clock, person: "tester", failingWrites: failing)
  }

  private func at(_ instant: String) -> Clock {
    Clock.fixed(ISOInstant.parse(instant) ?? Date(timeIntervalSince1970: 0))
  }

  private func journalPath(_ temporary: TemporaryStore) throws -> String? {
    try FileManager.default.contentsOfDirectory(atPath: temporary.layout.journalFolder).first.map {
      temporary.layout.journalFolder + "/" + $0
    }
  }

  /// Temporary files a failed write left in the store folder.
  private func leftovers(_ temporary: TemporaryStore) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: temporary.folder).filter {
      $0.contains(".tmp-")
    }
  }

  private func backupNames(_ temporary: TemporaryStore) throws -> [String] {
    let folder = temporary.layout.backupsFolder
    guard FileManager.default.fileExists(atPath: folder) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }
}
