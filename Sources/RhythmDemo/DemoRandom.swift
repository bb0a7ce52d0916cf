import Foundation
import RhythmCore

/// The demo's seeded dice: the same seed always rolls the same numbers, on every platform.
struct DemoRandom {
  private var source: SplitMix64

  init(seed: UInt64) {
    source = SplitMix64(seed: seed)
  }

  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(source.next() % UInt64(range.count))
  }

  /// A number in [0, 1).
  mutating func unit() -> Double {
    Double(source.next() >> 11) / Double(UInt64(1) << 53)
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// One of `items`, which must not be empty (the demo's tables never are).
  mutating func pick<T>(_ items: [T]) -> T {
    items[int(0...(items.count - 1))]
  }
}
