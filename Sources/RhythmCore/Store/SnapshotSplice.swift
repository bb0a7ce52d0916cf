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

  /// One piece of a spliced section: a run of the old file's lines, or a record's new line.
  private enum Piece<R> {
    case old(Range<Int>)
    case new(R, replacing: Int?)
  }

  /// Writes a section the tail touched: runs of old lines between the touched records, and
  /// the touched records' new lines (none for a record no longer there), in id order.
  private func spliceSection<R: Record>(
    _ type: R.Type, ids: [String], to sink: FileSink, runs: inout [SplicedSteps.Run]
  ) throws(RhythmError) {
    let lines = SnapshotLines(R.kind, of: snapshot, index: index)
    let live = part[keyPath: R.section]
    var pieces: [Piece<R>] = []
    pieces.reserveCapacity(2 * ids.count + 1)
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
        pieces.append(.new(record, replacing: replacing))
      } else if let replacing {
        runs.append(.gone(replacing))
      }
    }
    if cursor < lines.count { pieces.append(.old(cursor..<lines.count)) }
    guard !pieces.isEmpty else { return try sink.append("[]") }
    try sink.append("[\n")
    var line: [UInt8] = []
    for (number, piece) in pieces.enumerated() {
      let last = number == pieces.count - 1
      switch piece {
      case .old(let range):
        let from = lines.content(at: range.lowerBound).lowerBound
        let to = lines.content(at: range.upperBound - 1).upperBound
        try sink.append("    ")
        if R.kind == .step { runs.append(.old(range, shift: sink.offset - from)) }
        try copy(from..<to, orWrite: "", to: sink)
        try sink.append(last ? "\n" : ",\n")
      case .new(let record, let replacing):
        line.removeAll(keepingCapacity: true)
        line += [0x20, 0x20, 0x20, 0x20]
        SnapshotWriter.appendLine(record, to: &line)
        if let step = record as? Step {
          let placement = SnapshotWriter.StepPlacement(
            step, offset: sink.offset + 4, length: line.count - 4)
          runs.append(.new(placement, replacing: replacing))
        }
        line += last ? [0x0A] : [UInt8(ascii: ","), 0x0A]
        try sink.append(line)
      }
    }
    try sink.append("  ]")
  }
}
