import Foundation

/// A hybrid logical clock stamp: wall-clock milliseconds, a counter for operations within the
/// same millisecond (or made while the clock stands still, as under `RHYTHM_NOW`), and the
/// device that made it. Stamps order all operations the same way on every machine; per field,
/// the operation with the greatest stamp wins.
public struct Stamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var millis: Int64
  public var counter: Int
  public var device: String

  /// A stamp from its parts.
  public init(millis: Int64, counter: Int, device: String) {
    self.millis = millis
    self.counter = counter
    self.device = device
  }

  /// The instant the operation was made.
  public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

  /// The stamp's time part as the journal writes it: `0001764057300123-0000`.
  public var timeText: String {
    let millisText = String(millis)
    let counterText = String(counter)
    return String(repeating: "0", count: max(0, 16 - millisText.count)) + millisText + "-"
      + String(repeating: "0", count: max(0, 4 - counterText.count)) + counterText
  }

  public var description: String { timeText + "@" + device }

  /// Reads the journal's `ts` text and the device.
  public init?(timeText: String, device: String) {
    let parts = timeText.split(separator: "-")
    guard parts.count == 2, let millis = Int64(parts[0]), let counter = Int(parts[1]) else {
      return nil
    }
    self.init(millis: millis, counter: counter, device: device)
  }

  /// The next stamp for `device` at `now`, greater than `latest` (the greatest stamp seen).
  public static func next(after latest: Stamp?, now: Date, device: String) -> Stamp {
    let wall = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
    guard let latest, latest.millis >= wall else {
      return Stamp(millis: wall, counter: 0, device: device)
    }
    return Stamp(millis: latest.millis, counter: latest.counter + 1, device: device)
  }

  public static func < (lhs: Stamp, rhs: Stamp) -> Bool {
    if lhs.millis != rhs.millis { return lhs.millis < rhs.millis }
    if lhs.counter != rhs.counter { return lhs.counter < rhs.counter }
    return lhs.device < rhs.device
  }
}
