import Foundation

extension Data {
  /// The lines in `range`, without their newlines, found with `memchr` (indexing `Data` byte by
  /// byte is far too slow for files of many MB). `isTerminated` tells whether the last line
  /// ended with a newline.
  func lines(in range: Range<Int>) -> (lines: [Range<Int>], isTerminated: Bool) {
    withUnsafeBytes { raw -> ([Range<Int>], Bool) in
      guard let base = raw.baseAddress, !range.isEmpty else { return ([], true) }
      var lines: [Range<Int>] = []
      var index = range.lowerBound
      while index < range.upperBound {
        guard let found = memchr(base + index, 0x0A, range.upperBound - index) else {
          lines.append(index..<range.upperBound)
          return (lines, false)
        }
        let newline = base.distance(to: UnsafeRawPointer(found))
        lines.append(index..<newline)
        index = newline + 1
      }
      return (lines, true)
    }
  }
}
