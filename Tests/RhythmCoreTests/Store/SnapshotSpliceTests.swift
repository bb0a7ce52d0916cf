import Foundation
import Testing

@testable import RhythmCore

/// A compaction that splices what its tail touched into the snapshot (`SnapshotSplice`) writes
/// what a compaction of the whole state writes: the same snapshot bytes, the same stamps file,
/// and an index with the same entries. Random histories from three devices, a snapshot at a
/// random point of each journal, then a tail short (merged as operations) or long (replayed
/// at once): records made, edited, removed and made again, of every kind the store reads
/// byte-level and some it reads through their schema, ids that share their endings, steps of
/// reviews made or moved to another cadence after the snapshot.
@Suite("Snapshot splice: copying untouched lines equals rewriting every record")
struct SnapshotSpliceTests {
  private static let base = DeviceHistory.base
  private static let devices = DeviceHistory.devices

  private static func history(
    _ count: Int, pool: Int, _ random: inout SplitMix64
  ) -> [RhythmCore.Operation] {
    var history = DeviceHistory()
    func add(kind: RecordKind, id: String, _ fields: [String: JSONValue]) {
      history.add(kind: kind, id: id, fields, &random)
    }
    for number in 0..<count {
      // Two ids of each number share their last 20 characters (their short ids are longer).
      let id =
        ["01tesa", "01tesb"][Int(random.next() % 2)]
        + String(format: "%020d", Int(random.next() % UInt64(pool)))
      let review = String(format: "01revw%020d", Int(random.next() % 6))
      switch random.next() % 16 {
      case 0...4:
        var step = Step(
          id: id, title: number % 7 == 0 ? "Quote \"this\"\n and é" : "Step \(number)",
          owner: ["maria", "li", "ana"][number % 3],
          due: Day(year: 2026, month: 12, day: 1 + number % 20) ?? .init(ordinal: 0),
          success: number % 3 == 0 ? nil : "agreed", createdAt: base,
          review: number % 4 == 0 ? nil : review, tags: number % 5 == 0 ? ["a", "b"] : [])
        if number % 6 == 0 {
          step.status = .done
          step.completedAt = base.addingTimeInterval(3600.5)
        }
        var fields = Step.schema.fields(of: step)
        if number % 11 == 5 { fields["deleted"] = .bool(true) }
        add(kind: .step, id: id, fields)
      case 5:
        add(kind: .step, id: id, ["status": .string(random.next() % 2 == 0 ? "done" : "open")])
      case 6:
        add(kind: .step, id: id, ["title": .string("Renamed \(number)"), "deleted": .null])
      case 7:
        add(kind: .step, id: id, ["owner": .string("p\(number % 5)")])
      case 8:
        add(
          kind: .decision, id: id,
          Decision.schema.fields(
            of: Decision(id: id, text: "Decide \(number)", review: review, createdAt: base)))
      case 9:
        var made = Review(id: review, cadence: "01cadence", occurrence: base, status: .held)
        made.rating = number % 2 == 0 ? 7 : nil
        add(kind: .review, id: review, Review.schema.fields(of: made))
      case 10:
        add(kind: .review, id: review, ["cadence": .string(["01cadence", "01other"][number % 2])])
      case 11:
        // A nested "id" sorting before the record's own.
        add(kind: .review, id: review, ["checkins.id": .string("done")])
      case 12:
        add(
          kind: .metric, id: id,
          Metric.schema.fields(of: Metric(id: id, name: "Leads", owner: "li", unit: "", target: 5)))
      case 13:
        add(kind: .metric, id: id, ["values.2026-11-23": .number(Double(random.next() % 50))])
      case 14:
        add(kind: .person, id: "p\(number % 5)", ["name": .string("Person \(number)")])
      default:
        add(kind: .decision, id: id, ["deleted": .bool(random.next() % 2 == 0)])
      }
    }
    return history.operations
  }

