// Fuzz target: a journal line (`Operation(line:)`, over the strict `JSONParser`).
//
// An operation it reads must write a line (`line()`) that reads back as the same operation:
// replay and compaction write what they read.
import RhythmCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let operation = try? Operation(line: UnsafeRawBufferPointer(bytes)) else { return 0 }
  let written = operation.line()
  guard let again = try? Operation(line: Array(written.utf8)), again == operation else {
    fatalError("'\(String(decoding: bytes, as: UTF8.self))' writes '\(written)', which differs")
  }
  return 0
}
