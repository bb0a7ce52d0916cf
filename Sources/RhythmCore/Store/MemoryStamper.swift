import Foundation

/// Turns changes into stamped operations where there is no store: a cockpit over data held in
/// memory only (tests and previews) applies them through the same `StoreState.apply`.
public struct MemoryStamper: Sendable {
  /// The device the stamps name.
  public let device: String
  private var ids = RecordIDGenerator(seed: 0)

  /// A stamper for `device`.
  public init(device: String = "memory") {
    self.device = device
  }

  /// The operations for `changes`, made at `now` by `person`, stamped in order after
  /// `latest` (the state's greatest stamp).
  public mutating func operations(
    for changes: [Change], now: Date, person: String, after latest: Stamp? = nil
  ) -> [Operation] {
    var latest = latest
    return changes.map { change in
      let stamp = Stamp.next(after: latest, now: now, device: device)
      latest = stamp
      return Operation(
        id: ids.next(at: now), kind: change.kind, record: change.id, fields: change.fields,
        prior: [:], stamp: stamp, person: person, change: change)
    }
  }
}
