import Foundation

/// Rebuilds a state from journal lines at the speed of reading them: each line is read with the
/// byte-level decoders into a typed record or its fields (no `JSONValue` for the records a
/// creation makes whole), the lines are read on both cores at once (they are independent until
/// applied), and then applied through `StoreState`, whose per-field last-writer-wins makes the
/// result the same whatever order they come in: the same state a replay of `Operation`s gives.
/// A line the fast path does not read goes through `Operation(line:)`, so errors name the same
/// file, line and column as before.
enum JournalReplay {
  /// What a replay read.
  struct Result {
    var state: StoreState
    /// Where each journal's whole lines end.
    var positions: [String: JournalPosition]
    /// The greatest stamp read (`nil` when there were no operations).
    var latestStamp: Stamp?
    /// Torn last lines, each a sentence.
    var warnings: [String]
    /// How many operations were applied.
    var count: Int
  }

  /// Lines below this are read on one thread (starting a second costs more).
  static let linesWorthSplitting = 4_096

  /// Replays every journal in `folder` past `positions` onto `state`.
  static func replay(
    folder: String, from positions: [String: JournalPosition] = [:],
    onto state: StoreState = StoreState()
  ) throws(RhythmError) -> Result {
    var journals: [Journal.Text] = []
    var warnings: [String] = []
    var ends = positions
    for device in Journal.devices(in: folder) {
      let path = folder + "/" + device + "." + Journal.fileExtension
      let start = positions[device] ?? JournalPosition(bytes: 0, lines: 0)
      guard FileIO.size(path) > start.bytes else { continue }
      let text = Journal.Text(
        path: path, data: try FileIO.read(path, from: start.bytes), start: start)
      if let torn = text.tornWarning { warnings.append(torn) }
      ends[device] = text.end
      journals.append(text)
    }
    var pieces: [Piece] = []
    pieces.reserveCapacity(journals.reduce(0) { $0 + $1.lines.count })
    for (journal, text) in journals.enumerated() {
      for (offset, line) in text.lines.enumerated() where !line.isEmpty {
        pieces.append(Piece(journal: journal, line: line, number: text.start.lines + offset + 1))
      }
    }
    var decoded = decode(pieces, in: journals)
    pieces = []
    if let error = decoded.lazy.compactMap(\.error).first { throw error }
    var result = state
    result.reserve(decoded.flatMap { $0.entries.lazy.map(\.kind) })
    var count = 0
    // Entries are let go of as they are applied: the records move into the state.
    decoded.reverse()
    while var part = decoded.popLast() {
      part.entries.reverse()
      while let entry = part.entries.popLast() {
        apply(entry, to: &result, journals: journals)
        count += 1
      }
    }
    return Result(
      state: result, positions: ends, latestStamp: result.latestStamp, warnings: warnings,
      count: count)
  }

  /// One journal line to read: which journal, where, and its line number (from 1).
  struct Piece {
    var journal: Int
    var line: Range<Int>
    var number: Int
  }

  /// One operation, read.
  struct Entry {
    var stamp: Stamp
    var kind: RecordKind
    var record: String
    var payload: Payload
    /// The journal and byte range of its `fields` object (to read them again when the typed
    /// record cannot be put as it is); `nil` when read through `Operation(line:)`.
    var source: (journal: Int, fields: Range<Int>)?
  }

  /// What an operation sets: a whole record that a creation made, with the fields it wrote
  /// (bit per schema field), or its fields as JSON.
  enum Payload {
    case step(Step, made: UInt64)
    case decision(Decision, made: UInt64)
    case review(Review, made: UInt64)
    case fields([String: JSONValue])
  }

  /// What one part of the lines gave: its entries, or the first error in it.
  struct Part {
    var entries: [Entry] = []
    var error: RhythmError?
  }

