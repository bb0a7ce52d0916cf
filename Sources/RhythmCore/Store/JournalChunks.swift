import Foundation

/// Reads one journal from a known position on a chunk of whole lines at a time, so that a
/// replay never holds a whole journal (tens of MB) in memory. A line cut by a chunk's end is
/// read again whole at the start of the next chunk (a chunk grows to hold a line longer than
/// it); a last line with no newline is a torn write, left out and reported, as `Journal.Text`
/// does.
struct JournalChunks {
  /// Whole lines of a journal, read at once.
  struct Chunk: @unchecked Sendable {
    let path: String
    let data: Data
    /// The lines, without their newlines (empty ones too: they count as lines).
    let lines: [Range<Int>]
    /// The line number (from 1) of the first line.
    let firstLine: Int
  }

  let path: String
  let chunkSize: Int
  /// Where the whole lines read so far end.
  private(set) var position: JournalPosition
  /// The warning for a torn last line, once the end was reached and there was one.
  private(set) var tornWarning: String?
  private let size: Int
  private var finished = false

  init(path: String, start: JournalPosition, chunkSize: Int) {
    self.path = path
    self.chunkSize = max(1, chunkSize)
    position = start
    size = FileIO.size(path)
  }

  /// The next chunk of whole lines; `nil` at the end.
  mutating func next() throws(RhythmError) -> Chunk? {
    var count = chunkSize
    while !finished, position.bytes < size {
      let data = try FileIO.read(
        path, from: position.bytes, count: min(count, size - position.bytes))
      let atEnd = position.bytes + data.count >= size
      var (lines, isTerminated) = data.lines(in: 0..<data.count)
      if !isTerminated {
        if !atEnd, lines.count == 1 {
          count *= 2  // one line longer than the chunk: read more of it
          continue
        }
        lines.removeLast()
        if atEnd {
          finished = true
          tornWarning = Journal.tornWarning(path: path, line: position.lines + lines.count + 1)
        }
      }
      guard let last = lines.last else { return nil }
      let chunk = Chunk(path: path, data: data, lines: lines, firstLine: position.lines + 1)
      position.bytes += last.upperBound + 1
      position.lines += lines.count
      return chunk
    }
    return nil
  }
}
