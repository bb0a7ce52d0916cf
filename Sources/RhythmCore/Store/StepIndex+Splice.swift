import Foundation

/// What the index of a spliced snapshot (`SnapshotSplice`) is made from: the old index, whose
/// entries are copied in runs (their line offsets moved by how far the run moved), and the
/// steps the tail touched, placed anew. The index made holds what a whole rewrite's would
/// (`StepIndex.encode`) for every step: the same ids, lines, owners, cadences, statuses, dates
/// and short-id lengths; only the numbering of its strings may differ (the old index's come
/// first, new ones after).
struct SplicedSteps: Sendable {
  /// A run of the new index's entries, in id order.
  enum Run: Sendable {
    /// The old index's entries at these positions, their lines moved by `shift` bytes.
    case old(Range<Int>, shift: Int)
    /// A step the tail touched, and the position of its old entry when it had one.
    case new(SnapshotWriter.StepPlacement, replacing: Int?)
    /// The old entry at this position, whose step has no line any more.
    case gone(Int)
  }

  let old: StepIndex
  let runs: [Run]
  let part: StoreState
  let touched: Set<RecordKey>
  /// The old snapshot (the lines of steps whose review's cadence changed are read there).
  let snapshot: SnapshotReader
  let sections: [RecordKind: Range<Int>]
  let checksum: UInt64
  let header: SnapshotHeader