  /// Reads the lines, in two parts at once when there are many; the parts are in line order.
  static func decode(_ pieces: [Piece], in journals: [Journal.Text]) -> [Part] {
    let count = pieces.count >= linesWorthSplitting ? 2 : 1
    let parts = PartResults(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { part in
      let chunk = pieces[(pieces.count * part / count)..<(pieces.count * (part + 1) / count)]
      parts.put(part, decode(chunk, in: journals))
    }
    return (0..<count).map { parts.take($0) }
  }

  private static func decode(_ pieces: ArraySlice<Piece>, in journals: [Journal.Text]) -> Part {
    var part = Part()
    part.entries.reserveCapacity(pieces.count)
    var lineReuse = OperationLineDecoder.Reuse()
    var recordReuse = RecordLineDecoder.Reuse()
    for piece in pieces {
      let text = journals[piece.journal]
      let entry = text.data.withUnsafeBytes { raw -> Entry? in
        let bytes = UnsafeRawBufferPointer(rebasing: raw[piece.line])
        guard let line = OperationLineDecoder.decode(bytes, reusing: &lineReuse) else { return nil }
        let fields = UnsafeRawBufferPointer(rebasing: bytes[line.fields])
        let start = piece.line.lowerBound
        let range = (start + line.fields.lowerBound)..<(start + line.fields.upperBound)
        var entry = Entry(
          stamp: line.stamp, kind: line.kind, record: line.record, payload: .fields([:]),
          source: (piece.journal, range))
        if let typed = typedRecord(line, fields, reuse: &recordReuse) {
          entry.payload = typed
          return entry
        }
        guard case .object(let object) = try? JSONParser.parse(fields) else { return nil }
        entry.payload = .fields(object)
        return entry
      }
      if let entry {
        part.entries.append(entry)
        continue
      }
      // The full reader: it accepts what it accepts, and names what it does not.
      let line = text.data[piece.line]
      do {
        let operation = try Operation(line: line)
        part.entries.append(
          Entry(
            stamp: operation.stamp, kind: operation.kind, record: operation.record,
            payload: .fields(operation.fields), source: nil))
      } catch {
        part.error = .corrupt(
          path: text.path, line: piece.number, column: error.position(in: line).column,
          reason: error.reason,
          recovery: "the journal is never rewritten: fix or remove that line by hand, "
            + "then run `rhythm store check`")
        return part
      }
    }
    return part
  }

  /// A creation of a step, decision or review read whole by the record decoders, with the
  /// schema fields it names, when it names every field the schema requires, none is `null`
  /// and its id is the operation's.
  private static func typedRecord(
    _ line: OperationLineDecoder.Line, _ fields: UnsafeRawBufferPointer,
    reuse: inout RecordLineDecoder.Reuse
  ) -> Payload? {
    guard !line.hasNull else { return nil }
    switch line.kind {
    case .step:
      guard let step = RecordLineDecoder.decode(fields, reusing: &reuse), step.id == line.record,
        let made = RecordLineDecoder.fieldsNamed(by: reuse, in: Step.self)
      else { return nil }
      return .step(step, made: made)
    case .decision:
      guard let decision = RecordLineDecoder.decodeDecision(fields, reusing: &reuse),
        decision.id == line.record,
        let made = RecordLineDecoder.fieldsNamed(by: reuse, in: Decision.self)
      else { return nil }
      return .decision(decision, made: made)
    case .review:
      guard let review = RecordLineDecoder.decodeReview(fields, reusing: &reuse),
        review.id == line.record,
        let made = RecordLineDecoder.fieldsNamed(by: reuse, in: Review.self)
      else { return nil }
      return .review(review, made: made)
    default:
      return nil
    }
  }

  /// Applies one entry: a whole record is put as it is when nothing of it is known yet, else
  /// (and for fields) it goes through `StoreState.apply`, field by field.
  static func apply(_ entry: Entry, to state: inout StoreState, journals: [Journal.Text]) {
    switch entry.payload {
    case .step(let step, let made):
      if state.create(step, stamp: entry.stamp, made: made) { return }
    case .decision(let decision, let made):
      if state.create(decision, stamp: entry.stamp, made: made) { return }
    case .review(let review, let made):
      if state.create(review, stamp: entry.stamp, made: made) { return }
    case .fields(let fields):
      state.apply(entry.kind, id: entry.record, stamp: entry.stamp, fields: fields)
      return
    }
    // Read the fields again: the record meets others of its kind field by field.
    guard let source = entry.source,
      case .object(let fields) = try? JSONParser.parse(journals[source.journal].data[source.fields])
    else { return }
    state.apply(entry.kind, id: entry.record, stamp: entry.stamp, fields: fields)
  }
}

extension StoreState {
  /// Makes room in the sections of the records `kinds` name (one per operation: at most a
  /// record each), so that putting them does not grow the dictionaries step by step.
  mutating func reserve(_ kinds: [RecordKind]) {
    var counts: [RecordKind: Int] = [:]
    for kind in kinds { counts[kind, default: 0] += 1 }
    func reserve<R: Record>(_ type: R.Type, _ state: inout StoreState) {
      state[keyPath: R.section].reserveCapacity(counts[R.kind] ?? 0)
    }
    for kind in counts.keys { reserve(kind.recordType, &self) }
    stamps.reserveCapacity(kinds.count)
  }

  /// Applies fields of the record `id` of `kind`, as a journal line sets them, at `stamp`.
  mutating func apply(
    _ kind: RecordKind, id: String, stamp: Stamp, fields: [String: JSONValue]
  ) {
    if latestStamp.map({ stamp > $0 }) ?? true { latestStamp = stamp }
    func open<R: Record>(_ type: R.Type, _ state: inout StoreState) {
      state.apply(R.self, id: id, stamp: stamp, edits: R.schema.edits(from: fields), raw: fields)
    }
    open(kind.recordType, &self)
  }
}

/// What each part of the lines read at once gave, handed back under a lock.
private final class PartResults: @unchecked Sendable {
  private let lock = NSLock()
  /// Guarded by `lock`.
  private var parts: [JournalReplay.Part]

  init(count: Int) {
    parts = Array(repeating: JournalReplay.Part(), count: count)
  }

  func put(_ part: Int, _ result: JournalReplay.Part) {
    lock.withLock { parts[part] = result }
  }

  func take(_ part: Int) -> JournalReplay.Part {
    lock.withLock {
      let taken = parts[part]
      parts[part] = JournalReplay.Part()
      return taken
    }
  }
}
