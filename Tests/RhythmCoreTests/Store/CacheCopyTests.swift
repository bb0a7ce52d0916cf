import Foundation
import Testing

@testable import RhythmCore

/// A copied or restored store (new inodes and times, same bytes) keeps its index: it is
/// validated by what the snapshot holds, not by which file it is.
@Suite("Caches that survive a copy")
struct CacheCopyTests {
  private func storeWithIndex() throws -> TemporaryStore {
    let temporary = try TemporaryStore()
    try temporary.store.commit((0..<20).map { .create(temporary.step("Step \($0)")) })
    try temporary.store.compact()
    return temporary
  }

  private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test("a copy of the folder opens with its index, which is not rebuilt")
  func copyKeepsIndex() throws {
    let temporary = try storeWithIndex()
    let copy = temporary.folder + "-copy"
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try FileManager.default.copyItem(atPath: temporary.folder, toPath: copy)
    let layout = StoreLayout(folder: copy)
    // The copy's snapshot is another file (another inode, and a later time).
    let later = Date().addingTimeInterval(120)
    try FileManager.default.setAttributes(
      [.modificationDate: later], ofItemAtPath: layout.snapshotPath)
    let snapshot = try bytes(layout.snapshotPath)
    let index = try bytes(layout.indexPath)
    let store = try Store.open(at: copy, clock: temporary.clock, person: "tester")
    #expect(store.index != nil)
    #expect(try store.stepRows().count == 20)
    #expect(try bytes(layout.snapshotPath) == snapshot)
    #expect(try bytes(layout.indexPath) == index)
  }

  @Test("a snapshot whose bytes changed (same size) is not trusted with the old index")
  func changedContentRebuilds() throws {
    let temporary = try storeWithIndex()
    let layout = temporary.layout
    var snapshot = try bytes(layout.snapshotPath)
    let title = Array("Step 1\"".utf8)
    let range = try #require(snapshot.firstRange(of: title))
    snapshot[range.lowerBound] = UInt8(ascii: "X")  // "Xtep 1": same size, other content
    try snapshot.write(to: URL(fileURLWithPath: layout.snapshotPath))
    let store = try Store.open(at: temporary.folder, clock: temporary.clock, person: "tester")
    let titles = try store.steps(try store.stepRows()).map(\.title)
    #expect(titles.contains("Xtep 1"))
    #expect(!titles.contains("Step 1"))
  }
}
