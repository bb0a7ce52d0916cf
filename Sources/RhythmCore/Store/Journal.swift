import Foundation

/// How far a device's journal has been read: bytes and whole lines.
struct JournalPosition: Equatable, Sendable {
  var bytes: Int
  var lines: Int
}

/// What reading the journals past known positions found.
struct JournalTail {
  var operations: [Operation] = []
  var positions: [String: JournalPosition] = [:]
  var warnings: [String] = []
}

/// Reads the per-device journals (`journal/<device>.jsonl`): whole lines only. A last line
/// with no newline is a write that a crash cut short: it was never reported done, so it is
/// reported and skipped (and the device's next writer cuts it off). Any other line that is not
/// a valid operation is corruption, reported with file, line and column, and never rewritten.
enum Journal {
  static let fileExtension = "jsonl"

  /// The devices that have a journal in `folder`.
  static func devices(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix("." + fileExtension) }
      .map { String($0.dropLast(fileExtension.count + 1)) }
      .sorted()
  }

  /// Reads every journal in `folder` past `positions`.
  static func readTails(
    folder: String, from positions: [String: JournalPosition]
  ) throws(RhythmError) -> JournalTail {
    var tail = JournalTail()
    tail.positions = positions
    for device in devices(in: folder) {
      let path = folder + "/" + device + "." + fileExtension
      let start = positions[device] ?? JournalPosition(bytes: 0, lines: 0)
      guard FileIO.size(path) > start.bytes else { continue }
      let data = try FileIO.read(path, from: start.bytes)
      let end = try parse(data, path: path, start: start, into: &tail)
      tail.positions[device] = end
    }
    return tail
  }

  /// Byte length of the whole lines at the start of `path` (where a torn tail begins). Reads
  /// backwards from the end in small chunks: a journal can be tens of MB.
  static func wholeLinesLength(of path: String) throws(RhythmError) -> Int {
    let size = FileIO.size(path)
    var end = size
    while end > 0 {
      let start = max(0, end - 4096)
      let chunk = try FileIO.read(path, from: start, count: end - start)
      if let newline = chunk.lastIndex(of: 0x0A) { return start + (newline - chunk.startIndex) + 1 }
      end = start
    }
    return 0
  }

  /// The last operation line of `path`, when it has one (the device's latest stamp).
  static func lastOperation(of path: String) throws(RhythmError) -> Operation? {
    let length = try wholeLinesLength(of: path)
    guard length > 0 else { return nil }
    let window = min(length, 64 * 1024)
    let data = try FileIO.read(path, from: length - window, count: window)
    let lines = data.split(separator: 0x0A)
    for line in lines.reversed() {
      if let operation = try? Operation(line: Array(line)) { return operation }
    }
    return nil
  }

  /// Reads the whole lines of `data` (the journal `path` from `start` on) into `tail`; returns
  /// where they end.
  static func parse(
    _ data: Data, path: String, start: JournalPosition, into tail: inout JournalTail
  ) throws(RhythmError) -> JournalPosition {
    let text = Text(path: path, data: data, start: start)
    if let torn = text.tornWarning { tail.warnings.append(torn) }
    for (offset, line) in text.lines.enumerated() where !line.isEmpty {
      do {
        tail.operations.append(try Operation(line: data[line]))
      } catch {
        let column = error.position(in: data[line]).column
        throw .corrupt(
          path: path, line: start.lines + offset + 1, column: column, reason: error.reason,
          recovery: "the journal is never rewritten: fix or remove that line by hand, "
            + "then run `rhythm store check`")
      }
    }
    return text.end
  }

  /// What a torn last line (`line` of `path`) is reported as.
  static func tornWarning(path: String, line: Int) -> String {
    "\(path):\(line): skipped a torn last line (a write cut short by a crash; it was never "
      + "reported done, and the next change repairs the file)"
  }

  /// A journal's bytes from a known position on, cut into whole lines: a last line with no
  /// newline (a torn write) is left out and reported.
  struct Text: @unchecked Sendable {
    let path: String
    let data: Data
    let start: JournalPosition
    /// The whole lines, without their newlines (empty ones too: they count as lines).
    let lines: [Range<Int>]
    /// Where the whole lines end.
    let end: JournalPosition
    /// The warning for a torn last line, if there is one.
    let tornWarning: String?

    init(path: String, data: Data, start: JournalPosition) {
      self.path = path
      self.data = data
      self.start = start
      var (lines, isTerminated) = data.lines(in: 0..<data.count)
      var torn: String?
      if !isTerminated, !lines.isEmpty {
        lines.removeLast()
        torn = Journal.tornWarning(path: path, line: start.lines + lines.count + 1)
      }
      self.lines = lines
      tornWarning = torn
      end = JournalPosition(
        bytes: start.bytes + (lines.last.map { $0.upperBound + 1 } ?? 0),
        lines: start.lines + lines.count)
    }
  }
}
