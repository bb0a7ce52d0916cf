// Fuzz target: the byte-level snapshot line decoders (`RecordLineDecoder`: steps, decisions,
// reviews), differentially against `JSONDecoder`.
//
// The input is split into lines, decoded one after another sharing strings (as a section is
// read). A record the fast path reads must equal what it reads without sharing, and what
// `JSONDecoder` reads from the same line when that accepts it.
import Foundation

@testable import RhythmCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = UnsafeRawBufferPointer(start: data, count: size)
  var reuse = RecordLineDecoder.Reuse()
  var start = 0
  while start <= size {
    let end = input[start...].firstIndex(of: 0x0A) ?? size
    let line = UnsafeRawBufferPointer(rebasing: input[start..<end])
    check(line, RecordLineDecoder.decode(line, reusing: &reuse), RecordLineDecoder.decode(line))
    check(
      line, RecordLineDecoder.decodeDecision(line, reusing: &reuse),
      RecordLineDecoder.decodeDecision(line))
    check(
      line, RecordLineDecoder.decodeReview(line, reusing: &reuse),
      RecordLineDecoder.decodeReview(line))
    start = end + 1
  }
  return 0
}

private func check<R: Record & Equatable>(_ line: UnsafeRawBufferPointer, _ shared: R?, _ alone: R?)
{
  guard let shared else {
    if alone != nil { fatalError("\(R.self): read alone but not after the previous line") }
    return
  }
  guard shared == alone else {
    fatalError(
      "\(R.self): sharing strings changed the record\n\(shared)\n\(String(describing: alone))")
  }
  let full = try? RecordCoding.makeDecoder().decode(R.self, from: Data(line))
  if let full, full != shared {
    fatalError(
      "\(R.self): '\(String(decoding: line, as: UTF8.self))'\nfast: \(shared)\nfull: \(full)")
  }
}
