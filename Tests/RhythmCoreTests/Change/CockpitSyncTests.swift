import Foundation
import Testing

@testable import RhythmCore

/// A running cockpit holds a state that operations from other devices reach through
/// `Store.refresh()`; it must show what every command (a fresh replay) shows.
@Suite("A cockpit's state after a sync")
struct CockpitSyncTests {
  /// Writes `change` as another device's journal line, stamped `stamp`.
  private func arrive(_ change: Change, stamp: Stamp, in temporary: TemporaryStore) throws {
    let operation = RhythmCore.Operation(
      id: "foreign-\(stamp.millis)", kind: change.kind, record: change.id,
      fields: change.fields, prior: [:], stamp: stamp, person: "li")
    let path = temporary.layout.journalPath(for: stamp.device)
    let line = Data((operation.line() + "\n").utf8)
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(line)
      try handle.close()
    } else {
      try line.write(to: URL(fileURLWithPath: path))
    }
  }

  @Test("an older operation for a field edited here later keeps the newer value, as a replay does")
  func olderOperationAfterNewerEdit() throws {
    let temporary = try TemporaryStore()
    let step = temporary.step("Draft")
    let created = try temporary.store.commit([.create(step)])
    _ = try temporary.store.loadState()
    try temporary.store.commit([.update(Step.self, id: step.id, [.set(\.title, "Newer here")])])
    // Another device's edit, made between the creation and this edit, comes in through git.
    let creationStamp = try #require(created.first?.stamp)
    // Same instant and counter as the creation, from a device that sorts after: between the two.
    let older = Stamp(
      millis: creationStamp.millis, counter: creationStamp.counter, device: "zzzzzzzz")
    try arrive(
      .update(Step.self, id: step.id, [.set(\.title, "Older there"), .set(\.success, "signed")]),
      stamp: older, in: temporary)
    let cockpit = try #require(try temporary.store.refresh())
    #expect(cockpit.steps[step.id]?.title == "Newer here")
    #expect(cockpit.steps[step.id]?.success == "signed")
    let replayed = try Store.open(at: temporary.folder, clock: temporary.clock).loadState()
    #expect(cockpit.fieldMaps() == replayed.fieldMaps())
  }

  @Test("an operation older than the snapshot is merged by the same rule")
  func olderThanTheSnapshot() throws {
    let temporary = try TemporaryStore()
    let step = temporary.step("Draft")
    let created = try temporary.store.commit([.create(step)])
    try temporary.store.commit([.update(Step.self, id: step.id, [.set(\.title, "Newer here")])])
    try temporary.store.compact()
    let store = try temporary.reopen()
    _ = try store.loadState()
    let creationStamp = try #require(created.first?.stamp)
    // Same instant and counter as the creation, from a device that sorts after: between the two.
    let older = Stamp(
      millis: creationStamp.millis, counter: creationStamp.counter, device: "zzzzzzzz")
    try arrive(
      .update(Step.self, id: step.id, [.set(\.title, "Older there"), .set(\.owner, "li")]),
      stamp: older, in: temporary)
    let cockpit = try #require(try store.refresh())
    #expect(cockpit.steps[step.id]?.title == "Newer here")
    #expect(cockpit.steps[step.id]?.owner == "li")
    let replayed = try Store.open(at: temporary.folder, clock: temporary.clock).loadState()
    #expect(cockpit.fieldMaps() == replayed.fieldMaps())
  }
}
