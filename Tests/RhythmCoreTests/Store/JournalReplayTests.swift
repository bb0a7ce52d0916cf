import Foundation
import Testing

@testable import RhythmCore

/// The fast replay (`JournalReplay`: byte-level line decoding on both cores, typed records put
/// whole) gives what reading every line with `Operation(line:)` and replaying gives, and fails
/// on the same line with the same words.
@Suite("Journal replay: fast equals the JSON path")
struct JournalReplayTests {
  private static let base = DeviceHistory.base
  private static let devices = DeviceHistory.devices

  /// A folder of journals, removed at the end.
  private final class Folder {
    let path = NSTemporaryDirectory() + "rhythm-replay-" + UUID().uuidString
    init() throws {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ device: String, _ text: String) throws {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + device + ".jsonl"))
    }
  }

  /// Random operations on every kind the fast path reads (steps, decisions, reviews) and some
  /// it leaves to the schema (metrics, people), creations whole and edits of single fields,
  /// from three devices whose clocks disagree; some creations out of shape on purpose (a
  /// `null`, a missing status, an id that is not the record's, an escape, a foreign field).
  private static func history(_ count: Int, _ random: inout SplitMix64) -> [RhythmCore.Operation] {
    var history = DeviceHistory()
    var steps: [String] = []
    func add(kind: RecordKind, id: String, _ fields: [String: JSONValue]) {
      history.add(kind: kind, id: id, fields, &random)
    }
    for number in 0..<count {
      let roll = random.next() % 14
      let id = String(format: "01test%020d", Int(random.next() % 400))
      switch roll {
      case 0...4:
        var step = Step(
          id: id, title: number % 7 == 0 ? "Quote \"this\"\n and é" : "Step \(number)",
          owner: ["maria", "li"][number % 2],
          due: Day(year: 2026, month: 12, day: 1 + number % 20) ?? .init(ordinal: 0),
          success: number % 3 == 0 ? nil : "agreed", createdAt: base,
          review: number % 4 == 0 ? nil : "01review", tags: number % 5 == 0 ? ["a", "b"] : [])
        if number % 6 == 0 {
          step.status = .done
          step.completedAt = base.addingTimeInterval(3600.5)
        }
        var fields = Step.schema.fields(of: step)
        switch number % 23 {
        case 1: fields["topic"] = .null
        case 2: fields["status"] = nil
        case 3: fields["id"] = .string("someone-else")
        case 4: fields["newer"] = .string("from a later version")
        case 5: fields["deleted"] = .bool(true)  // made removed: filed aside, not in the section
        default: break
        }
        steps.append(id)
        add(kind: .step, id: id, fields)
      case 5:
        add(
          kind: .decision, id: id,
          Decision.schema.fields(
            of: Decision(
              id: id, text: "Decide \(number)", decidedBy: number % 2 == 0 ? "maria" : nil,
              review: "01review", createdAt: base)))
      case 6:
        var review = Review(id: id, cadence: "01cadence", occurrence: base, status: .held)
        review.rating = number % 2 == 0 ? 7 : nil
        add(kind: .review, id: id, Review.schema.fields(of: review))
      case 7:
        add(
          kind: .metric, id: id,
          Metric.schema.fields(of: Metric(id: id, name: "Leads", owner: "li", unit: "", target: 5)))
      case 8:
        add(kind: .metric, id: id, ["values.2026-11-23": .number(Double(random.next() % 50))])
      case 9:
        add(kind: .step, id: id, ["status": .string(random.next() % 2 == 0 ? "done" : "open")])
      case 10:
        add(kind: .step, id: id, ["title": .string("Renamed \(number)"), "deleted": .null])
      case 11:
        add(kind: .review, id: id, ["checkins.01step": .string("done")])
      case 12:
        add(kind: .person, id: "p\(number % 9)", ["name": .string("Person \(number)")])
      default:
        add(kind: .decision, id: id, ["deleted": .bool(random.next() % 2 == 0)])
      }
    }
    return history.operations
  }

  /// Writes `operations` into one journal per device (each in its own order: the order lines
  /// arrive in does not matter).
  private static func write(_ operations: [RhythmCore.Operation], to folder: Folder) throws {
    for device in devices {
      let lines = operations.filter { $0.stamp.device == device }.map { $0.line() + "\n" }
      try folder.write(device, lines.joined())
    }
  }

  @Test("random histories of every record kind: the fast replay equals the replay of operations")
  func fastEqualsOperations() throws {
    var random = SplitMix64(seed: 20_261_130)
    for round in 0..<40 {
      let operations = Self.history(round == 0 ? 6_000 : 60 + round * 7, &random)
      let folder = try Folder()
      try Self.write(operations, to: folder)
      let fast = try JournalReplay.replay(folder: folder.path)
      let read = try Journal.readTails(folder: folder.path, from: [:])
      let slow = StoreState.replaying(read.operations)
      #expect(fast.state.fieldMaps() == slow.fieldMaps())
      // Live and removed alike in the field maps: where each record is filed, too.
      #expect(fast.state.steps.keys.sorted() == slow.steps.keys.sorted())
      #expect(fast.state.removed.keys.map(\.id).sorted() == slow.removed.keys.map(\.id).sorted())
      #expect(fast.latestStamp == read.operations.map(\.stamp).max())
      #expect(fast.positions == read.positions)
      #expect(fast.count == operations.count)
    }
  }

  @Test("lines read on two cores at once equal the same lines read serially, in any order")
  func parallelEqualsSerial() throws {
    var random = SplitMix64(seed: 7)
    let operations = Self.history(3 * JournalReplay.linesWorthSplitting, &random)
    let folder = try Folder()
    try Self.write(operations, to: folder)
    let parallel = try JournalReplay.replay(folder: folder.path)
    var shuffled = operations
    for index in shuffled.indices.reversed() {
      shuffled.swapAt(index, Int(random.next() % UInt64(index + 1)))
    }
    let serial = StoreState.replaying(shuffled)
    #expect(parallel.state.fieldMaps() == serial.fieldMaps())
    #expect(parallel.state.latestStamp == serial.latestStamp)
  }

  /// A whole step's creation by device `dev-a`, as its journal line.
  private static var fineStepLine: String {
    RhythmCore.Operation(
      id: "op1", kind: .step, record: "01s",
      fields: Step.schema.fields(
        of: Step(
          id: "01s", title: "Fine", owner: "li", due: Day(ordinal: 20_000), createdAt: base)),
      prior: [:], stamp: Stamp(millis: 1, counter: 0, device: "dev-a"), person: "li"
    ).line()
  }

  @Test("a damaged line fails with the file, line, column and reason of the JSON path")
  func damagedLinesFailAlike() throws {
    let good = Self.fineStepLine
    let bad: [String] = [
      "{\"id\":\"op2\",\"kind\":\"step\"",  // cut short inside
      good.replacingOccurrences(of: "\"ts\":\"", with: "\"ts\":5,\"x\":\""),  // wrong type
      good.replacingOccurrences(of: "\"kind\":\"step\"", with: "\"kind\":\"spaceship\""),
      good.replacingOccurrences(of: "\"ts\":\"0000000000000001-0000\"", with: "\"ts\":\"soon\""),
      good.replacingOccurrences(of: "\"fields\":{", with: "\"fields\":[{").replacingOccurrences(
        of: "},\"id\"", with: "}],\"id\""),
      good.replacingOccurrences(of: "\"title\":\"Fine\"", with: "\"title\":\"Fi\u{1}ne\""),
      good + " trailing",
    ]
    for line in bad {
      let folder = try Folder()
      try folder.write("dev-a", good + "\n" + line + "\n" + good + "\n")
      var expected: String?
      do { _ = try Journal.readTails(folder: folder.path, from: [:]) } catch {
        expected = "\(error)"
      }
      var found: String?
      do { _ = try JournalReplay.replay(folder: folder.path) } catch { found = "\(error)" }
      #expect(expected != nil)
      #expect(found == expected, "\(line)")
    }
  }

  @Test("bad UTF-8 and a torn last line are read as the JSON path reads them")
  func badBytesAndTornLines() throws {
    let line = Self.fineStepLine
    var bytes = Array(line.replacingOccurrences(of: "Fine", with: "F#ne").utf8)
    if let mark = bytes.firstIndex(of: UInt8(ascii: "#")) { bytes[mark] = 0xFF }
    bytes += Array("\n{\"id\":\"torn".utf8)
    let folder = try Folder()
    try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/dev-a.jsonl"))
    let fast = try JournalReplay.replay(folder: folder.path)
    let read = try Journal.readTails(folder: folder.path, from: [:])
    #expect(fast.state.fieldMaps() == StoreState.replaying(read.operations).fieldMaps())
    #expect(fast.state.steps["01s"]?.title == "F\u{FFFD}ne")
    #expect(fast.warnings == read.warnings)
    #expect(fast.warnings.count == 1)
    #expect(fast.positions == read.positions)
  }

  @Test("steps and decisions written straight to bytes equal their schema's JSON")
  func encoderEqualsSchema() {
    var random = SplitMix64(seed: 3)
    let texts = ["plain", "quote \" back \\ slash", "tab\tnew\nline\r", "\u{1}\u{1F}ctl", "é 日本 🎉"]
    for number in 0..<200 {
      func text() -> String { texts[Int(random.next() % UInt64(texts.count))] }
      var step = Step(
        id: "01s\(number)", title: text(), owner: text(), due: Day(ordinal: Int32(number * 37)),
        success: number % 2 == 0 ? nil : text(),
        createdAt: Self.base.addingTimeInterval(Double(number) * 1.001),
        review: number % 3 == 0 ? nil : text(), tags: number % 4 == 0 ? [] : [text(), text()],
        topic: number % 5 == 0 ? text() : nil)
      step.status = [.open, .done, .dropped][number % 3]
      step.completedAt = number % 2 == 0 ? Self.base.addingTimeInterval(0.25) : nil
      step.deleted = [nil, true, false][number % 3]
      var bytes: [UInt8] = []
      RecordLineEncoder.append(step, to: &bytes)
      #expect(
        String(decoding: bytes, as: UTF8.self)
          == JSONValue.object(Step.schema.fields(of: step)).serialized())
      var decision = Decision(
        id: "01d\(number)", text: text(), decidedBy: number % 2 == 0 ? text() : nil,
        review: number % 3 == 0 ? text() : nil, createdAt: Self.base,
        tags: number % 2 == 0 ? [] : [text()],
        topic: number % 4 == 0 ? text() : nil)
      decision.deleted = [nil, true, false][number % 3]
      bytes = []
      RecordLineEncoder.append(decision, to: &bytes)
      #expect(
        String(decoding: bytes, as: UTF8.self)
          == JSONValue.object(Decision.schema.fields(of: decision)).serialized())
    }
  }

  @Test(
    "journals read a few bytes at a time (lines cut by chunk ends, lines longer than a chunk, empty lines) replay as read whole"
  )
  func chunkedEqualsWhole() throws {
    var random = SplitMix64(seed: 11)
    let operations = Self.history(400, &random)
    let folder = try Folder()
    try Self.write(operations, to: folder)
    // An empty line in the middle counts as a line, as `Journal.Text` counts it.
    let path = folder.path + "/dev-a.jsonl"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(
      text.replacingOccurrences(of: "}\n{", with: "}\n\n{", options: [], range: nil)
        .utf8
    ).write(to: URL(fileURLWithPath: path))
    let read = try Journal.readTails(folder: folder.path, from: [:])
    let whole = StoreState.replaying(read.operations)
    for chunkSize in [1, 7, 97, 512, 4_096, 1 << 20] {
      let chunked = try JournalReplay.replay(folder: folder.path, chunkSize: chunkSize)
      #expect(chunked.state.fieldMaps() == whole.fieldMaps(), "chunk \(chunkSize)")
      #expect(chunked.positions == read.positions, "chunk \(chunkSize)")
      #expect(chunked.count == operations.count, "chunk \(chunkSize)")
    }
  }

  @Test("chunks hold exactly the whole lines of the journal, from any position, in order")
  func chunksCoverTheLines() throws {
    var random = SplitMix64(seed: 5)
    let folder = try Folder()
    var text = ""
    for number in 0..<300 {
      let length = Int(random.next() % 200)
      text += number % 17 == 0 ? "\n" : String(repeating: "x", count: length) + "\(number)\n"
    }
    text += "{\"torn"
    try folder.write("dev-a", text)
    let path = folder.path + "/dev-a.jsonl"
    let data = Data(text.utf8)
    let whole = Journal.Text(path: path, data: data, start: JournalPosition(bytes: 0, lines: 0))
    for chunkSize in [1, 3, 50, 199, 1_000, 100_000] {
      var chunks = JournalChunks(
        path: path, start: JournalPosition(bytes: 0, lines: 0), chunkSize: chunkSize)
      var lines: [String] = []
      var numbers: [Int] = []
      var offset = 0
      while let chunk = try chunks.next() {
        for (index, line) in chunk.lines.enumerated() {
          lines.append(String(decoding: chunk.data[line], as: UTF8.self))
          numbers.append(chunk.firstLine + index)
        }
        offset += (chunk.lines.last?.upperBound ?? -1) + 1
      }
      #expect(lines == whole.lines.map { String(decoding: data[$0], as: UTF8.self) })
      #expect(numbers == Array(1...whole.lines.count))
      #expect(chunks.position == whole.end)
      #expect(offset == whole.end.bytes)
      #expect(chunks.tornWarning == whole.tornWarning)
      #expect(chunks.tornWarning != nil)
    }
    // From a position: the lines after it, numbered on from it.
    let start = JournalPosition(bytes: whole.lines[100].lowerBound, lines: 100)
    var chunks = JournalChunks(path: path, start: start, chunkSize: 64)
    var first: Int?
    var count = 0
    while let chunk = try chunks.next() {
      first = first ?? chunk.firstLine
      count += chunk.lines.count
    }
    #expect(first == 101)
    #expect(count == whole.lines.count - 100)
    #expect(chunks.position == whole.end)
  }

  @Test(
    "a damaged line, bad UTF-8 and a torn last line read in small chunks fail and warn as the JSON path does"
  )
  func smallChunksFailAlike() throws {
    var random = SplitMix64(seed: 9)
    let operations = Self.history(120, &random)
    let lines = operations.map { $0.line() }
    for damaged in [0, 1, 57, 119] {
      var copy = lines
      copy[damaged] = copy[damaged].replacingOccurrences(of: "\"ts\":\"", with: "\"ts\":5,\"x\":\"")
      let folder = try Folder()
      try folder.write("dev-a", copy.joined(separator: "\n") + "\n")
      var expected: String?
      do { _ = try Journal.readTails(folder: folder.path, from: [:]) } catch {
        expected = "\(error)"
      }
      for chunkSize in [13, 1_000, 1 << 20] {
        var found: String?
        do { _ = try JournalReplay.replay(folder: folder.path, chunkSize: chunkSize) } catch {
          found = "\(error)"
        }
        #expect(expected != nil)
        #expect(found == expected, "line \(damaged + 1), chunk \(chunkSize)")
      }
    }
    var bytes = Array((lines.prefix(30).joined(separator: "\n") + "\n").utf8)
    if let mark = bytes.firstIndex(of: UInt8(ascii: "S")) { bytes[mark] = 0xFF }
    bytes += Array("{\"id\":\"torn".utf8)
    let folder = try Folder()
    try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/dev-a.jsonl"))
    let read = try Journal.readTails(folder: folder.path, from: [:])
    for chunkSize in [5, 333, 1 << 20] {
      let chunked = try JournalReplay.replay(folder: folder.path, chunkSize: chunkSize)
      #expect(chunked.state.fieldMaps() == StoreState.replaying(read.operations).fieldMaps())
      #expect(chunked.warnings == read.warnings)
      #expect(chunked.warnings.count == 1)
      #expect(chunked.positions == read.positions)
    }
  }

  @Test(
    "many chunks, each read on two cores while the one before is applied, equal a serial replay in any order"
  )
  func pipelinedChunksEqualSerial() throws {
    var random = SplitMix64(seed: 17)
    let operations = Self.history(8 * JournalReplay.linesWorthSplitting, &random)
    let folder = try Folder()
    try Self.write(operations, to: folder)
    var shuffled = operations
    for index in shuffled.indices.reversed() {
      shuffled.swapAt(index, Int(random.next() % UInt64(index + 1)))
    }
    let serial = StoreState.replaying(shuffled)
    // A chunk of ~1,500 lines: split in two, several chunks per journal.
    let pipelined = try JournalReplay.replay(folder: folder.path, chunkSize: 400_000)
    #expect(pipelined.state.fieldMaps() == serial.fieldMaps())
    #expect(pipelined.state.latestStamp == serial.latestStamp)
    #expect(pipelined.count == operations.count)
  }

  @Test("instants and days written digit by digit equal ISOInstant.format and Day.description")
  func datesAsBytes() {
    var random = SplitMix64(seed: 23)
    var instants: [Date] = [
      Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1.5),
      Date(timeIntervalSince1970: 1_764_057_600.9996), Date(timeIntervalSince1970: -62_135_596_800),
      Date(timeIntervalSince1970: 253_402_300_799.999), Date(timeIntervalSince1970: 86_399.0005),
    ]
    for _ in 0..<2_000 {
      let seconds = Double(Int64(random.next() % 8_000_000_000) - 2_000_000_000)
      let millis = Double(random.next() % 1_000) / 1_000
      instants.append(Date(timeIntervalSince1970: seconds + millis))
    }
    for instant in instants {
      var bytes: [UInt8] = []
      RecordLineEncoder.appendInstant(instant, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == ISOInstant.format(instant))
    }
    for ordinal in [-800_000, -719_528, -1, 0, 1, 20_000, 2_932_896, 2_932_897, 3_000_000] {
      var bytes: [UInt8] = []
      let day = Day(ordinal: Int32(ordinal))
      RecordLineEncoder.appendDay(day, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == day.description)
    }
  }

  @Test("a checksum taken a piece at a time equals the checksum of the whole")
  func runningChecksum() {
    var random = SplitMix64(seed: 31)
    for count in [0, 1, 7, 8, 9, 63, 64, 1_000, 10_007] {
      let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      var running = ContentChecksum.Running(count: count)
      var start = 0
      while start < count {
        let end = min(count, start + 1 + Int(random.next() % 20))
        bytes.withUnsafeBytes { running.add(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        start = end
      }
      #expect(running.value == ContentChecksum.of(bytes), "\(count) bytes")
    }
  }

  @Test(
    "a snapshot written a block at a time reads back as the state, with its checksum, sections and step lines"
  )
  func snapshotWrittenInBlocks() throws {
    var random = SplitMix64(seed: 41)
    let operations = Self.history(3 * SnapshotWriter.block * 2, &random)
    var state = StoreState.replaying(operations)
    for number in 0..<(3 * SnapshotWriter.block) {
      let id = String(format: "01bulk%020d", number)
      state.steps[id] = Step(
        id: id, title: "Bulk \(number)", owner: "li", due: Day(ordinal: Int32(20_000 + number)),
        createdAt: Self.base)
    }
    let folder = try Folder()
    let path = folder.path + "/store.json"
    let header = SnapshotHeader(journals: ["dev-a": JournalPosition(bytes: 9, lines: 1)])
    let writer = try FileIO.replaceAtomically(path) { (sink) throws(RhythmError) in
      try SnapshotWriter(state: state, header: header, to: sink)
    }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(writer.size == data.count)
    #expect(writer.checksum == ContentChecksum.of(data))
    let reader = try SnapshotReader(path: path, data: data)
    var read = StoreState()
    for kind in RecordKind.allCases {
      func load<R: Record>(_ type: R.Type) throws {
        read.load(try reader.decodeSection(R.self))
        #expect(writer.sections[kind] == reader.sections[kind], "\(kind)")
      }
      try load(kind.recordType)
    }
    #expect(read.fieldMaps() == state.fieldMaps())
    #expect(writer.steps.map(\.id) == writer.steps.map(\.id).sorted())
    #expect(
      writer.steps.count == state.steps.count + state.removed.keys.filter { $0.kind == .step }.count
    )
    for placement in writer.steps {
      let line = data[placement.offset..<(placement.offset + placement.length)]
      let step = try RecordCoding.makeDecoder().decode(Step.self, from: line)
      #expect(step.id == placement.id)
      #expect(step.owner == placement.owner)
      #expect(step.due.ordinal == placement.due)
      #expect(StepIndex.statusCode(step) == placement.status)
    }
  }
}
