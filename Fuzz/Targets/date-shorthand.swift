// Fuzz target: the dates people type (`DateShorthand.parse`).
//
// The first two bytes pick "today" (a day from 2000 to 2179); the rest is the text. A day it
// reads must print as an ISO date that reads back as the same day.
import RhythmCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size >= 2 else { return 0 }
  let today = Day(ordinal: 10_957 + Int32(data[0]) << 8 + Int32(data[1]))  // 2000-01-01 + n
  let text = String(decoding: UnsafeBufferPointer(start: data + 2, count: size - 2), as: UTF8.self)
  guard let day = try? DateShorthand.parse(text, today: today) else { return 0 }
  let year = day.components.year
  if (1...9999).contains(year), (try? DateShorthand.parse(day.description, today: today)) != day {
    fatalError("'\(text)' reads as \(day), which does not read back")
  }
  return 0
}