  /// The index bytes, with room (zeros) for the identity of the new snapshot's file, as
  /// `StepIndex.encode` makes them.
  func encode() -> [UInt8] {
    var strings = Strings(old.strings)
    let (cadenceOfReview, changed) = reviewCadences()
    // Every string the table is to hold is numbered before it is written, the entries after
    // it: the reviews' cadences (those of changed reviews among them), then the new entries'
    // owners and cadences.
    let rows = cadenceOfReview.sorted { $0.key < $1.key }.map { ($0.key, strings.number($0.value)) }
    var count = 0
    for run in runs {
      switch run {
      case .old(let range, _): count += range.count
      case .new(let step, _):
        count += 1
        _ = strings.number(step.owner)
      case .gone: break
      }
    }
    var out = BinaryWriter()
    StepIndex.putHead(
      into: &out, checksum: checksum, sections: sections, header: header, strings: strings.all,
      reviews: rows, entries: count)
    let base = out.bytes.count
    /// Where runs of old entries landed: new position, old positions.
    var moved: [(at: Int, from: Range<Int>)] = []
    var endings = Set<UInt32>()
    var unsorted: [(position: Int, id: String)] = []
    old.data.withUnsafeBytes { raw in
      for run in runs {
        let position = (out.bytes.count - base) / StepIndex.entrySize
        switch run {
        case .old(let range, let shift):
          let from = old.entriesStart + range.lowerBound * StepIndex.entrySize
          out.bytes.append(
            contentsOf: UnsafeRawBufferPointer(
              rebasing: raw[from..<(from + range.count * StepIndex.entrySize)]))
          out.bytes.withUnsafeMutableBytes { bytes in
            for entry in position..<(position + range.count) {
              let at = base + entry * StepIndex.entrySize + 48
              let offset = UInt64(
                littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
              let moved = UInt64(Int(offset) + shift)
              bytes.storeBytes(of: moved.littleEndian, toByteOffset: at, as: UInt64.self)
            }
          }
          moved.append((position, range))
        case .new(let step, let replacing):
          var short: UInt8 = 0  // worked out by `shortenIDs` once every entry is written
          if let replacing {
            short = raw[old.entriesStart + replacing * StepIndex.entrySize + 27]
          } else if let ending = SplicedSteps.ending(Array(step.id.utf8.prefix(26))) {
            endings.insert(ending)
          } else {
            unsorted.append((position, step.id))
          }
          let cadence = step.review.flatMap { cadenceOfReview[$0] }.flatMap { strings.known($0) }
          StepIndex.putEntry(
            step, shortLength: Int(short), owner: strings.known(step.owner) ?? 0,
            cadence: cadence ?? StepIndex.noCadence, into: &out)
        case .gone(let position):
          let start = old.entriesStart + position * StepIndex.entrySize
          if let ending = SplicedSteps.ending(idBytes(raw, at: start)) { endings.insert(ending) }
        }
      }
    }
    out.bytes.withUnsafeMutableBytes { bytes in
      let entries = UnsafeMutableRawBufferPointer(rebasing: bytes[base...])
      shortenIDs(in: entries, endings: endings, unsorted: unsorted)
      if !changed.isEmpty {
        recadence(entries, moved: moved, changed: changed, strings: strings)
      }
    }
    return out.bytes
  }

  /// The cadence of every review (removed ones too) as the new snapshot has them, and the
  /// reviews the tail gave another cadence than the old index knew (`nil`: none now).
  private func reviewCadences() -> (all: [String: String], changed: [String: String?]) {
    var all: [String: String] = [:]
    for row in old.reviews { all[row.id] = old.strings[Int(row.cadence)] }
    var changed: [String: String?] = [:]
    for key in touched where key.kind == .review {
      let now = (part.reviews[key.id] ?? part.removed[key] as? Review)?.cadence
      if now != all[key.id] { changed[key.id] = .some(now) }
      all[key.id] = now
    }
    return (all, changed)
  }

  /// Works the short-id length out again for every entry whose id ends as an id made or gone
  /// does (its group, `ShortIDTable`, changed: no other id's length can), and for the new ids
  /// too short to have an ending.
  private func shortenIDs(
    in bytes: UnsafeMutableRawBufferPointer, endings: Set<UInt32>,
    unsorted: [(position: Int, id: String)]
  ) {
    guard !endings.isEmpty || !unsorted.isEmpty else { return }
    var again = unsorted
    if !endings.isEmpty {
      let raw = UnsafeRawBufferPointer(bytes)
      for position in 0..<(raw.count / StepIndex.entrySize) {
        let id = idBytes(raw, at: position * StepIndex.entrySize)
        guard let ending = SplicedSteps.ending(id), endings.contains(ending) else { continue }
        again.append((position, String(decoding: id, as: UTF8.self)))
      }
    }
    for (item, length) in zip(again, ShortIDs.lengths(for: again.map(\.id))) {
      bytes[item.position * StepIndex.entrySize + 27] = UInt8(min(26, length))
    }
  }

  /// Gives the steps of untouched lines whose review's cadence changed their new cadence: the
  /// entries whose cadence is one a changed review had (none, for a review the old index did
  /// not know) have their line read for its review.
  private func recadence(
    _ bytes: UnsafeMutableRawBufferPointer, moved: [(at: Int, from: Range<Int>)],
    changed: [String: String?], strings: Strings
  ) {
    var suspects = Set<UInt16>()
    for review in changed.keys {
      guard let known = old.cadence(ofReview: review) else {
        suspects.insert(StepIndex.noCadence)
        continue
      }
      if let number = old.stringNumber(known) { suspects.insert(number) }
    }
    let lines = SnapshotLines(.step, of: snapshot, index: old)
    let marker = Array("\"review\":\"".utf8)
    for (at, from) in moved {
      for (step, position) in zip(at..., from) {
        let cadenceAt = step * StepIndex.entrySize + 30
        let cadence = UInt16(bytes[cadenceAt]) | UInt16(bytes[cadenceAt + 1]) << 8
        guard suspects.contains(cadence) else { continue }
        let line = lines.content(at: position)
        let review: String? = snapshot.data[line].firstRange(of: marker).map { found in
          let value = snapshot.data[found.upperBound..<line.upperBound]
          return String(decoding: value.prefix { $0 != UInt8(ascii: "\"") }, as: UTF8.self)
        }
        guard let review, let now = changed[review] else { continue }
        let number = now.flatMap { strings.known($0) } ?? StepIndex.noCadence
        bytes[cadenceAt] = UInt8(truncatingIfNeeded: number)
        bytes[cadenceAt + 1] = UInt8(truncatingIfNeeded: number >> 8)
      }
    }
  }

  /// The id bytes of the entry starting at `start` (its 26 bytes, padding spaces dropped).
  private func idBytes(_ raw: UnsafeRawBufferPointer, at start: Int) -> UnsafeRawBufferPointer {
    var end = start + 26
    while end > start, raw[end - 1] == 0x20 { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: raw[start..<end])
  }

  /// The last 4 bytes of an id, as `ShortIDTable` groups ids (`nil` under 4 bytes).
  private static func ending(_ id: some Collection<UInt8>) -> UInt32? {
    guard id.count >= ShortIDs.minimumLength else { return nil }
    return id.suffix(4).reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// The index's strings: the old index's, then any new ones, numbered as they come.
  private struct Strings {
    private(set) var all: [String]
    private var numbers: [String: UInt16] = [:]

    init(_ old: [String]) {
      all = old
      for (number, text) in old.enumerated() where numbers[text] == nil {
        numbers[text] = UInt16(truncatingIfNeeded: number)
      }
    }

    /// The number of `text`, if it has one.
    func known(_ text: String) -> UInt16? { numbers[text] }

    /// The number of `text`, given it when it has none.
    mutating func number(_ text: String) -> UInt16 {
      if let known = numbers[text] { return known }
      let next = UInt16(truncatingIfNeeded: all.count)
      all.append(text)
      numbers[text] = next
      return next
    }
  }
}
