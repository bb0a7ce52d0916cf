// Fuzz target: the capture line (`QuickAdd.parse`) and its completion
// (`QuickAddCompletion.token(at:in:)`).
//
// The first byte is the cursor for completion; the next two pick "today" (2000 to 2179); the
// rest is the line. A token's range must lie within the line.
import RhythmCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size >= 3 else { return 0 }
  let cursor = Int(data[0]) - 8
  let today = Day(ordinal: 10_957 + Int32(data[1]) << 8 + Int32(data[2]))
  let text = String(decoding: UnsafeBufferPointer(start: data + 3, count: size - 3), as: UTF8.self)
  if let capture = try? QuickAdd.parse(text, today: today), capture.title.isEmpty {
    fatalError("'\(text)' reads with an empty title")
  }
  if let token = QuickAddCompletion.token(at: cursor, in: text) {
    guard token.range.lowerBound >= 0, token.range.upperBound <= text.count else {
      fatalError("'\(text)' at \(cursor): token range \(token.range) is outside the line")
    }
    _ = QuickAddCompletion.candidates(prefix: token.prefix, from: QuickAddCompletion.dateWords)
  }
  return 0
}
