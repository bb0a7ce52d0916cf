import Foundation

/// Looks at the journal lines past known positions without reading them as operations: how
/// many there are (newlines counted, no parsing), and which records they touch (the stamp,
/// kind and id read byte-level). A store far behind its journals (a fresh clone 50,000 lines
/// past its checkpoint) decides and prepares its compaction from these, then replays the lines
/// once with `JournalReplay`.
extension Journal {
  /// Whether the journals in `folder` hold more than `limit` whole lines past `positions`.
  /// Reads no more than those lines (a chunk at a time), so it costs little when they do.
  static func hasLines(
    moreThan limit: Int, folder: String, from positions: [String: JournalPosition]
  ) throws(RhythmError) -> Bool {
    var count = 0
    for device in devices(in: folder) {
      let path = folder + "/" + device + "." + fileExtension
      var offset = (positions[device] ?? JournalPosition(bytes: 0, lines: 0)).bytes
      let size = FileIO.size(path)
      while offset < size {
        let data = try FileIO.read(path, from: offset, count: min(256 * 1024, size - offset))
        guard !data.isEmpty else { break }
        count += data.withUnsafeBytes { raw -> Int in
          guard let base = raw.baseAddress else { return 0 }
          var newlines = 0
          var index = 0
          while index < raw.count, let found = memchr(base + index, 0x0A, raw.count - index) {
            newlines += 1
            index = base.distance(to: UnsafeRawPointer(found)) + 1
          }
          return newlines
        }
        if count > limit { return true }
        offset += data.count
      }
    }
    return false
  }

  /// The records that the whole lines of the journals in `folder` past `positions` touch. A
  /// line that cannot be read is left out: replaying it fails, naming it.
  static func touchedRecords(
    folder: String, from positions: [String: JournalPosition]
  ) throws(RhythmError) -> Set<RecordKey> {
    var touched = Set<RecordKey>()
    for device in devices(in: folder) {
      let path = folder + "/" + device + "." + fileExtension
      let start = positions[device] ?? JournalPosition(bytes: 0, lines: 0)
      guard FileIO.size(path) > start.bytes else { continue }
      var chunks = JournalChunks(path: path, start: start, chunkSize: JournalReplay.chunkSize)
      while let chunk = try chunks.next() {
        addRecords(of: chunk, to: &touched)
      }
    }
    return touched
  }

  /// Adds the records the lines of `chunk` touch to `touched`.
  private static func addRecords(of chunk: JournalChunks.Chunk, to touched: inout Set<RecordKey>) {
    var reuse = OperationLineDecoder.Reuse()
    chunk.data.withUnsafeBytes { raw in
      for range in chunk.lines where !range.isEmpty {
        let bytes = UnsafeRawBufferPointer(rebasing: raw[range])
        if let line = OperationLineDecoder.decode(bytes, reusing: &reuse) {
          let id = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[line.record]), as: UTF8.self)
          touched.insert(RecordKey(kind: line.kind, id: id))
        } else if let operation = try? Operation(line: chunk.data[range]) {
          touched.insert(RecordKey(kind: operation.kind, id: operation.record))
        }
      }
    }
  }
}
