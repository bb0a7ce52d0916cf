import Foundation
import Testing

@testable import RhythmCore

/// A pull merged from the snapshot's stamps (`store.stamps`) equals a replay of every journal:
/// random histories from three devices, a snapshot taken at a random point of each journal,
/// then the rest of the lines arriving (many older than the snapshot), read by a new process,
/// by a process that had the whole state loaded, and by a cockpit's working state.
@Suite("Pull merge: snapshot stamps + older operations equal a full replay")
struct PullMergeTests {
  private static let base = DeviceHistory.base
  static let devices = DeviceHistory.devices

  /// Random operations on a few records of several kinds from three devices whose clocks
  /// disagree: creations (whole, and again over an existing record), single fields, map keys
  /// and whole maps, removals and their undoing, and fields of records not created yet.
  static func history(_ count: Int, _ random: inout SplitMix64) -> [RhythmCore.Operation] {
    var history = DeviceHistory()
    func add(kind: RecordKind, id: String, _ fields: [String: JSONValue]) {
      history.add(kind: kind, id: id, fields, &random)
    }
    for number in 0..<count {
      let id = String(format: "01test%020d", Int(random.next() % 12))
      switch random.next() % 14 {
      case 0...2:
        var step = Step(
          id: id, title: "Step \(number)", owner: ["maria", "li"][number % 2],
          due: Day(year: 2026, month: 12, day: 1 + number % 20) ?? .init(ordinal: 0),
          success: number % 3 == 0 ? nil : "agreed", createdAt: base,
          tags: number % 5 == 0 ? ["a", "b"] : [])
        if number % 6 == 0 {
          step.status = .done
          step.completedAt = base.addingTimeInterval(3600)
        }
        add(kind: .step, id: id, Step.schema.fields(of: step))
      case 3:
        add(kind: .step, id: id, ["status": .string(random.next() % 2 == 0 ? "done" : "open")])
      case 4:
        add(kind: .step, id: id, ["title": .string("Renamed \(number)")])
      case 5:
        add(kind: .step, id: id, ["deleted": random.next() % 2 == 0 ? .bool(true) : .null])
      case 6:
        add(
          kind: .metric, id: id,
          Metric.schema.fields(of: Metric(id: id, name: "Leads", owner: "li", unit: "", target: 5)))
      case 7, 8:
        let period = ["2026-11-16", "2026-11-23", "2026-11-30"][Int(random.next() % 3)]
        add(
          kind: .metric, id: id,
          ["values.\(period)": random.next() % 4 == 0 ? .null : .number(Double(random.next() % 50))]
        )
      case 9:
        add(
          kind: .metric, id: id,
          ["values": .object(["2026-11-23": .number(Double(random.next() % 50))])])
      case 10:
        var review = Review(id: id, cadence: "01cadence", occurrence: base, status: .held)
        review.rating = number % 2 == 0 ? 7 : nil
        add(kind: .review, id: id, Review.schema.fields(of: review))
      case 11:
        add(kind: .review, id: id, ["checkins.01step": .string("done"), "rating": .number(4)])
      case 12:
        add(kind: .person, id: "p\(number % 4)", ["name": .string("Person \(number)")])
      default:
        add(kind: .metric, id: id, ["deleted": .bool(random.next() % 2 == 0)])
      }
    }
    return history.operations
  }

  /// Journal lines of `operations` (a device's, in its own stamp order).
  static func text(_ operations: ArraySlice<RhythmCore.Operation>) -> String {
    operations.map { $0.line() + "\n" }.joined()
  }

  static func append(_ text: String, to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try handle.close()
  }

  /// The stamps of every record that decide later writes, as a file keeps them.
  private static func expanded(_ file: StampsFile) -> [String: [String: Stamp]] {
    var result: [String: [String: Stamp]] = [:]
    file.eachEntry { key, entry in
      result[key.kind.rawValue + "/" + key.id] = StampsFile.significant(entry, of: key.kind)
    }
    return result
  }

