import Foundation
import Testing

@testable import RhythmCore

/// `Store.commitInBulk`: one append, the caches written from the view it extended.
@Suite("Bulk append")
struct BulkAppendTests {
  /// `count` imported steps, some owned by people the store does not know yet.
  static func imported(_ count: Int) -> [ImportedStep] {
    let due = Day(year: 2026, month: 12, day: 1) ?? Day(ordinal: 0)
    return (0..<count).map { number in
      ImportedStep(
        title: "Imported \(number) \"quoted\" ü",
        owner: number % 7 == 0 ? "new\(number % 3)" : "maria",
        due: due.adding(days: number % 30), success: number % 2 == 0 ? "signed off" : nil,
        tags: number % 5 == 0 ? ["launch", "q4"] : [],
        status: number % 3 == 0 ? .done : .open, origin: "row \(number + 1)")
    }
  }

  /// A store with two people, one change past its snapshot (so the tail is not empty).
  static func prepared() throws -> TemporaryStore {
    let temporary = try TemporaryStore()
    try temporary.store.commit([.create(Person(handle: "maria", name: "Maria"))])
    try temporary.store.commit([.create(Person(handle: "sam", name: "Sam"))])
    return temporary
  }

  static func context(_ store: Store) -> EditContext {
    EditContext(
      now: store.clock.now, timeZone: .gmt, actor: store.person,
      ids: RecordIDGenerator(seed: 7))
  }

  /// The journal lines without the operation ids and the device (random per store).
  static func linesWithoutIDs(_ temporary: TemporaryStore) throws -> [String] {
    try temporary.journalLines().map { line in
      line.replacingOccurrences(
        of: #"\"id\":\"[0-9a-z]{26}\",\"kind\""#, with: "\"kind\"", options: .regularExpression
      )
      .replacingOccurrences(
        of: #"\"dev\":\"[0-9a-z]+\""#, with: "\"dev\":\"-\"", options: .regularExpression)
    }
  }

  @Test("importing in bulk gives the records, journal lines and caches of importing one by one")
  func bulkEqualsOneByOne() throws {
    let items = Self.imported(700)  // past the compaction threshold: the caches are rewritten
    let bulk = try Self.prepared()
    var bulkContext = Self.context(bulk.store)
    try bulk.store.commitInBulk { store throws(RhythmError) in
      try StepEdits.importing(items, addingPeople: true, in: store, &bulkContext).changes
    }
    let single = try Self.prepared()
    var singleContext = Self.context(single.store)
    for item in items {
      try single.store.commit { store throws(RhythmError) in
        try StepEdits.importing([item], addingPeople: true, in: store, &singleContext).changes
      }
    }
    let bulkLines = try Self.linesWithoutIDs(bulk)
    let singleLines = try Self.linesWithoutIDs(single)
    #expect(bulkLines.count == 2 + 3 + 700)
    #expect(bulkLines == singleLines)
    #expect(bulkLines.last?.contains(#""kind":"step","prior":{}"#) == true)

    let bulkState = try bulk.reopen().loadState()
    let singleState = try single.reopen().loadState()
    #expect(bulkState.steps.count == 700)
    #expect(bulkState.steps == singleState.steps)
    #expect(bulkState.people == singleState.people)
    #expect(Set(bulkState.people.keys) == ["maria", "sam", "new0", "new1", "new2"])
    // The snapshot written from the view equals a replay of the journals.
    let check = try StoreCheck.run(folder: bulk.folder)
    #expect(check.hasSnapshot && check.hasIndex)
    #expect(check.differences.isEmpty, "\(check.differences)")
    #expect(check.liveRecords[.step] == 700)
    #expect(try bulk.store.records(Step.self) == singleState.steps)
  }

  @Test("a bulk append as a new store's first change (no snapshot yet)")
  func intoANewStore() throws {
    let temporary = try TemporaryStore()
    var context = Self.context(temporary.store)
    try temporary.store.commitInBulk { store throws(RhythmError) in
      try StepEdits.importing(Self.imported(600), addingPeople: true, in: store, &context).changes
    }
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.hasSnapshot && check.differences.isEmpty, "\(check.differences)")
    #expect(check.liveRecords[.step] == 600)
    #expect(check.liveRecords[.person] == 4)
  }

  @Test("a bulk append after an older operation arrived from another device: replayed")
  func withAnOlderOperationInTheTail() throws {
    let temporary = try Self.prepared()
    // Another device's line, older than the snapshot, arrived through git.
    let other = Operation(
      id: "01jbulkotherdevice00000000", kind: .person, record: "sam",
      fields: ["name": .string("Samuel")], prior: [:],
      stamp: Stamp(millis: 1_000, counter: 0, device: "otherdev"), person: "lea")
    try Data((other.line() + "\n").utf8).write(
      to: URL(fileURLWithPath: temporary.layout.journalFolder + "/otherdev.jsonl"))
    var context = Self.context(temporary.store)
    try temporary.store.commitInBulk { store throws(RhythmError) in
      try StepEdits.importing(Self.imported(600), addingPeople: true, in: store, &context).changes
    }
    let check = try StoreCheck.run(folder: temporary.folder)
    #expect(check.hasSnapshot && check.differences.isEmpty, "\(check.differences)")
    #expect(check.operations == 2 + 3 + 600 + 1)
    #expect(try temporary.reopen().records(Step.self).count == 600)
  }

