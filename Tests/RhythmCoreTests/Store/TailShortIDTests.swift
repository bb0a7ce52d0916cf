import Foundation
import Testing

@testable import RhythmCore

/// The short ids of steps changed or made since the snapshot are those a compaction would give:
/// an edited step keeps its short form unless a new step ends the same way, and a new step is
/// lengthened past every step the index has.
@Suite("Short ids past the snapshot")
struct TailShortIDTests {
  @Test("edited and new steps in the tail: the same short ids as after a compaction")
  func tailShortIDsEqualCompacted() throws {
    let temporary = try TemporaryStore()
    // Endings that clash in 4 and 5 characters, so short forms are 5, 6 or more long.
    func step(_ prefix: String, _ ending: String) -> Step {
      var step = temporary.step("Step \(prefix)\(ending)")
      step.id = "01short" + prefix + ending
      return step
    }
    let old = ["aa": "x1234", "ab": "y1234", "ac": "z9876", "ad": "q5555", "ae": "r7777"]
    try temporary.store.commit(
      old.sorted { $0.key < $1.key }.map { .create(step($0.key, $0.value)) })
    try temporary.store.compact()
    let renamed = old.keys.sorted().map { "01short" + $0 + (old[$0] ?? "") }
    for id in renamed {
      try temporary.store.commit([.update(Step.self, id: id, [.set(\.title, "Renamed")])])
    }
    // New steps: one ends like `z9876` in 5 characters, one like `q5555` in 4, one unlike any.
    try temporary.store.commit([
      .create(step("ba", "z9876")), .create(step("bb", "05555")), .create(step("bc", "abcde")),
    ])
    let store = try temporary.reopen()
    #expect(store.index != nil && store.tail.count == 8)
    let rows = try store.stepRows()
    let expected = ShortIDs.map(rows.map(\.id))
    #expect(rows.count == 8)
    for row in rows { #expect(row.short == expected[row.id], "\(row.id)") }
  }
}
