import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// A pull reaching a running cockpit: operations older than the snapshot are merged into its
/// working state with the touched records' stamps from `store.stamps`, not by compacting and
/// reading everything again, and the result is what a replay of every journal gives.
@Suite("Pull merge in the cockpit")
struct PullMergeCockpitTests {
  private let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("rhythm-pull-cockpit-\(UUID().uuidString)").path
  private static let today = Day(containing: Fixtures.now, in: Fixtures.utc)

  @Test("older operations of a held and an archived step: merged as a replay would")
  func olderOperationsMerged() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clock = Clock.fixed(Fixtures.now)
    let store = try Store.create(at: folder, clock: clock, person: "maria")
    let long = Self.today.adding(days: -400)
    let held = Step(
      id: "01held000000000000000000aa", title: "Held", owner: "maria", due: Self.today,
      createdAt: Fixtures.now)
    var archived = Step(
      id: "01arch000000000000000000bb", title: "Archived", owner: "li", due: long,
      createdAt: Fixtures.now.addingTimeInterval(-400 * 86_400))
    archived.status = .done
    archived.completedAt = archived.createdAt
    let last = Step(
      id: "01last000000000000000000cc", title: "Last", owner: "li", due: Self.today,
      createdAt: Fixtures.now)
    try store.commit([.create(held), .create(archived), .create(last)])
    // This device renames the held step after the other device's edits (made offline).
    let mine = try store.commit([.update(Step.self, id: held.id, [.set(\.title, "Mine, later")])])
    try store.compact()
    let edit = try #require(mine.first?.stamp)
    let opened = try Store.open(at: folder, clock: clock, person: "maria")
    let (data, source) = try opened.workingState(
      stepsFrom: Program.workingCutoff(today: Self.today))
    #expect(data.steps[archived.id] == nil, "the old finished step is archived")
    let program = Program(
      state: AppState(
        data: data, now: clock.now, timeZone: Fixtures.utc, person: "maria",
        archiveSource: source),
      backend: MemoryBackend(size: Size(width: 120, height: 40)), store: opened, clock: clock,
      usesWorkingState: true)
    let snapshotStamp = opened.snapshotStamp

    // The pull: the other device's journal, stamped between the creations and the rename.
    let older = Stamp(millis: edit.millis, counter: edit.counter - 1, device: "other")
    let lines = [
      (held.id, ["title": JSONValue.string("Theirs, earlier"), "owner": .string("ben")]),
      (archived.id, ["status": JSONValue.string("open"), "completedAt": .null]),
    ].enumerated().map { number, change in
      RhythmCore.Operation(
        id: "pulled\(number)", kind: .step, record: change.0, fields: change.1, prior: [:],
        stamp: Stamp(millis: older.millis, counter: older.counter, device: "other\(number)"),
        person: "ben"
      ).line() + "\n"
    }
    try Data(lines.joined().utf8).write(
      to: URL(fileURLWithPath: StoreLayout(folder: folder).journalPath(for: "other")))
    program.handle(nil)

    let steps = program.state.data.steps
    #expect(steps[held.id]?.title == "Mine, later")
    #expect(steps[held.id]?.owner == "ben")
    #expect(steps[archived.id]?.status == .open)
    #expect(opened.snapshotStamp == snapshotStamp, "merged without rewriting the snapshot")
    try Store.rebuild(at: folder, clock: clock)
    let replayed = try Store.open(at: folder, clock: clock).loadState()
    for id in [held.id, archived.id, last.id] { #expect(steps[id] == replayed.steps[id]) }
  }
}
