// Fuzz target: the terminal key decoder (`CursesKeyDecoder`), fed random `wget_wch` results.
//
// The input is a sequence of reads, five bytes each: a tag byte that picks the kind (a
// character, a small one, a `KEY_*` code below 1024, any code, a timeout) and a 32-bit value.
// Each read is decoded, with the following one as the read after an Esc. A key it yields must
// have a canonical string that reads back as the same key (the keymap is written in them).
import RhythmTerminal
import RhythmUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var reads: [CursesKeyDecoder.RawInput] = []
  var offset = 0
  while offset + 5 <= size {
    let value = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(data[offset + 1 + $1]) }
    switch data[offset] % 5 {
    case 0: reads.append(.character(value))
    case 1: reads.append(.character(value % 256))
    case 2: reads.append(.keyCode(Int32(value % 1024)))
    case 3: reads.append(.keyCode(Int32(bitPattern: value)))
    default: reads.append(.timeout)
    }
    offset += 5
  }
  let decoder = CursesKeyDecoder()
  var next = 0
  while next < reads.count {
    let input = reads[next]
    next += 1
    let decoded = decoder.decode(input) {
      guard next < reads.count else { return .timeout }
      next += 1
      return reads[next - 1]
    }
    if case .key(let key) = decoded, KeyEvent(canonical: key.canonical) != key {
      fatalError("\(input) decodes to \(key), whose canonical string reads back differently")
    }
  }
  return 0
}
