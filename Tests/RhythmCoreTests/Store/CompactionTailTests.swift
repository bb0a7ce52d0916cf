import Foundation
import Testing

@testable import RhythmCore

/// How long a tail a command carries before it rewrites the snapshot: 512 operations, or a
/// 128th of the steps in a larger store (`Store.compactionTail`).
@Suite("Compaction tail: it grows with the store")
struct CompactionTailTests {
  private static let base = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()

  /// Journal lines creating `count` steps (numbered from `from`), or renaming them when
  /// `renaming`, stamped after `after`.
  private static func lines(
    _ range: Range<Int>, renaming: Bool, after: inout Stamp?
  ) -> String {
    var text = ""
    for number in range {
      let id = String(format: "01tail%020d", number)
      let stamp = Stamp.next(after: after, now: base, device: "dev-a")
      after = stamp
      let fields: [String: JSONValue]
      if renaming {
        fields = ["title": .string("Renamed \(number)")]
      } else {
        fields = Step.schema.fields(
          of: Step(
            id: id, title: "Step \(number)", owner: "maria",
            due: Day(year: 2026, month: 12, day: 1) ?? .init(ordinal: 0), createdAt: base))
      }
      let operation = RhythmCore.Operation(
        id: "op\(number)\(renaming ? "r" : "")", kind: .step, record: id, fields: fields,
        prior: [:], stamp: stamp, person: "dev-a")
      text += operation.line() + "\n"
    }
    return text
  }

  @Test("70,000 steps carry 546 operations past the snapshot, and compact at 547")
  func tailGrowsWithTheStore() throws {
    let temporary = try TemporaryStore()
    let path = temporary.layout.journalPath(for: "dev-a")
    var stamp: Stamp?
    _ = FileManager.default.createFile(
      atPath: path, contents: Data(Self.lines(0..<70_000, renaming: false, after: &stamp).utf8))
    #expect(try temporary.reopen().index?.count == 70_000)
    #expect(temporary.store.compactionTail == 70_000 / 128)
    // More than 512 past the snapshot, no more than a 128th of the steps: carried.
    try PullMergeTests.append(
      Self.lines(0..<546, renaming: true, after: &stamp), to: path)
    let carrying = try temporary.reopen()
    #expect(carrying.tail.count == 546)
    let row = try carrying.resolveStep("01tail00000000000000000545")
    #expect(try carrying.steps([row]).first?.title == "Renamed 545")
    // One more: the command compacts.
    try PullMergeTests.append(
      Self.lines(546..<547, renaming: true, after: &stamp), to: path)
    #expect(try temporary.reopen().tail.isEmpty)
    // A small store keeps 512.
    let small = try TemporaryStore()
    #expect(small.store.compactionTail == Store.compactionThreshold)
  }
}
