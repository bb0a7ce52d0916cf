import Foundation

/// Rebuilds a state from journal lines at the speed of reading them: each line is read with the
/// byte-level decoders into a typed record or its fields (no `JSONValue` for the records a
/// creation makes whole), and applied through `StoreState`, whose per-field last-writer-wins
/// makes the result the same whatever order they come in: the same state a replay of
/// `Operation`s gives. A line the fast path does not read goes through `Operation(line:)`, so
/// errors name the same file, line and column as before.
///
/// The journals are read a chunk at a time (`JournalChunks`), never whole, and a chunk's
/// entries are let go of once applied; while one chunk is applied the next is read, on both
/// cores (lines are independent until applied; applying stays in journal order).
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

  /// Lines of a chunk below this are read on one thread (starting a second costs more).
  static let linesWorthSplitting = 1_024
  /// How much of a journal is read at once.
  static let chunkSize = 2 << 20

  /// Replays every journal in `folder` past `positions` onto `state`, reading `chunkSize`
  /// bytes at a time.
  static func replay(
    folder: String, from positions: [String: JournalPosition] = [:],
    onto state: StoreState = StoreState(), chunkSize: Int = JournalReplay.chunkSize
  ) throws(RhythmError) -> Result {
    var warnings: [String] = []
    var ends = positions
    var journals: [(device: String, path: String, start: JournalPosition)] = []
    var total = 0
    for device in Journal.devices(in: folder) {
      let path = folder + "/" + device + "." + Journal.fileExtension
      let start = positions[device] ?? JournalPosition(bytes: 0, lines: 0)
      let size = FileIO.size(path)
      guard size > start.bytes else { continue }
      journals.append((device, path, start))
      total += size - start.bytes
    }
    let work = Work(state: state, total: total)
    for (device, path, start) in journals {
      var chunks = JournalChunks(path: path, start: start, chunkSize: chunkSize)
      while let chunk = try chunks.next() {
        try work.step(reading: chunk)
      }
      if let torn = chunks.tornWarning { warnings.append(torn) }
      ends[device] = chunks.position
    }
    try work.step(reading: nil)
    return Result(
      state: work.state, positions: ends, latestStamp: work.state.latestStamp,
      warnings: warnings, count: work.count)
  }

  /// One operation, read.
  struct Entry {
    var stamp: Stamp
    var kind: RecordKind
    /// The record's id; empty for a whole record (its id is the record's own).
    var record: String
    var payload: Payload
    /// The byte range of its `fields` object in its chunk (to read them again when the typed
    /// record cannot be put as it is); `nil` when read through `Operation(line:)`.
    var fields: Range<Int>?
  }

  /// What an operation sets: a whole record that a creation made, with the fields it wrote
  /// (bit per schema field), or its fields as JSON. A review, twice a step's size and rare,
  /// is boxed, so that every entry (moved as it is read, kept and applied) is a step's size.
  enum Payload {
    case step(Step, made: UInt64)
    case decision(Decision, made: UInt64)
    indirect case review(Review, made: UInt64)
    case fields([String: JSONValue])
  }

  /// What one part of a chunk's lines gave: its entries, or the first error in it.
  struct Part {
    var entries: [Entry] = []
    var error: RhythmError?
    /// How many entries make a whole step, decision or review.
    var steps = 0
    var decisions = 0
    var reviews = 0
  }

  /// A chunk read and not applied yet: its bytes (entries point into them) and its parts, in
  /// line order.
  struct Decoded {
    var chunk: JournalChunks.Chunk
    var parts: [Part]
    /// How many bytes of the journals were read up to the end of this chunk.
    var through: Int
  }

  /// The replay's state and the chunk read but not applied yet. Each step applies that chunk
  /// on one thread while the next chunk is read on the others.
  private final class Work: @unchecked Sendable {
    /// Written only by the one task that applies.
    var state: StoreState
    var count = 0
    /// The bytes of all the journals to read, and how many were read so far.
    private let total: Int
    private var through = 0
    private var pending: Decoded?
    private let lock = NSLock()
    /// The parts read in the current step, by number (guarded by `lock`).
    private var read: [Part] = []

    init(state: StoreState, total: Int) {
      self.state = state
      self.total = total
    }

    /// Applies the pending chunk while reading `chunk` (nil: only applies), then keeps it as
    /// the pending one. Throws the first error of `chunk`'s lines.
    func step(reading chunk: JournalChunks.Chunk?) throws(RhythmError) {
      let parts =
        chunk.map { $0.lines.count >= JournalReplay.linesWorthSplitting ? 2 : 1 } ?? 0
      read = Array(repeating: Part(), count: parts)
      DispatchQueue.concurrentPerform(iterations: parts + 1) { task in
        if task == parts {
          applyPending()
          return
        }
        guard let chunk else { return }
        let lines = chunk.lines
        let slice = lines[(lines.count * task / parts)..<(lines.count * (task + 1) / parts)]
        let part = JournalReplay.decode(slice, in: chunk)
        lock.withLock { read[task] = part }
      }
      guard let chunk else { return }
      let done = lock.withLock { () -> [Part] in
        defer { read = [] }
        return read
      }
      if let error = done.lazy.compactMap(\.error).first { throw error }
      through += chunk.lines.last.map { $0.upperBound + 1 } ?? 0
      pending = Decoded(chunk: chunk, parts: done, through: through)
    }

    /// Makes room in the large sections for the records `parts` make when they would not fit.
    /// A section that had records before grows to hold as many as the journals hold at the
    /// rate read so far, and a quarter more, so that it grows once or twice rather than at
    /// every doubling, and not again near the end (moving every record) for falling just
    /// short. The first chunk a section has records in is not projected from: records made
    /// together at a journal's start (people, reviews) would make a table many times too
    /// large.
    private func makeRoom(for parts: [Part], through: Int) {
      let steps = parts.reduce(0) { $0 + $1.steps }
      let decisions = parts.reduce(0) { $0 + $1.decisions }
      let reviews = parts.reduce(0) { $0 + $1.reviews }
      let scale = 1.25 * Double(total) / Double(max(1, through))
      func makeRoom<V>(_ table: inout [some Hashable: V], adding count: Int) {
        guard table.count + count > table.capacity else { return }
        let needed = table.count + count
        let projected = table.isEmpty ? needed : Int(Double(needed) * scale)
        table.reserveCapacity(max(needed, projected))
      }
      makeRoom(&state.steps, adding: steps)
      makeRoom(&state.decisions, adding: decisions)
      makeRoom(&state.reviews, adding: reviews)
      makeRoom(&state.stamps, adding: steps + decisions + reviews)
    }

    /// Applies a chunk's entries in line order, letting go of each once applied (the records
    /// move into the state).
    /// The entries are moved out of the pending chunk, never copied: it is the only holder
    /// of its arrays once taken.
    private func applyPending() {
      guard let decoded = pending else { return }
      pending = nil
      makeRoom(for: decoded.parts, through: decoded.through)
      let chunk = decoded.chunk
      var parts = (consume decoded).parts
      parts.reverse()
      while var part = parts.popLast() {
        part.entries.reverse()
        while let entry = part.entries.popLast() {
          JournalReplay.apply(entry, to: &state, chunk: chunk)
          count += 1
        }
      }
    }
  }

  /// Reads the chunk's `lines`.
  private static func decode(_ lines: ArraySlice<Range<Int>>, in chunk: JournalChunks.Chunk)
    -> Part
  {
    var part = Part()
    part.entries.reserveCapacity(lines.count)
    var lineReuse = OperationLineDecoder.Reuse()
    var recordReuse = RecordLineDecoder.Reuse()
    for index in lines.indices {
      let range = lines[index]
      if range.isEmpty { continue }
      let entry = chunk.data.withUnsafeBytes { raw -> Entry? in
        let bytes = UnsafeRawBufferPointer(rebasing: raw[range])
        guard let line = OperationLineDecoder.decode(bytes, reusing: &lineReuse) else { return nil }
        let fields = UnsafeRawBufferPointer(rebasing: bytes[line.fields])
        let start = range.lowerBound
        let record = UnsafeRawBufferPointer(rebasing: bytes[line.record])
        var entry = Entry(
          stamp: line.stamp, kind: line.kind, record: "", payload: .fields([:]),
          fields: (start + line.fields.lowerBound)..<(start + line.fields.upperBound))
        if let typed = typedRecord(line, fields, record: record, reuse: &recordReuse) {
          switch typed {
          case .step: part.steps += 1
          case .decision: part.decisions += 1
          case .review: part.reviews += 1
          case .fields: break
          }
          entry.payload = typed
          return entry
        }
        guard case .object(let object) = try? JSONParser.parse(fields) else { return nil }
        entry.record = String(decoding: record, as: UTF8.self)
        entry.payload = .fields(object)
        return entry
      }
      if let entry {
        part.entries.append(entry)
        continue
      }
      // The full reader: it accepts what it accepts, and names what it does not.
      let line = chunk.data[range]
      do {
        let operation = try Operation(line: line)
        part.entries.append(
          Entry(
            stamp: operation.stamp, kind: operation.kind, record: operation.record,
            payload: .fields(operation.fields), fields: nil))
      } catch {
        part.error = .corrupt(
          path: chunk.path, line: chunk.firstLine + index, column: error.position(in: line).column,
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
    record: UnsafeRawBufferPointer, reuse: inout RecordLineDecoder.Reuse
  ) -> Payload? {
    guard !line.hasNull else { return nil }
    switch line.kind {
    case .step:
      guard let step = RecordLineDecoder.decode(fields, reusing: &reuse),
        LineScanner.equals(step.id, record),
        let made = RecordLineDecoder.fieldsNamed(by: reuse, in: Step.self)
      else { return nil }
      return .step(step, made: made)
    case .decision:
      guard let decision = RecordLineDecoder.decodeDecision(fields, reusing: &reuse),
        LineScanner.equals(decision.id, record),
        let made = RecordLineDecoder.fieldsNamed(by: reuse, in: Decision.self)
      else { return nil }
      return .decision(decision, made: made)
    case .review:
      guard let review = RecordLineDecoder.decodeReview(fields, reusing: &reuse),
        LineScanner.equals(review.id, record),
        let made = RecordLineDecoder.fieldsNamed(by: reuse, in: Review.self)
      else { return nil }
      return .review(review, made: made)
    default:
      return nil
    }
  }

  /// Applies one entry: a whole record is put as it is when nothing of it is known yet, else
  /// (and for fields) it goes through `StoreState.apply`, field by field.
  /// The entry is consumed: its record moves into the state, not copied.
  static func apply(
    _ entry: consuming Entry, to state: inout StoreState, chunk: JournalChunks.Chunk
  ) {
    let (stamp, kind, record, range) = (entry.stamp, entry.kind, entry.record, entry.fields)
    let id: String
    switch (consume entry).payload {
    case .step(let step, let made):
      id = step.id
      if state.create(step, stamp: stamp, made: made) { return }
    case .decision(let decision, let made):
      id = decision.id
      if state.create(decision, stamp: stamp, made: made) { return }
    case .review(let review, let made):
      id = review.id
      if state.create(review, stamp: stamp, made: made) { return }
    case .fields(let fields):
      state.apply(kind, id: record, stamp: stamp, fields: fields)
      return
    }
    // Read the fields again: the record meets others of its kind field by field.
    guard let range, case .object(let fields) = try? JSONParser.parse(chunk.data[range]) else {
      return
    }
    state.apply(kind, id: id, stamp: stamp, fields: fields)
  }
}

extension StoreState {
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
