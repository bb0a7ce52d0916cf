import Foundation

/// The record lines of one section of a snapshot, in file order (by the UTF-8 bytes of their
/// ids), found by id without decoding them: for steps through the step index (the section's
/// bytes are not read), for the other kinds through the section's lines, whose ids are read
/// only where a binary search looks.
struct SnapshotLines {
  private let data: Data
  /// The step index's entries (its bytes and where the entries start), for steps.
  private let entries: (data: Data, start: Int)?
  private let lines: [Range<Int>]
  /// How many record lines the section holds.
  let count: Int

  /// The lines of `kind`'s section of `snapshot`, whose step index is `index`.
  init(_ kind: RecordKind, of snapshot: SnapshotReader, index: StepIndex) {
    data = snapshot.data
    if kind == .step {
      entries = (index.data, index.entriesStart)
      lines = []
      count = index.count
    } else {
      entries = nil
      lines = snapshot.lineRanges(of: kind)
      count = lines.count
    }
  }

  /// The bytes of the record's JSON object at `position` (no indentation, no comma).
  func content(at position: Int) -> Range<Int> {
    guard let entries else { return lines[position] }
    return entries.data.withUnsafeBytes { raw in
      let start = entries.start + position * StepIndex.entrySize
      let length = Int(
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 36, as: UInt32.self)))
      let offset = Int(
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 48, as: UInt64.self)))
      return offset..<(offset + length)
    }
  }

  /// The position of the first line whose id does not sort before `id` (`count` when none),
  /// looking from `from` on (`GallopingSearch`: ids looked for in order lie close to each
  /// other).
  func lowerBound(of id: [UInt8], from: Int = 0) -> Int {
    GallopingSearch.lowerBound(from: from, count: count) { order(at: $0, against: id) < 0 }
      ?? count
  }

  /// Whether the line at `position` is the record `id`'s.
  func holds(_ id: [UInt8], at position: Int) -> Bool {
    position < count && order(at: position, against: id) == 0
  }

  /// The order of the id of the line at `position` against `id`: negative when it comes first.
  private func order(at position: Int, against id: [UInt8]) -> Int {
    if let entries {
      return entries.data.withUnsafeBytes { raw in
        let start = entries.start + position * StepIndex.entrySize
        var end = start + 26
        while end > start, raw[end - 1] == 0x20 { end -= 1 }
        return SnapshotLines.order(UnsafeRawBufferPointer(rebasing: raw[start..<end]), id)
      }
    }
    let found = data.withUnsafeBytes { raw in
      SnapshotLines.topLevelID(in: UnsafeRawBufferPointer(rebasing: raw[lines[position]]))
    }
    return found.withUnsafeBytes { SnapshotLines.order($0, id) }
  }

  private static func order(_ left: UnsafeRawBufferPointer, _ right: [UInt8]) -> Int {
    for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
    return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
  }

  /// The UTF-8 bytes of the `"id"` of a record line's top-level object (a nested object's
  /// `"id"`, such as an agenda item's, is passed over); empty when it has none.
  static func topLevelID(in line: UnsafeRawBufferPointer) -> [UInt8] {
    var depth = 0
    var position = 0
    while position < line.count {
      let byte = line[position]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        position += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        position += 1
      case UInt8(ascii: "\""):
        let end = stringEnd(in: line, from: position)
        let isKey = end + 1 < line.count && line[end + 1] == UInt8(ascii: ":")
        if depth == 1, isKey, end - position == 3, line[position + 1] == UInt8(ascii: "i"),
          line[position + 2] == UInt8(ascii: "d"), end + 2 < line.count,
          line[end + 2] == UInt8(ascii: "\"")
        {
          let valueEnd = stringEnd(in: line, from: end + 2)
          let raw = UnsafeRawBufferPointer(rebasing: line[(end + 2)...valueEnd])
          guard raw.contains(UInt8(ascii: "\\")) else { return Array(raw.dropFirst().dropLast()) }
          // An escaped id: its bytes are those of the string it stands for.
          return (try? JSONParser.parse(Data(raw)))?.stringValue.map { Array($0.utf8) } ?? []
        }
        position = end + 1
      default:
        position += 1
      }
    }
    return []
  }

  /// The position of the quote that closes the string opening at `start`.
  private static func stringEnd(in line: UnsafeRawBufferPointer, from start: Int) -> Int {
    var position = start + 1
    while position < line.count {
      switch line[position] {
      case UInt8(ascii: "\\"): position += 2
      case UInt8(ascii: "\""): return position
      default: position += 1
      }
    }
    return line.count - 1
  }
}

extension SnapshotReader {
  /// The records `keys` name, decoded from their lines alone (those the snapshot has), in a
  /// state whose fields count as written at the snapshot's stamp: what `StoreState.part`
  /// takes from a whole state, without decoding the rest. Many lines are decoded in two
  /// halves at once.
  func part(holding keys: Set<RecordKey>, index: StepIndex) throws(RhythmError) -> StoreState {
    var part = StoreState()
    part.snapshotStamp = header.stamp
    var byKind: [RecordKind: [String]] = [:]
    for key in keys { byKind[key.kind, default: []].append(key.id) }
    for (kind, ids) in byKind {
      let lines = SnapshotLines(kind, of: self, index: index)
      var found: [Range<Int>] = []
      found.reserveCapacity(ids.count)
      var cursor = 0
      for position in SectionOrder.order(of: ids) {
        let id = Array(ids[position].utf8)
        cursor = lines.lowerBound(of: id, from: cursor)
        if lines.holds(id, at: cursor) { found.append(lines.content(at: cursor)) }
      }
      func read<R: Record>(_ type: R.Type) throws(RhythmError) {
        @Sendable func decode(_ part: ArraySlice<Range<Int>>) throws(RhythmError) -> [R] {
          var records: [R] = []
          records.reserveCapacity(part.count)
          var reuse = RecordLineDecoder.Reuse()
          for line in part { records.append(try decodeLine(R.self, at: line, reusing: &reuse)) }
          return records
        }
        guard found.count >= SnapshotReader.linesWorthSplitting / 4 else {
          return part.load([try decode(found[...])])
        }
        let half = found.count / 2
        let lines = found
        let (first, second) = try AtOnce.run(
          { () throws(RhythmError) in try decode(lines[..<half]) },
          { () throws(RhythmError) in try decode(lines[half...]) })
        part.load([first, second])
      }
      if kind == .step { try read(Step.self) } else { try read(kind.recordType) }
    }
    return part
  }

  /// The record on the line at `range`: read byte-level where its kind can be (sharing
  /// strings with the line read before through `reuse`), else through its `Decodable`
  /// conformance.
  func decodeLine<R: Record>(
    _ type: R.Type, at range: Range<Int>, reusing reuse: inout RecordLineDecoder.Reuse
  ) throws(RhythmError) -> R {
    let quick = data.withUnsafeBytes { raw -> R? in
      let line = UnsafeRawBufferPointer(rebasing: raw[range])
      if R.self == Step.self { return RecordLineDecoder.decode(line, reusing: &reuse) as? R }
      if R.self == Decision.self {
        return RecordLineDecoder.decodeDecision(line, reusing: &reuse) as? R
      }
      if R.self == Review.self {
        return RecordLineDecoder.decodeReview(line, reusing: &reuse) as? R
      }
      return nil
    }
    if let quick { return quick }
    do {
      return try RecordCoding.makeDecoder().decode(R.self, from: data[range])
    } catch {
      _ = try decodeSection(R.self)  // names the bad line
      throw .io(path: path, reason: "a record could not be read: run `rhythm store rebuild`")
    }
  }
}
