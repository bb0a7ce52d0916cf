import Foundation

/// A compaction that costs what its tail touches: the next snapshot written from the one
/// there is, copying the line of every record the tail did not touch byte for byte, and
/// writing a line (with `SnapshotWriter.appendLine`, as a whole rewrite does) only for the
/// records it touched, made or removed, merged in at their place in id order. Sections the
/// tail did not touch are copied whole. A whole rewrite decodes each line into a record and
/// encodes it again, which gives back the same bytes; so the file is the one it would write,
/// byte for byte. The index is made from the old one (`StepIndex.spliced`).
struct SnapshotSplice {
  let snapshot: SnapshotReader
  let index: StepIndex
  /// The records the tail touched, as they stand after it (live or removed; one the part
  /// does not hold has no line any more), with their stamps.
  let part: StoreState
  /// Every record `part` holds or held (`StoreState.records(of:from:)`).
  let touched: Set<RecordKey>

  /// Whether a splice can stand for a whole rewrite of `snapshot` with `index` for a tail
  /// touching `keys`: the snapshot is of this build's schema (its lines are what this build
  /// writes), and every step id fits the index's 26 bytes (which its binary search orders).
  static func fits(_ snapshot: SnapshotReader, touching keys: Set<RecordKey>) -> Bool {
    snapshot.header.schemaVersion == SnapshotFormat.schemaVersion
      && keys.allSatisfy { $0.kind != .step || $0.id.utf8.count <= 26 }
  }

  /// Writes the new snapshot with `header` to `sink`; returns what the index is made from.
  func write(header: SnapshotHeader, to sink: FileSink) throws(RhythmError) -> SplicedSteps {
    var idsByKind: [RecordKind: [String]] = [:]
    for key in touched { idsByKind[key.kind, default: []].append(key.id) }
    var sections: [RecordKind: Range<Int>] = [:]
    var runs: [SplicedSteps.Run] = []
    try sink.append("{\n")
    let entries = SnapshotWriter.entries
    for (position, entry) in entries.enumerated() {
      let comma = position == entries.count - 1 ? "" : ","
      try sink.append("  \"\(entry.key)\": ")
      guard let kind = entry.kind else {
        try sink.append(SnapshotWriter.headerValue(entry.key, header) + comma + "\n")
        continue
      }
      let start = sink.offset
      if let ids = idsByKind[kind] {
        func splice<R: Record>(_ type: R.Type) throws(RhythmError) {
          try spliceSection(R.self, ids: ids, to: sink, runs: &runs)
        }
        if kind == .step { try splice(Step.self) } else { try splice(kind.recordType) }
      } else {
        let old = snapshot.sections[kind] ?? 0..<0
        if kind == .step, index.count > 0 {
          runs.append(.old(0..<index.count, shift: start - old.lowerBound))
        }
        try copy(old.isEmpty ? nil : old, orWrite: "[]", to: sink)
      }
      sections[kind] = start..<sink.offset
      try sink.append(comma + "\n")
    }
    try sink.append("}\n")
    return SplicedSteps(
      old: index, runs: runs, part: part, touched: touched, snapshot: snapshot,
      sections: sections, checksum: try sink.checksum(), header: header)
  }

  /// Copies the old file's bytes at `range`, or writes `text` when there are none.
  private func copy(_ range: Range<Int>?, orWrite text: String, to sink: FileSink)
    throws(RhythmError)
  {
    guard let range else { return try sink.append(text) }
    let copied = snapshot.data.withUnsafeBytes { raw in
      Result { () throws(RhythmError) in
        try sink.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[range]))
      }
    }
    try copied.get()
  }

  /// One piece of a spliced section: a run of the old file's lines, or the new line of
  /// a touched record (its place in `made`).
  private enum Piece {
    case old(Range<Int>)
    case new(Int)
  }

  /// Writes a section the tail touched: runs of old lines between the touched records, and
  /// the touched records' new lines (none for a record no longer there), in id order.
  private func spliceSection<R: Record>(
    _ type: R.Type, ids: [String], to sink: FileSink, runs: inout [SplicedSteps.Run]
  ) throws(RhythmError) {
    let lines = SnapshotLines(R.kind, of: snapshot, index: index)
    let live = part[keyPath: R.section]
    var pieces: [Piece] = []
    pieces.reserveCapacity(2 * ids.count + 1)
    var made: [R] = []
    var replaced: [Int?] = []
    made.reserveCapacity(ids.count)
    var cursor = 0
    for position in SectionOrder.order(of: ids) {
      let id = ids[position]
      let bytes = Array(id.utf8)
      let at = lines.lowerBound(of: bytes, from: cursor)
      if at > cursor { pieces.append(.old(cursor..<at)) }
      cursor = at
      let replacing = lines.holds(bytes, at: at) ? at : nil
      if replacing != nil { cursor = at + 1 }
      if let record = live[id] ?? part.removed[RecordKey(kind: R.kind, id: id)] as? R {
        pieces.append(.new(made.count))
        made.append(record)
        replaced.append(replacing)
      } else if let replacing {
        runs.append(.gone(replacing))
      }
    }
    if cursor < lines.count { pieces.append(.old(cursor..<lines.count)) }
    guard !pieces.isEmpty else { return try sink.append("[]") }
    let encoded = try NewLines.encode(made)
    try sink.append("[\n")
    for (number, piece) in pieces.enumerated() {
      let separator = number == pieces.count - 1 ? "\n" : ",\n"
      try sink.append("    ")
      switch piece {
      case .old(let range):
        let from = lines.content(at: range.lowerBound).lowerBound
        let to = lines.content(at: range.upperBound - 1).upperBound
        if R.kind == .step { runs.append(.old(range, shift: sink.offset - from)) }
        try copy(from..<to, orWrite: "", to: sink)
      case .new(let place):
        let line = encoded.line(place)
        if let step = made[place] as? Step {
          let placement = SnapshotWriter.StepPlacement(
            step, offset: sink.offset, length: line.count)
          runs.append(.new(placement, replacing: replaced[place]))
        }
        try sink.append(line)
      }
      try sink.append(separator)
    }
    try sink.append("  ]")
  }
}

/// The lines of the records a splice writes anew, made in two halves at once (one per core)
/// when there are enough of them.
private struct NewLines {
  private var halves: [(bytes: [UInt8], ends: [Int])] = []
  private var split = 0

  static func encode<R: Record>(_ records: [R]) throws(RhythmError) -> NewLines {
    var lines = NewLines()
    let parts = records.count >= SnapshotWriter.worthSplitting ? 2 : 1
    lines.split = parts == 2 ? records.count / 2 : records.count
    let split = lines.split
    @Sendable func half(_ range: Range<Int>) -> ([UInt8], [Int]) {
      var bytes: [UInt8] = []
      var ends: [Int] = []
      bytes.reserveCapacity(range.count * 300)
      ends.reserveCapacity(range.count)
      for position in range {
        SnapshotWriter.appendLine(records[position], to: &bytes)
        ends.append(bytes.count)
      }
      return (bytes, ends)
    }
    if parts == 1 {
      lines.halves = [half(0..<records.count)]
    } else {
      let (first, second) = try AtOnce.run({ half(0..<split) }, { half(split..<records.count) })
      lines.halves = [first, second]
    }
    return lines
  }

  /// The line of the record at `place`.
  func line(_ place: Int) -> ArraySlice<UInt8> {
    let (half, at) = place < split ? (0, place) : (1, place - split)
    let start = at == 0 ? 0 : halves[half].ends[at - 1]
    return halves[half].bytes[start..<halves[half].ends[at]]
  }
}
