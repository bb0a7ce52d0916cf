import Foundation
import Testing

@testable import RhythmCore

/// `Day.description` and `ISOInstant.format`, written in place, against the string-built
/// forms they replaced.
@Suite("Day and instant formatting")
struct InstantFormatTests {
  private static func referenceDay(_ day: Day) -> String {
    let (year, month, dayOfMonth) = day.components
    return Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(dayOfMonth, 2)
  }

  private static func referenceInstant(_ date: Date) -> String {
    let interval = date.timeIntervalSince1970
    var local = Int(interval.rounded(.down))
    var millis = Int(((interval - Double(local)) * 1000).rounded())
    if millis >= 1000 {
      local += 1
      millis -= 1000
    }
    let days = Int((Double(local) / 86_400).rounded(.down))
    let secondOfDay = local - days * 86_400
    var text = referenceDay(Day(ordinal: Int32(days))) + "T"
    text += Day.pad(secondOfDay / 3600, 2) + ":" + Day.pad(secondOfDay % 3600 / 60, 2) + ":"
    text += Day.pad(secondOfDay % 60, 2)
    if millis > 0 { text += "." + Day.pad(millis, 3) }
    return text + "Z"
  }

  @Test("days and UTC instants read as the string-built forms did, far years too")
  func sameAsBefore() {
    var generator = SplitMix64(seed: 42)
    let edges: [Double] = [
      0, -1, 0.9996, 1_764_000_000, 1_764_000_000.5, 1_764_000_000.001, 253_402_300_799.999,
      253_402_300_800, -62_167_219_200, -62_167_219_201, 4e11, -8e11,
    ]
    let random = (0..<20_000).map { _ -> Double in
      let seconds = Double(Int64(bitPattern: generator.next() % 600_000_000_000) - 200_000_000_000)
      let millis = generator.next() % 3 == 0 ? 0 : Double(generator.next() % 1000) / 1000
      return seconds + millis
    }
    for interval in edges + random {
      let date = Date(timeIntervalSince1970: interval)
      #expect(ISOInstant.format(date) == Self.referenceInstant(date), "\(interval)")
    }
    for ordinal in [Int32(-800_000), -719_529, -719_528, -1, 0, 20_000, 2_932_896, 2_932_897] {
      let day = Day(ordinal: ordinal)
      #expect(day.description == Self.referenceDay(day), "\(ordinal)")
    }
  }
}