  /// Compacts `store` as its compaction does, through the splice (which must be possible) or
  /// through the whole state. Returns whether the tail was long (replayed at once).
  @discardableResult
  private static func compact(_ store: Store, splicing: Bool) throws -> Bool {
    store.compactedStamps = nil
    try store.readSnapshot()
    let long = try store.hasLongTail()
    if long {
      if splicing {
        try store.write(try #require(try store.longTailSplice()))
      } else {
        try store.write(try store.longTailState())
      }
    } else {
      try store.readTails()
      if splicing {
        try store.write(try #require(try store.tailSplice()))
      } else {
        try store.write(try store.snapshotState())
      }
    }
    return long
  }

  /// Everything an index says of each step and review, strings spelled out.
  private static func described(_ index: StepIndex) -> [String] {
    var rows = RecordKind.allCases.map { "\($0): \(index.sections[$0] ?? 0..<0)" }
    for position in 0..<index.count {
      let entry = index.entry(at: position)
      let cadence = entry.cadence == StepIndex.noCadence ? "-" : index.strings[Int(entry.cadence)]
      rows.append(
        "\(entry.id) \(entry.status) \(entry.shortLength) \(index.strings[Int(entry.owner)]) "
          + "\(cadence) \(entry.due) \(entry.completedMillis) \(entry.line)")
    }
    for review in index.reviews {
      rows.append("\(review.id) \(index.strings[Int(review.cadence)])")
    }
    return rows
  }

  /// Every entry of a stamps file, spelled out in order (a record's fields are written in the
  /// order its dictionary gives them, which differs from one dictionary to another).
  private static func described(_ file: StampsFile) -> [String] {
    var rows = [file.tie]
    file.eachEntry { key, entry in
      let stamps = entry.stamps.map { stamps in
        "\(stamps.base.map(\.description) ?? "-") \(stamps.made) "
          + stamps.fields.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }.joined(
            separator: ",")
      }
      let held = entry.held.sorted { $0.key < $1.key }.map {
        "\($0.key)=\($0.value.json.serialized())@\($0.value.stamp)"
      }
      rows.append("\(key.kind)/\(key.id): \(stamps ?? "none") held \(held)")
    }
    return rows
  }

  /// A store of `operations` whose snapshot holds a random first part of each journal, the
  /// rest past it; opened with its compaction failing, to be compacted by hand.
  private static func store(
    _ operations: [RhythmCore.Operation], tail: Int, in temporary: TemporaryStore,
    _ random: inout SplitMix64
  ) throws -> (folder: String, cut: Int) {
    let layout = temporary.layout
    var rests: [String: ArraySlice<RhythmCore.Operation>] = [:]
    let snapshotted = operations.count - tail
    var cut = 0
    for device in devices {
      let own = operations.filter { $0.stamp.device == device }
      let mine = own.count * snapshotted / operations.count
      let split = max(0, min(own.count, mine + Int(random.next() % 5) - 2))
      cut += split
      _ = FileManager.default.createFile(
        atPath: layout.journalPath(for: device),
        contents: Data(PullMergeTests.text(own[..<split]).utf8))
      rests[device] = own[split...]
    }
    try Store.rebuild(at: temporary.folder, clock: temporary.clock, person: "tester")
    for device in devices {
      try PullMergeTests.append(
        PullMergeTests.text(rests[device] ?? []), to: layout.journalPath(for: device))
    }
    return (temporary.folder, cut)
  }

  @Test("random histories and tails: the splice writes what a whole compaction writes")
  func spliceEqualsWholeCompaction() throws {
    var random = SplitMix64(seed: 20_261_130_5)
    var long = 0
    var spliced = 0
    for round in 0..<24 {
      let count = 300 + Int(random.next() % 1_500)
      let operations = Self.history(count, pool: 40 + Int(random.next() % 300), &random)
      // Tails of a few lines (sections left untouched), of hundreds, and past what a command
      // carries (`compactionTail`, 512 here).
      let tail = [1 + Int(random.next() % 4), 20 + Int(random.next() % 400), 600][round % 3]
      let temporary = try TemporaryStore()
      let (folder, _) = try Self.store(
        operations, tail: min(tail, operations.count), in: temporary, &random)
      let copy = folder + "-whole"
      try FileManager.default.copyItem(atPath: folder, toPath: copy)
      defer { try? FileManager.default.removeItem(atPath: copy) }
      var compacted:
        [(snapshot: Data, stamps: [String], index: [String], header: SnapshotHeader?)] =
          []
      for (path, splicing) in [(folder, true), (copy, false)] {
        let store = try Store.open(
          at: path, clock: temporary.clock, person: "tester", failingWrites: .snapshot)
        store.failingWrites = nil
        store.cacheFailure = nil
        store.splicesCompactions = splicing
        if try Self.compact(store, splicing: splicing), splicing { long += 1 }
        if splicing { spliced += 1 }
        let layout = StoreLayout(folder: path)
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: layout.snapshotPath))
        let index = try #require(store.index)
        // The index matches the snapshot by content too (its checksum), not only by file.
        let identity = try #require(FileIO.identity(layout.snapshotPath))
        let moved = FileIdentity(size: identity.size, seconds: 0, nanoseconds: 0, inode: 0)
        #expect(StepIndex.read(path: layout.indexPath, matching: moved, snapshot: snapshot) != nil)
        compacted.append(
          (
            snapshot, Self.described(try #require(store.stampsFile)), Self.described(index),
            store.snapshot?.header
          ))
      }
      #expect(compacted[0].snapshot == compacted[1].snapshot)
      #expect(compacted[0].stamps == compacted[1].stamps)
      #expect(compacted[0].index == compacted[1].index)
      #expect(compacted[0].header == compacted[1].header)
      // And the spliced store answers as its journals say.
      #expect(try StoreCheck.run(folder: folder).differences == [])
    }
    #expect(spliced == 24)
    #expect(long >= 5)
  }
}
