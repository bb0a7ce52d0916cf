import Foundation
import Testing

@testable import RhythmCore

/// `store.stamps` as `StampsFile.encode` writes it from a replayed state.
@Suite("Stamps file: what a replay writes")
struct StampsFileTests {
  @Test("every record's stamps and held fields are in the file, in the order its search expects")
  func encodedEqualsState() throws {
    var random = SplitMix64(seed: 20_261_130_4)
    var held = 0
    for _ in 0..<40 {
      let state = StoreState.replaying(
        PullMergeTests.history(40 + Int(random.next() % 120), &random))
      let bytes = try #require(StampsFile.encode(state, header: SnapshotHeader()))
      let file = try #require(StampsFile(data: Data(bytes)))
      var keys: [RecordKey] = []
      file.eachEntry { key, _ in keys.append(key) }
      let expected = Set(state.stamps.keys).union(state.orphans.keys)
      #expect(keys.count == expected.count)
      #expect(Set(keys) == expected)
      // File order: by kind as `RecordKind.allCases` lists them, then by id bytes.
      let ranks = keys.map { key in
        (RecordKind.allCases.firstIndex(of: key.kind) ?? -1, Array(key.id.utf8))
      }
      #expect(
        zip(ranks, ranks.dropFirst()).allSatisfy { left, right in
          left.0 < right.0 || (left.0 == right.0 && left.1.lexicographicallyPrecedes(right.1))
        })
      for key in expected {
        let entry = try #require(file.entry(key.kind, id: key.id))
        #expect(entry.stamps == state.stamps[key])
        let orphans = state.orphans[key] ?? [:]
        #expect(entry.held.mapValues(\.stamp) == orphans.mapValues(\.stamp))
        #expect(entry.held.mapValues(\.json) == orphans.mapValues(\.json))
        if !orphans.isEmpty { held += 1 }
      }
    }
    // The histories do hold fields of records not created yet.
    #expect(held > 10)
  }
}
