// Fuzz target: RRULE text (`Rule(rrule:)`).
//
// A rule it accepts must print as RRULE text that reads back as the same rule, and its first
// occurrences (from a start in a zone with daylight saving) must come strictly in order.
import Foundation
import RhythmCore

private let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 0) ?? .current
/// 2026-03-02 09:30, four weeks before the clocks go forward.
private let start = LocalDateTime(day: Day(ordinal: 20_514), time: TimeOfDay(secondOfDay: 34_200))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let rule = try? Rule(rrule: text) else { return 0 }
  guard let again = try? Rule(rrule: rule.description), again == rule else {
    fatalError("'\(text)' reads as '\(rule)', which does not read back as the same rule")
  }
  let schedule = Schedule(rule: rule, start: start, timeZone: zone)
  var previous: Date?
  for date in schedule.occurrences().prefix(6) {
    if let previous, date <= previous {
      fatalError("'\(rule)': \(date) comes after \(previous)")
    }
    previous = date
  }
  return 0
}
