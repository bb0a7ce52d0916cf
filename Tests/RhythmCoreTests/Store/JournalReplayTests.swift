import Foundation
import Testing

@testable import RhythmCore

/// The fast replay (`JournalReplay`: byte-level line decoding on both cores, typed records put
/// whole) gives what reading every line with `Operation(line:)` and replaying gives, and fails
/// on the same line with the same words.
@Suite("Journal replay: fast equals the JSON path")
struct JournalReplayTests {
  private static let base = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()
  private static let devices = ["dev-a", "dev-b", "dev-c"]

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
    var operations: [RhythmCore.Operation] = []
    var clocks: [String: Stamp] = [:]
    var steps: [String] = []
    func add(kind: RecordKind, id: String, _ fields: [String: JSONValue]) {
      let device = devices[Int(random.next() % 3)]
      let now = base.addingTimeInterval(Double(random.next() % 600))
      let stamp = Stamp.next(after: clocks[device], now: now, device: device)
      clocks[device] = stamp
      operations.append(
        RhythmCore.Operation(
          id: "op\(operations.count)", kind: kind, record: id, fields: fields, prior: [:],
          stamp: stamp, person: device))
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
    return operations
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

  @Test("a damaged line fails with the file, line, column and reason of the JSON path")
  func damagedLinesFailAlike() throws {
    let good = RhythmCore.Operation(
      id: "op1", kind: .step, record: "01s",
      fields: Step.schema.fields(
        of: Step(
          id: "01s", title: "Fine", owner: "li", due: Day(ordinal: 20_000), createdAt: Self.base)),
      prior: [:], stamp: Stamp(millis: 1, counter: 0, device: "dev-a"), person: "li"
    ).line()
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
    let line = RhythmCore.Operation(
      id: "op1", kind: .step, record: "01s",
      fields: Step.schema.fields(
        of: Step(
          id: "01s", title: "Fine", owner: "li", due: Day(ordinal: 20_000), createdAt: Self.base)),
      prior: [:], stamp: Stamp(millis: 1, counter: 0, device: "dev-a"), person: "li"
    ).line()
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
}
