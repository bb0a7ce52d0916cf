// Fuzz target: rules in either syntax (`Rule.compile`: the friendly syntax, `weekly mon
// 10:00`, `monthly last business day`, and RRULE text).
//
// A rule it accepts must print as RRULE text that reads back as the same rule (that text is
// what the store keeps).
import RhythmCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let compiled = try? Rule.compile(text) else { return 0 }
  guard let again = try? Rule(rrule: compiled.rule.description), again == compiled.rule else {
    fatalError("'\(text)' compiles to '\(compiled.rule)', which does not read back")
  }
  return 0
}
