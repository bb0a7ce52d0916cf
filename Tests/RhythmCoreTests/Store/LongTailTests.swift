import Foundation
import Testing

@testable import RhythmCore

/// A store far behind its journals (`Store+LongTail`): more lines past the snapshot than a
/// command carries are replayed at once onto the snapshot and its stamps, byte-level, and give
/// what a replay of every journal gives: the same snapshot bytes, stamps and answers. Random
/// histories from three devices, a snapshot at a random point of each journal, then more than
/// `compactionTail` lines (many older than the snapshot) past it.
@Suite("Long tail: snapshot + stamps + a byte-level replay of the rest equal a full replay")
struct LongTailTests {
  /// The stamps of every record that decide later writes, as a file keeps them.
  private static func expanded(_ file: StampsFile) -> [String: [String: Stamp]] {
    var result: [String: [String: Stamp]] = [:]
    file.eachEntry { key, entry in
      result[key.kind.rawValue + "/" + key.id] = StampsFile.significant(entry, of: key.kind)
    }
    return result
  }

  /// What every read path answers equals `replayed`.
  private static func expectAnswers(of store: Store, equal replayed: StoreState) throws {
    #expect(try store.records(Step.self) == replayed.steps)
    #expect(try store.records(Metric.self) == replayed.metrics)
    #expect(try store.records(Review.self) == replayed.reviews)
    #expect(try store.records(Person.self) == replayed.people)
    for id in replayed.steps.keys {
      #expect(try store.currentRecord(Step.self, id: id) == replayed.record(Step.self, id: id))
    }
    #expect(try store.stepRows().map(\.id).sorted() == replayed.steps.keys.sorted())
    #expect(try store.loadState().fieldMaps() == replayed.fieldMaps())
  }

  @Test("a random snapshot point, then a long tail: compacted at opening as a rebuild writes it")
  func longTailEqualsReplay() throws {
    var random = SplitMix64(seed: 20_261_201)
    var withOlder = 0
    for _ in 0..<12 {
      let operations = PullMergeTests.history(1_700 + Int(random.next() % 600), &random)
      let replayed = StoreState.replaying(operations)
      let temporary = try TemporaryStore()
      let layout = temporary.layout
      // A snapshot of a random first part of each journal (with its stamps).
      var rests: [String: ArraySlice<RhythmCore.Operation>] = [:]
      for device in PullMergeTests.devices {
        let own = operations.filter { $0.stamp.device == device }
        let cut = Int(random.next() % UInt64(own.count / 2 + 1))
        _ = FileManager.default.createFile(
          atPath: layout.journalPath(for: device),
          contents: Data(PullMergeTests.text(own[..<cut]).utf8))
        rests[device] = own[cut...]
      }
      try Store.rebuild(at: temporary.folder, clock: temporary.clock, person: "tester")
      let snapshotStamp = try #require(try temporary.reopen().snapshot?.header.stamp)
      for device in PullMergeTests.devices {
        try PullMergeTests.append(
          PullMergeTests.text(rests[device] ?? []), to: layout.journalPath(for: device))
      }
      if rests.values.contains(where: { $0.contains { $0.stamp < snapshotStamp } }) {
        withOlder += 1
      }
      // The snapshot cannot be rewritten: the store reads the long tail as it is.
      let standing = try Store.open(
        at: temporary.folder, clock: temporary.clock, person: "tester", failingWrites: .snapshot)
      #expect(standing.cacheFailure != nil)
      #expect(standing.tail.count > standing.compactionTail)
      let header = try #require(standing.snapshot?.header)
      #expect(
        try Journal.hasLines(
          moreThan: standing.compactionTail, folder: layout.journalFolder, from: header.journals))
      try Self.expectAnswers(of: standing, equal: replayed)
      // Opened again: the tail is replayed onto the snapshot at once.
      let compacted = try temporary.reopen()
      #expect(compacted.tail.isEmpty)
      #expect(!(try compacted.hasLongTail()))
      try Self.expectAnswers(of: compacted, equal: replayed)
      #expect(try StoreCheck.run(folder: temporary.folder).differences == [])
      let snapshot = try Data(contentsOf: URL(fileURLWithPath: layout.snapshotPath))
      let stamps = Self.expanded(try #require(compacted.stampsFile))
      // A rebuild from the journals alone writes the same snapshot and stamps.
      try Store.rebuild(at: temporary.folder, clock: temporary.clock, person: "tester")
      let rebuilt = try temporary.reopen()
      #expect(try Data(contentsOf: URL(fileURLWithPath: layout.snapshotPath)) == snapshot)
      #expect(Self.expanded(try #require(rebuilt.stampsFile)) == stamps)
      #expect(rebuilt.index?.count == compacted.index?.count)
    }
    // The histories do bring operations older than their snapshots.
    #expect(withOlder > 6)
  }
}
