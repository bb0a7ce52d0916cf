import Foundation

/// Reads `store.json` (see `SnapshotFormat`): finds the header and the byte range of each
/// section, and decodes a section, or single record lines, only when asked.
struct SnapshotReader {
  let path: String
  let data: Data
  private(set) var header = SnapshotHeader()
  /// Byte range of each section's JSON array (`[` … `]`).
  private(set) var sections: [RecordKind: Range<Int>] = [:]

  /// Reads the file and finds its sections (a line scan, no JSON parsing of records).
  init(path: String, data: Data) throws(RhythmError) {
    self.path = path
    self.data = data
    try scan()
  }

  /// Uses section ranges already known (from a fresh index), reading only the header lines.
  init(path: String, data: Data, sections: [RecordKind: Range<Int>], header: SnapshotHeader) {
    self.path = path
    self.data = data
    self.sections = sections
    self.header = header
  }

  // MARK: - Decoding

  /// Every record of a section, typed, in runs: a large section is read in parts at once, and
  /// the parts are handed over as they are rather than copied into one array.
  func decodeSection<R: Record>(_ type: R.Type) throws(RhythmError) -> [[R]] {
    guard let range = sections[R.kind], range.count > 2 else { return [] }
    if R.self == Step.self, let steps = try decodeQuickly(RecordLineDecoder.decode) as? [[R]] {
      return steps
    }
    if R.self == Decision.self,
      let decisions = try decodeQuickly(RecordLineDecoder.decodeDecision) as? [[R]]
    {
      return decisions
    }
    if R.self == Review.self,
      let reviews = try decodeQuickly(RecordLineDecoder.decodeReview) as? [[R]]
    {
      return reviews
    }
    do {
      return [try RecordCoding.makeDecoder().decode([R].self, from: data[range])]
    } catch {
      throw locateError(in: R.kind)
    }
  }

