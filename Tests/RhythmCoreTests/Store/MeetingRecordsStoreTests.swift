import Foundation
import Testing

@testable import RhythmCore

/// Topics, headlines and decision rights in the store, and stores written before they existed.
@Suite("Meeting records in the store")
struct MeetingRecordsStoreTests {
  @Test("topics, headlines and rights survive compaction and a reopen")
  func roundTrip() throws {
    let temporary = try TemporaryStore()
    let now = temporary.clock.now
    let topic = Topic(id: temporary.store.newID(), title: "Routing", rank: 1, createdAt: now)
    let headline = Headline(
      id: temporary.store.newID(), text: "Won Kestrel", review: "01r", createdAt: now)
    let right = DecisionRight(id: temporary.store.newID(), area: "Pricing", decider: "ruth")
    try temporary.store.commit([.create(topic), .create(headline), .create(right)])
    try temporary.store.compact()
    let state = try temporary.reopen().loadState()
    #expect(state.topics[topic.id] == topic)
    #expect(state.headlines[headline.id] == headline)
    #expect(state.rights[right.id] == right)
    #expect(try temporary.reopen().records(Topic.self)[topic.id] == topic)
  }

  @Test(
    "a snapshot written before these kinds existed opens, and an index of the older layout is rebuilt"
  )
  func olderStore() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit((0..<3).map { Change.create(temporary.step("Step \($0)")) })
    try temporary.store.compact()
    // The snapshot as an older version wrote it: no topics, headlines or rights sections.
    let path = temporary.layout.snapshotPath
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var older = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .filter { !["  \"headlines\": [],", "  \"rights\": [],", "  \"topics\": []"].contains($0) }
    // "topics" was the last key: "teams" is the last one now, without its comma.
    let teams = try #require(older.firstIndex(of: "  \"teams\": [],"))
    older[teams].removeLast()
    #expect(older.count == text.split(separator: "\n", omittingEmptySubsequences: false).count - 3)
    try older.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    let store = try temporary.reopen()
    #expect(try store.loadState().steps.count == 3)
    #expect(try store.records(Topic.self).isEmpty)

    // An index whose magic names the layout before topics, headlines and rights (RHYIDX03)
    // is never read, and opening rebuilds it.
    let indexPath = temporary.layout.indexPath
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: indexPath)))
    #expect(Array(bytes.prefix(8)) == StepIndex.magic)
    #expect(StepIndex.magic == Array("RHYIDX04".utf8))
    let identity = try #require(FileIO.identity(path))
    let snapshot = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(StepIndex.read(path: indexPath, matching: identity, snapshot: snapshot) != nil)
    bytes.replaceSubrange(0..<8, with: Array("RHYIDX03".utf8))
    try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
    #expect(StepIndex.read(path: indexPath, matching: identity, snapshot: snapshot) == nil)
    let reopened = try temporary.reopen()
    #expect(try reopened.stepRows().count == 3)
    let rebuilt = try [UInt8](Data(contentsOf: URL(fileURLWithPath: indexPath)))
    #expect(Array(rebuilt.prefix(8)) == StepIndex.magic)
  }
}