  @Test("a random snapshot point, then the rest pulled: every reader equals a full replay")
  func mergedEqualsReplay() throws {
    var random = SplitMix64(seed: 20_261_130)
    var mergedOlder = 0
    for _ in 0..<60 {
      let operations = Self.history(40 + Int(random.next() % 80), &random)
      let replayed = StoreState.replaying(operations)
      let temporary = try TemporaryStore()
      let layout = temporary.layout
      // A snapshot of a random prefix of each journal (written by a replay, with its stamps).
      var rests: [String: ArraySlice<RhythmCore.Operation>] = [:]
      for device in Self.devices {
        let own = operations.filter { $0.stamp.device == device }
        let cut = Int(random.next() % UInt64(own.count + 1))
        _ = FileManager.default.createFile(
          atPath: layout.journalPath(for: device), contents: Data(Self.text(own[..<cut]).utf8))
        rests[device] = own[cut...]
      }
      try Store.rebuild(at: temporary.folder, clock: temporary.clock, person: "tester")
      let before = try temporary.reopen()
      let snapshotHeader = try #require(before.snapshot?.header)
      #expect(before.stampsFile != nil)
      var working = try before.workingState(stepsFrom: Day(ordinal: 0)).state
      var full = try before.loadState()
      var seen = Set<String>()
      _ = before.unseenOperations(&seen)
      // The pull: the rest of every journal arrives.
      for device in Self.devices {
        try Self.append(Self.text(rests[device] ?? []), to: layout.journalPath(for: device))
      }
      if let stamp = snapshotHeader.stamp,
        rests.values.contains(where: { $0.contains { $0.stamp < stamp } })
      {
        mergedOlder += 1
      }
      // A process that had everything loaded takes the pull in.
      full = try before.refresh() ?? full
      #expect(full.fieldMaps() == replayed.fieldMaps())
      // A cockpit's working state takes in the operations with their records' stamps.
      let fresh = before.unseenOperations(&seen)
      working.takeStamps(try #require(before.snapshotStamps(for: fresh)))
      for operation in fresh { working.apply(operation) }
      #expect(working.fieldMaps() == replayed.fieldMaps())
      // A new process merges without rewriting the snapshot, on every read path.
      let after = try temporary.reopen()
      #expect(after.snapshot?.header == snapshotHeader)
      #expect(try after.records(Step.self) == replayed.steps)
      #expect(try after.records(Metric.self) == replayed.metrics)
      #expect(try after.records(Review.self) == replayed.reviews)
      #expect(try after.records(Person.self) == replayed.people)
      for id in Set(operations.map(\.record)) {
        #expect(try after.currentRecord(Step.self, id: id) == replayed.record(Step.self, id: id))
      }
      #expect(try after.stepRows().map(\.id).sorted() == replayed.steps.keys.sorted())
      #expect(try after.loadState().fieldMaps() == replayed.fieldMaps())
      // Compacted from the snapshot, its stamps and the tail: the records and stamps a
      // rebuild from the journals gives.
      try after.compact()
      let compacted = try temporary.reopen()
      #expect(compacted.tail.isEmpty)
      #expect(try compacted.loadState().fieldMaps() == replayed.fieldMaps())
      #expect(try StoreCheck.run(folder: temporary.folder).differences == [])
      let mergedStamps = Self.expanded(try #require(compacted.stampsFile))
      try Store.rebuild(at: temporary.folder, clock: temporary.clock, person: "tester")
      let rebuilt = try temporary.reopen()
      let rebuiltStamps = Self.expanded(try #require(rebuilt.stampsFile))
      #expect(mergedStamps == rebuiltStamps)
    }
    // The histories do bring operations older than their snapshots.
    #expect(mergedOlder > 20)
  }

  @Test("store check compares store.stamps with the journals: a wrong stamp is named")
  func checkedStamps() throws {
    let temporary = try TemporaryStore()
    let step = temporary.step("Checked")
    try temporary.store.commit([.create(step)])
    try temporary.store.commit([.update(Step.self, id: step.id, [.set(\.title, "Renamed")])])
    try temporary.store.compact()
    let store = try temporary.reopen()
    #expect(try StoreCheck.run(folder: temporary.folder).differences == [])
    // A file tied to this snapshot whose title stamp is not the journals'.
    var state = try store.loadState()
    let key = RecordKey(kind: .step, id: step.id)
    let wrong = Stamp(millis: 1, counter: 0, device: "elsewhere")
    state.stamps[key] = try #require(
      StampsFile(data: Data(contentsOf: URL(fileURLWithPath: temporary.layout.stampsPath)))?.entry(
        .step, id: step.id)?.stamps)
    state.stamps[key]?.fields["title"] = wrong
    let header = try #require(store.snapshot?.header)
    try Data(try #require(StampsFile.encode(state, header: header))).write(
      to: URL(fileURLWithPath: temporary.layout.stampsPath))
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.differences.map(\.file) == ["store.stamps"])
    #expect(check.differences.first?.field == "title")
    #expect(
      check.differences.first?.detail.hasPrefix(wrong.description + " in store.stamps") == true)
    // A file made for another snapshot is not read: a warning.
    try Data(try #require(StampsFile.encode(state, header: SnapshotHeader()))).write(
      to: URL(fileURLWithPath: temporary.layout.stampsPath))
    let stale = try StoreCheck.run(folder: temporary.folder)
    #expect(stale.differences == [])
    #expect(stale.warnings.contains { $0.hasPrefix("store.stamps was made for another version") })
  }
}
