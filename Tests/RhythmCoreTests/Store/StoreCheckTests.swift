import Foundation
import Testing

@testable import RhythmCore

/// `StoreCheck` replays the journals and finds where the snapshot or index says otherwise.
@Suite("Store check")
struct StoreCheckTests {
  @Test("a store whose snapshot lags behind its journals agrees with them")
  func cleanStore() throws {
    let temporary = try TemporaryStore()
    let (steps, _) = try filledStore(temporary)
    try temporary.store.commit([.update(Step.self, id: steps[0].id, [.set(\.status, .done)])])
    try temporary.store.commit([.create(temporary.step("In the tail only"))])
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.differences == [])
    #expect(check.operations == 6 + 2)
    #expect(check.journals == 1)
    #expect(check.hasSnapshot && check.hasIndex)
    #expect(check.liveRecords[.step] == 6 && check.liveRecords[.person] == 1)
  }

  @Test("a title changed by hand in store.json is named: kind, short id, field, both values")
  func handEditedSnapshot() throws {
    let temporary = try TemporaryStore()
    let (steps, shorts) = try filledStore(temporary)
    try edit(temporary.layout.snapshotPath) {
      $0.replacingOccurrences(of: "\"title\":\"Step 1\"", with: "\"title\":\"Edited\"")
    }
    let check = try StoreCheck.run(folder: temporary.folder)
    let snapshotDifferences = check.differences.filter { $0.file == "store.json" }
    #expect(
      snapshotDifferences == [
        StoreDifference(
          file: "store.json", kind: .step, record: shorts[steps[1].id], field: "title",
          detail: "\"Edited\" in store.json, \"Step 1\" in the journals")
      ])
    #expect(
      snapshotDifferences.first?.description
        == "store.json: step \(shorts[steps[1].id] ?? ""): title: \"Edited\" in store.json, "
        + "\"Step 1\" in the journals")
    // Editing store.json left store.idx describing the old file.
    #expect(check.differences.contains { $0.file == "store.idx" && $0.detail.contains("stale") })
  }

  @Test("a record that no journal made is named")
  func recordOnlyInSnapshot() throws {
    let temporary = try TemporaryStore()
    _ = try filledStore(temporary)
    let stranger = "01kzzzzzzzzzzzzzzzzzzzzzzz"
    try edit(temporary.layout.snapshotPath) {
      $0.replacingOccurrences(
        of: "\"steps\": [\n",
        with:
          "\"steps\": [\n    {\"due\":\"2026-12-01\",\"id\":\"\(stranger)\",\"owner\":\"maria\","
          + "\"status\":\"open\",\"title\":\"Stranger\"},\n")
    }
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(
      check.differences.contains {
        $0.file == "store.json" && $0.kind == .step && $0.record.map(stranger.hasSuffix) == true
          && $0.detail == "in store.json, but in no journal"
      }, "\(check.differences)")
  }

  @Test("an index left from an older snapshot is stale")
  func staleIndex() throws {
    let temporary = try TemporaryStore()
    _ = try filledStore(temporary)
    let old = try Data(contentsOf: URL(fileURLWithPath: temporary.layout.indexPath))
    try temporary.store.commit([.create(temporary.step("Later"))])
    try temporary.store.compact()
    #expect(try StoreCheck.run(folder: temporary.folder).differences == [])
    try old.write(to: URL(fileURLWithPath: temporary.layout.indexPath))
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.differences.map(\.file) == ["store.idx"])
    #expect(check.differences.first?.detail.contains("another version of store.json") == true)
  }

  @Test("an index entry that disagrees with its snapshot line is named, field by field")
  func wrongIndexEntry() throws {
    let temporary = try TemporaryStore()
    let (steps, shorts) = try filledStore(temporary)
    var index = try Data(contentsOf: URL(fileURLWithPath: temporary.layout.indexPath))
    let id = Data(steps[2].id.utf8)
    let entry = try #require(index.range(of: id, options: .backwards)).lowerBound
    index[entry + 26] = 1  // status: done
    try index.write(to: URL(fileURLWithPath: temporary.layout.indexPath))
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(
      check.differences == [
        StoreDifference(
          file: "store.idx", kind: .step, record: shorts[steps[2].id], field: "status",
          detail: "done in store.idx, open in store.json")
      ])
  }

  @Test("a snapshot that claims more of a journal than there is")
  func positionPastTheJournal() throws {
    let temporary = try TemporaryStore()
    _ = try filledStore(temporary)
    try edit(temporary.layout.snapshotPath) { text in
      guard let range = text.range(of: #""lines":6"#) else { return text }
      return text.replacingCharacters(in: range, with: #""lines":7"#)
    }
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(
      check.differences.contains {
        $0.file == "store.json" && $0.field == "journals" && $0.detail.contains("7 lines")
      }, "\(check.differences)")
  }

  @Test("checking writes nothing, even where the other commands would rewrite the caches")
  func readsOnly() throws {
    let temporary = try TemporaryStore()
    _ = try filledStore(temporary)
    try FileManager.default.removeItem(atPath: temporary.layout.indexPath)
    let before = try FileManager.default.contentsOfDirectory(atPath: temporary.folder).sorted()
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.differences == [] && !check.hasIndex)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: temporary.folder).sorted() == before)
  }

  // MARK: - Helpers

  /// A person and five steps (six operations) in a compacted store; the steps' short ids.
  private func filledStore(_ temporary: TemporaryStore) throws -> ([Step], [String: String]) {
    let steps = (0..<5).map { temporary.step("Step \($0)") }
    try temporary.store.commit([.create(Person(handle: "maria", name: "Maria"))])
    try temporary.store.commit(steps.map { Change.create($0) })
    try temporary.store.compact()
    return (steps, ShortIDs.map(steps.map(\.id)))
  }

  private func edit(_ path: String, _ change: (String) -> String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let changed = change(text)
    #expect(changed != text, "the edit changed nothing")
    try changed.write(toFile: path, atomically: false, encoding: .utf8)
  }
}