  /// Every record of a section, read line by line with a byte-level decoder (a line it cannot
  /// read goes through `JSONDecoder`, which names any error). A large section is read in two
  /// halves at once, one per core.
  private func decodeQuickly<R: Record>(
    _ decode: @escaping @Sendable (UnsafeRawBufferPointer, inout RecordLineDecoder.Reuse) -> R?
  ) throws(RhythmError) -> [[R]] {
    let lines = lineRanges(of: R.kind)
    let parts = lines.count >= SnapshotReader.linesWorthSplitting ? 2 : 1
    let halves = Halves<R>(count: parts)
    let data = self.data
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var reuse = RecordLineDecoder.Reuse()
      var records: [R] = []
      var slow: [Range<Int>] = []
      let chunk = lines[(lines.count * part / parts)..<(lines.count * (part + 1) / parts)]
      records.reserveCapacity(chunk.count)
      data.withUnsafeBytes { raw in
        for line in chunk {
          if let record = decode(UnsafeRawBufferPointer(rebasing: raw[line]), &reuse) {
            records.append(record)
          } else {
            slow.append(line)
          }
        }
      }
      halves.put(part, records: records, slow: slow)
    }
    var runs: [[R]] = []
    var slow: [Range<Int>] = []
    for part in 0..<parts {
      let half = halves.take(part)
      runs.append(half.records)
      slow += half.slow
    }
    var slowRecords: [R] = []
    for line in slow {
      do {
        slowRecords.append(try RecordCoding.makeDecoder().decode(R.self, from: data[line]))
      } catch {
        throw locateError(in: R.kind)
      }
    }
    if !slowRecords.isEmpty { runs.append(slowRecords) }
    return runs
  }

  /// Sections with fewer lines are read on one thread (starting a second costs more).
  static let linesWorthSplitting = 8_192

  /// The records of a section as field maps, parsed line by line.
  func fieldMaps(of kind: RecordKind) throws(RhythmError) -> [(
    id: String, fields: [String: JSONValue]
  )] {
    var result: [(String, [String: JSONValue])] = []
    try forEachLine(of: kind) { (line, _) throws(RhythmError) in
      let fields = try parseLine(line)
      guard let id = fields["id"]?.stringValue else {
        throw corrupt(at: line.lowerBound, reason: "a record has no id")
      }
      result.append((id, fields))
    }
    return result
  }

  /// Parses the record line in `range` into its fields.
  func parseLine(_ range: Range<Int>) throws(RhythmError) -> [String: JSONValue] {
    do {
      guard case .object(let fields) = try JSONParser.parse(data[range]) else {
        throw corrupt(at: range.lowerBound, reason: "a record must be a JSON object")
      }
      return fields
    } catch let error as JSONSyntaxError {
      throw corrupt(at: range.lowerBound + error.offset, reason: error.reason)
    } catch let error as RhythmError {
      throw error
    } catch {
      throw corrupt(at: range.lowerBound, reason: "\(error)")
    }
  }

  /// Calls `body` with the byte range of each record line of a section (without indentation
  /// and trailing comma).
  func forEachLine(
    of kind: RecordKind, _ body: (Range<Int>, Int) throws(RhythmError) -> Void
  ) throws(RhythmError) {
    for (ordinal, line) in lineRanges(of: kind).enumerated() {
      try body(line, ordinal)
    }
  }

  /// The byte ranges of a section's record lines, found with `memchr` (Data's own indexing is
  /// far too slow for 15 MB).
  func lineRanges(of kind: RecordKind) -> [Range<Int>] {
    guard let range = sections[kind], range.count > 2 else { return [] }
    // Past "[\n", up to the closing "]".
    let (lines, _) = data.lines(in: (range.lowerBound + 2)..<(range.upperBound - 1))
    return data.withUnsafeBytes { raw in
      lines.compactMap { line in
        var start = line.lowerBound
        var end = line.upperBound
        while start < end, raw[start] == 0x20 { start += 1 }
        if end > start, raw[end - 1] == UInt8(ascii: ",") { end -= 1 }
        return end > start ? start..<end : nil
      }
    }
  }

  // MARK: - Errors

  /// The first bad spot in a section that failed to decode: a JSON syntax error, or the first
  /// record that is not a valid record of its kind.
  private func locateError(in kind: RecordKind) -> RhythmError {
    var found: RhythmError?
    do {
      try forEachLine(of: kind) { (line, _) throws(RhythmError) in
        _ = try parseLine(line)
      }
    } catch {
      found = error
    }
    if let found { return found }
    return corrupt(
      at: sections[kind]?.lowerBound ?? 0,
      reason: "a record in '\(SnapshotFormat.sectionName(kind))' is not a valid \(kind.rawValue)")
  }

  private func corrupt(at offset: Int, reason: String) -> RhythmError {
    let (line, column) = JSONSyntaxError(offset: offset, reason: reason).position(in: data)
    return .corrupt(
      path: path, line: line, column: column, reason: reason,
      recovery: "the file was left as it is; run `rhythm store rebuild` to rebuild it from the "
        + "journals (the previous snapshot is in backups/)")
  }

  // MARK: - Structure

  private mutating func scan() throws(RhythmError) {
    guard data.first == UInt8(ascii: "{") else { throw corrupt(at: 0, reason: "expected '{'") }
    var current: (kind: RecordKind, start: Int)?
    var sawSchema = false
    for line in data.lines(in: 0..<data.count).lines {
      let newline = line.upperBound
      if let open = current {
        // Inside a section: record lines until the closing "  ]".
        if line.count >= 3, data[line.lowerBound + 2] == UInt8(ascii: "]"),
          data[line.lowerBound] == 0x20, data[line.lowerBound + 1] == 0x20
        {
          sections[open.kind] = open.start..<(line.lowerBound + 3)
          current = nil
        } else if line.count < 5 || data[line.lowerBound + 4] != UInt8(ascii: "{") {
          throw corrupt(at: line.lowerBound, reason: "expected a record line or '  ]'")
        }
        continue
      }
      guard line.count > 4, data[line.lowerBound + 2] == UInt8(ascii: "\"") else {
        if line.count == 1
          && (data[line.lowerBound] == UInt8(ascii: "{")
            || data[line.lowerBound] == UInt8(ascii: "}"))
          || line.isEmpty
        {
          continue
        }
        throw corrupt(at: line.lowerBound, reason: "unexpected line")
      }
      guard let colon = data[line].firstIndex(of: UInt8(ascii: ":")), colon >= line.lowerBound + 4
      else {
        throw corrupt(at: line.lowerBound, reason: "expected '\"key\": value'")
      }
      let key = String(decoding: data[(line.lowerBound + 3)..<(colon - 1)], as: UTF8.self)
      var valueStart = colon + 1
      while valueStart < newline, data[valueStart] == 0x20 { valueStart += 1 }
      var valueEnd = newline
      if valueEnd > valueStart, data[valueEnd - 1] == UInt8(ascii: ",") { valueEnd -= 1 }
      if let kind = SnapshotFormat.kind(forSection: key) {
        let opening = data[valueStart..<valueEnd]
        guard opening.elementsEqual("[]".utf8) || opening.elementsEqual("[".utf8) else {
          throw corrupt(at: valueStart, reason: "expected '[' or '[]' after \"\(key)\":")
        }
        if valueEnd - valueStart == 2 {
          sections[kind] = valueStart..<valueEnd  // "[]"
        } else {
          current = (kind, valueStart)
        }
        continue
      }
      let value: JSONValue
      do {
        value = try JSONParser.parse(data[valueStart..<valueEnd])
      } catch {
        throw corrupt(at: valueStart + error.offset, reason: error.reason)
      }
      switch key {
      case "schemaVersion":
        guard let version = value.numberValue.flatMap(Int.init(exactly:)) else {
          throw corrupt(at: valueStart, reason: "schemaVersion must be a whole number")
        }
        header.schemaVersion = version
        sawSchema = true
        if header.schemaVersion > SnapshotFormat.schemaVersion {
          throw .unsupportedSchema(path: path, version: header.schemaVersion)
        }
      case "journals":
        guard case .object(let devices) = value else {
          throw corrupt(at: valueStart, reason: "journals must be an object")
        }
        for (device, entry) in devices {
          guard case .object(let position) = entry,
            let bytes = position["bytes"]?.numberValue.flatMap(Int.init(exactly:)), bytes >= 0,
            let lines = position["lines"]?.numberValue.flatMap(Int.init(exactly:)), lines >= 0
          else { throw corrupt(at: valueStart, reason: "bad journal position for \(device)") }
          header.journals[device] = JournalPosition(bytes: bytes, lines: lines)
        }
      case "stamp":
        if let text = value.stringValue {
          let parts = text.split(separator: "@", maxSplits: 1)
          if parts.count == 2 {
            header.stamp = Stamp(timeText: String(parts[0]), device: String(parts[1]))
          }
        }
      default:
        continue  // unknown keys from a newer minor version are ignored
      }
    }
    if current != nil { throw corrupt(at: data.count, reason: "a section is not closed") }
    if !sawSchema { throw corrupt(at: 0, reason: "no schemaVersion") }
  }
}

/// What each half of a section read at once produced, handed back under a lock.
private final class Halves<R: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  /// Guarded by `lock`.
  private var parts: [(records: [R], slow: [Range<Int>])]

  init(count: Int) {
    parts = Array(repeating: ([], []), count: count)
  }

  func put(_ part: Int, records: [R], slow: [Range<Int>]) {
    lock.withLock { parts[part] = (records, slow) }
  }

  /// The part's results, left empty behind (so they are moved, not copied).
  func take(_ part: Int) -> (records: [R], slow: [Range<Int>]) {
    lock.withLock {
      let taken = parts[part]
      parts[part] = ([], [])
      return taken
    }
  }
}
