import Foundation

@testable import RhythmCore

/// Operations as three devices whose clocks disagree make them, a random device each: what the
/// store's random histories (replay, pull merge, splice) are written with.
struct DeviceHistory {
  /// The instant the devices' clocks start near.
  static let base = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()
  static let devices = ["dev-a", "dev-b", "dev-c"]

  private(set) var operations: [RhythmCore.Operation] = []
  private var clocks: [String: Stamp] = [:]

  /// Adds an operation setting `fields` of the record `id`, from a random device at a random
  /// time of the ten minutes after `base` (its stamp after that device's last).
  mutating func add(
    kind: RecordKind, id: String, _ fields: [String: JSONValue], _ random: inout SplitMix64
  ) {
    let device = Self.devices[Int(random.next() % 3)]
    let now = Self.base.addingTimeInterval(Double(random.next() % 600))
    let stamp = Stamp.next(after: clocks[device], now: now, device: device)
    clocks[device] = stamp
    operations.append(
      RhythmCore.Operation(
        id: "op\(operations.count)", kind: kind, record: id, fields: fields, prior: [:],
        stamp: stamp, person: device))
  }
}
