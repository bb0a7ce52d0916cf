import Foundation
import Testing

@testable import RhythmCore

/// Operations from three devices, applied one by one in random arrival orders, give the state a
/// replay gives: per field the greatest stamp wins, whatever order lines arrive in.
@Suite("One apply path: incremental equals replay")
struct ApplyConvergenceTests {
  private static let devices = ["dev-a", "dev-b", "dev-c"]
  private static let stepIDs = ["01step0000000000000000aaaa", "01step0000000000000000bbbb"]
  private static let metricID = "01metric00000000000000cccc"
  private static let reviewID = "01review00000000000000dddd"
  private static let base = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()

  /// Makes one random history: creations, then edits of the same fields from three devices
  /// whose clocks disagree, some operations carrying their typed change and some only their
  /// journal fields (as read from a journal).
  private static func history(_ random: inout SplitMix64) -> [RhythmCore.Operation] {
    var clocks: [String: Stamp] = [:]
    var operations: [RhythmCore.Operation] = []
    func stamp(_ device: String) -> Stamp {
      let now = base.addingTimeInterval(Double(Int(random.next() % 40)))
      let next = Stamp.next(after: clocks[device], now: now, device: device)
      clocks[device] = next
      return next
    }
    func add(_ change: Change, by device: String) {
      let keepsTyped = random.next() % 2 == 0
      operations.append(
        RhythmCore.Operation(
          id: "op\(operations.count)", kind: change.kind, record: change.id,
          fields: change.fields, prior: [:], stamp: stamp(device), person: device,
          change: keepsTyped ? change : nil))
    }
    func device() -> String { devices[Int(random.next() % 3)] }
    for id in stepIDs {
      add(
        .create(
          Step(
            id: id, title: "Draft", owner: "maria",
            due: Day(year: 2026, month: 12, day: 1) ?? .init(ordinal: 0),
            createdAt: base)), by: device())
    }
    add(
      .create(Metric(id: metricID, name: "Leads", owner: "maria", unit: "", target: 10)),
      by: device())
    add(.create(Review(id: reviewID, cadence: "c", occurrence: base, status: .live)), by: device())
    let periods = ["2026-11-16", "2026-11-23", "2026-11-30"]
    for _ in 0..<(8 + Int(random.next() % 25)) {
      let step = stepIDs[Int(random.next() % 2)]
      let roll = random.next() % 11
      let change: Change
      switch roll {
      case 0: change = .update(Step.self, id: step, [.set(\.title, "Title \(random.next() % 5)")])
      case 1:
        let done = random.next() % 2 == 0
        change = .update(
          Step.self, id: step,
          [.set(\.status, done ? .done : .open), .set(\.completedAt, done ? base : nil)])
      case 2:
        change = .update(
          Step.self, id: step,
          [
            .set(
              \.due,
              Day(year: 2026, month: 12, day: 1 + Int(random.next() % 20)) ?? .init(ordinal: 0))
          ])
      case 3:
        change = .update(
          Step.self, id: step, [.set(\.owner, ["maria", "tom", "li"][Int(random.next() % 3)])])
      case 4:
        change = .update(Step.self, id: step, [.set(\.tags, random.next() % 2 == 0 ? ["a"] : [])])
      case 5:
        change = .update(
          Step.self, id: step, [.set(\.deleted, random.next() % 3 == 0 ? true : nil)])
      case 6, 7:
        let period = periods[Int(random.next() % 3)]
        change = .update(
          Metric.self, id: metricID,
          [.entry(\.values, period, random.next() % 4 == 0 ? nil : Double(random.next() % 100))])
      case 8:
        change = .update(
          Metric.self, id: metricID,
          [.set(\.values, [periods[Int(random.next() % 3)]: Double(random.next() % 100)])])
      case 9:
        change = .update(
          Review.self, id: reviewID,
          [.entry(\.checkins, step, random.next() % 2 == 0 ? "done" : "not-done")])
      default:
        change = .update(Review.self, id: reviewID, [.set(\.rating, 1 + Int(random.next() % 10))])
      }
      add(change, by: device())
    }
    return operations
  }

  @Test("500 random histories from three devices: every arrival order equals the replay")
  func incrementalEqualsReplay() {
    var random = SplitMix64(seed: 20_261_130)
    for _ in 0..<500 {
      let operations = Self.history(&random)
      let replayed = StoreState.replaying(operations.sorted { $0.stamp < $1.stamp })
      var shuffled = operations
      for index in shuffled.indices.reversed() {
        shuffled.swapAt(index, Int(random.next() % UInt64(index + 1)))
      }
      var incremental = StoreState()
      for operation in shuffled { incremental.apply(operation) }
      #expect(incremental.fieldMaps() == replayed.fieldMaps())
      #expect(incremental.latestStamp == replayed.latestStamp)
    }
  }

  @Test("a newer edit of a field survives an older operation that arrives after it")
  func olderOperationArrivingLate() throws {
    let id = "01step0000000000000000aaaa"
    let creation = Change.create(
      Step(
        id: id, title: "Draft", owner: "maria",
        due: Day(year: 2026, month: 12, day: 1) ?? .init(ordinal: 0), createdAt: Self.base))
    let old = Change.update(Step.self, id: id, [.set(\.title, "Older")])
    let new = Change.update(Step.self, id: id, [.set(\.title, "Newer")])
    func operation(_ change: Change, _ millis: Int64, _ device: String) -> RhythmCore.Operation {
      RhythmCore.Operation(
        id: "\(millis)", kind: change.kind, record: change.id, fields: change.fields, prior: [:],
        stamp: Stamp(millis: millis, counter: 0, device: device), person: device, change: change)
    }
    let operations = [operation(creation, 1, "a"), operation(new, 3, "a"), operation(old, 2, "b")]
    var cockpit = StoreState()
    for operation in operations { cockpit.apply(operation) }
    #expect(cockpit.steps[id]?.title == "Newer")
    #expect(cockpit.fieldMaps() == StoreState.replaying(operations.reversed()).fieldMaps())
  }
}
