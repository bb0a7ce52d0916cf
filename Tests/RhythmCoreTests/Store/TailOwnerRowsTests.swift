import Foundation
import Testing

@testable import RhythmCore

/// One owner's rows read from the index and a tail that moves, edits, makes and removes steps
/// are those of the whole state (`stepRows(owners:)` skips tail steps that stay another's).
@Suite("One owner's rows past the snapshot")
struct TailOwnerRowsTests {
  @Test("steps moved to and from an owner, edited, made and removed since the snapshot")
  func ownerRowsEqualFullState() throws {
    let temporary = try TemporaryStore()
    let maria = (0..<6).map { temporary.step("Maria \($0)", owner: "maria") }
    let li = (0..<6).map { temporary.step("Li \($0)", owner: "li") }
    try temporary.store.commit((maria + li).map { .create($0) })
    try temporary.store.compact()
    try temporary.store.commit([
      .update(Step.self, id: maria[0].id, [.set(\.owner, "li")]),
      .update(Step.self, id: li[0].id, [.set(\.owner, "maria")]),
      .update(Step.self, id: maria[1].id, [.set(\.title, "Maria, renamed")]),
      .update(Step.self, id: li[1].id, [.set(\.title, "Li, renamed")]),
      .update(Step.self, id: li[2].id, [.set(\.status, .done)]),
      .update(Step.self, id: maria[2].id, [.set(\.deleted, true)]),
      .create(temporary.step("New for Li", owner: "li")),
      .create(temporary.step("New for Ana", owner: "ana")),
    ])
    let store = try temporary.reopen()
    #expect(store.index != nil && store.tail.count == 8)
    let everything = try Store.open(at: temporary.folder, clock: temporary.clock, person: "tester")
    let live = try everything.loadState().steps.values.filter(\.isLive)
    for owners: Set<String>? in [["maria"], ["li"], ["ana"], ["maria", "li"], ["nobody"], nil] {
      let rows = try store.stepRows(owners: owners)
      let expected = live.filter { owners?.contains($0.owner) ?? true }
      #expect(Set(rows.map(\.id)) == Set(expected.map(\.id)), "\(String(describing: owners))")
      #expect(rows.count == expected.count)
      #expect(
        Set(try store.steps(rows).map(\.title)) == Set(expected.map(\.title)),
        "\(String(describing: owners))")
    }
  }
}