  @Test("a bulk append that cannot be written leaves the journal as it was")
  func failedAppendLeavesNothing() throws {
    let temporary = try Self.prepared()
    let before = try temporary.journalLines()
    let failing = try Store.open(
      at: temporary.folder, clock: temporary.clock, person: "tester", failingWrites: .journal)
    var context = Self.context(failing)
    #expect(throws: RhythmError.self) {
      try failing.commitInBulk { store throws(RhythmError) in
        try StepEdits.importing(Self.imported(600), addingPeople: true, in: store, &context)
          .changes
      }
    }
    #expect(try temporary.journalLines() == before)
    #expect(try temporary.reopen().records(Step.self).isEmpty)
  }

  @Test("an import refused halfway (an unknown owner) writes nothing")
  func refusedImportWritesNothing() throws {
    let temporary = try Self.prepared()
    let before = try temporary.journalLines()
    var context = Self.context(temporary.store)
    #expect(throws: RhythmError.self) {
      try temporary.store.commitInBulk { store throws(RhythmError) in
        try StepEdits.importing(Self.imported(600), in: store, &context).changes
      }
    }
    #expect(try temporary.journalLines() == before)
  }

  @Test("caches that cannot be written after the append: saved, a warning, the view has it all")
  func cacheFailureAfterTheAppend() throws {
    for file in [StoreFile.snapshot, .index, .stamps] {
      let temporary = try Self.prepared()
      try temporary.store.compact()
      let failing = try Store.open(
        at: temporary.folder, clock: temporary.clock, person: "tester", failingWrites: file)
      var context = Self.context(failing)
      try failing.commitInBulk { store throws(RhythmError) in
        try StepEdits.importing(Self.imported(600), addingPeople: true, in: store, &context)
          .changes
      }
      #expect(failing.warnings.contains { $0.hasPrefix("saved; the cache") }, "\(file)")
      #expect(try failing.records(Step.self).count == 600, "\(file)")
      #expect(try failing.loadState().people.count == 5, "\(file)")
      let later = try temporary.reopen()
      #expect(try later.records(Step.self) == (try failing.records(Step.self)), "\(file)")
      #expect(try StoreCheck.run(folder: temporary.folder).differences.isEmpty, "\(file)")
    }
  }

  @Test("a small bulk append past a fresh snapshot stays in the tail, as a commit's would")
  func smallBulkKeepsTheSnapshot() throws {
    let temporary = try Self.prepared()
    try temporary.store.compact()
    let snapshot = try Data(contentsOf: URL(fileURLWithPath: temporary.layout.snapshotPath))
    var context = Self.context(temporary.store)
    try temporary.store.commitInBulk { store throws(RhythmError) in
      try StepEdits.importing(Self.imported(3), addingPeople: true, in: store, &context).changes
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.layout.snapshotPath)) == snapshot)
    #expect(try temporary.store.records(Step.self).count == 3)
    #expect(try temporary.reopen().records(Step.self) == (try temporary.store.records(Step.self)))
  }

  @Test("a creation's line written from the record equals the line of its fields")
  func creationLineEqualsFieldsLine() throws {
    let stamp = Stamp(millis: 1_764_057_300_123, counter: 2, device: "dev1")
    func check<R: Record>(_ record: R) {
      var bytes: [UInt8] = []
      let made = Operation.writeCreation(
        of: record, id: "01jop", stamp: stamp, person: "ma\"ria", into: &bytes)
      let fields = R.schema.fields(of: record)
      let operation = Operation(
        id: "01jop", kind: R.kind, record: record.id, fields: fields, prior: [:], stamp: stamp,
        person: "ma\"ria")
      #expect(String(decoding: bytes, as: UTF8.self) == operation.line())
      var expected: UInt64 = 0
      for name in fields.keys where name != "id" {
        expected |= 1 << UInt64(R.schema.position(of: name) ?? 0)
      }
      #expect(made == expected, "\(R.self)")
    }
    var step = Step(
      id: "01jstep", title: "A \"title\"\n\u{1}é", owner: "maria", due: Day(ordinal: 20_000),
      success: "signed", createdAt: Date(timeIntervalSince1970: 1_764_000_000.5),
      tags: ["launch", "q4"])
    step.status = .done
    step.completedAt = Date(timeIntervalSince1970: 1_764_100_000)
    check(step)
    check(
      Step(id: "01jbare", title: "t", owner: "o", due: Day(ordinal: 1), createdAt: .distantPast))
    check(Person(handle: "maria", name: "Maria", teams: ["core"], email: "m@example.org"))
    var review = Review(
      id: "01jrev", cadence: "weekly", occurrence: Date(timeIntervalSince1970: 1_764_000_000))
    review.ratings = ["maria": 4, "sam": 5]
    review.checkins = ["maria": "fine"]
    review.spent = ["a": 1.5]
    check(review)
  }

  @Test("journal lines keep their format: sorted keys, compact, escapes")
  func lineFormat() throws {
    let operation = Operation(
      id: "01jabc", kind: .step, record: "01jrec",
      fields: [
        "title": .string("a \"b\"\\\n\u{1}é"), "tags": .array([.string("x")]), "n": .number(2.5),
      ],
      prior: ["due": .null], stamp: Stamp(millis: 1_764_057_300_123, counter: 2, device: "dev1"),
      person: "maria", undoes: "01jundo", redoes: "01jredo")
    #expect(
      operation.line()
        == #"{"by":"maria","dev":"dev1","fields":{"n":2.5,"tags":["x"],"title":"a \"b\"\\\n\u0001é"},"id":"01jabc","kind":"step","prior":{"due":null},"rec":"01jrec","redoes":"01jredo","ts":"0001764057300123-0002","undoes":"01jundo"}"#
    )
    #expect(try Operation(line: Array(operation.line().utf8)) == operation)
  }
}
