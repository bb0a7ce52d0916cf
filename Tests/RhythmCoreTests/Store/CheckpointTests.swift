import Foundation
import Testing

@testable import RhythmCore

/// Checkpoints in the shared journal folder: a fresh clone starts from the best one that lies
/// within its journals, reads only the lines past it, and ends where a replay of every line
/// ends, whichever checkpoint (from whichever device) it started from.
@Suite("Checkpoints: checkpoint + journals equal a full replay")
struct CheckpointTests {
  private typealias Operations = [RhythmCore.Operation]

  /// A folder holding `journal/` only, removed at the end: a fresh clone.
  private final class Clone {
    let folder = NSTemporaryDirectory() + "rhythm-clone-" + UUID().uuidString
    var layout: StoreLayout { StoreLayout(folder: folder) }
    init() throws {
      try FileManager.default.createDirectory(
        atPath: StoreLayout(folder: folder).checkpointFolder, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: folder) }
  }

  /// Each device's operations, in its own order.
  private static func byDevice(_ operations: Operations) -> [String: Operations] {
    Dictionary(grouping: operations, by: \.stamp.device)
  }

  /// A store whose journals hold the first `cuts[device]` lines of each device, compacted,
  /// with its checkpoint written; returns the checkpoint's device.
  private static func author(
    _ own: [String: Operations], cuts: [String: Int], into clone: Clone
  ) throws -> String {
    let author = try TemporaryStore()
    for device in PullMergeTests.devices {
      let lines = PullMergeTests.text((own[device] ?? [])[..<(cuts[device] ?? 0)])
      _ = FileManager.default.createFile(
        atPath: author.layout.journalPath(for: device), contents: Data(lines.utf8))
    }
    let store = try author.reopen()
    let (path, _) = try store.checkpoint()
    let device = try store.deviceID()
    #expect(path == author.layout.checkpointPaths(for: device).snapshot)
    // What `git pull` brings: the checkpoint's files, as they are (new inodes and mtimes).
    let theirs = author.layout.checkpointPaths(for: device)
    let mine = clone.layout.checkpointPaths(for: device)
    for (source, destination) in [
      (theirs.snapshot, mine.snapshot), (theirs.stamps, mine.stamps), (theirs.index, mine.index),
    ] {
      try FileManager.default.copyItem(atPath: source, toPath: destination)
    }
    return device
  }

  /// Writes every device's operations of `own` into `clone`'s journals.
  private static func writeJournals(_ own: [String: Operations], into clone: Clone) {
    for device in PullMergeTests.devices {
      _ = FileManager.default.createFile(
        atPath: clone.layout.journalPath(for: device),
        contents: Data(PullMergeTests.text((own[device] ?? [])[...]).utf8))
    }
  }

  /// What the fast paths (index and tail) answer equals what a replay of `operations` gives:
  /// the rows, the full steps, every step resolved by its id, and the whole state.
  private static func expectAnswersEqualReplay(
    _ store: Store, _ operations: Operations
  ) throws {
    let replayed = StoreState.replaying(operations)
    let live = replayed.steps.values.filter(\.isLive).sorted { $0.id < $1.id }
    let rows = try store.stepRows().sorted { $0.id < $1.id }
    #expect(rows.map(\.id) == live.map(\.id))
    #expect(rows.map(\.status) == live.map(\.status))
    #expect(rows.map(\.owner) == live.map(\.owner))
    #expect(rows.map(\.due) == live.map(\.due))
    #expect(try store.steps(rows) == live)
    for step in live { #expect(try store.resolveStep(step.id).id == step.id) }
    #expect(try store.loadState().fieldMaps() == replayed.fieldMaps())
  }

  @Test("two devices' checkpoints arrive by git: the clone starts from the best that fits")
  func cloneStartsFromBestCheckpoint() throws {
    var random = SplitMix64(seed: 2_000_000)
    var startedFromLater = 0
    for _ in 0..<25 {
      let operations = PullMergeTests.history(60 + Int(random.next() % 100), &random)
      let own = Self.byDevice(operations)
      var early: [String: Int] = [:]
      var late: [String: Int] = [:]
      for device in PullMergeTests.devices {
        let count = own[device]?.count ?? 0
        early[device] = Int(random.next() % UInt64(count + 1))
        late[device] =
          (early[device] ?? 0) + Int(random.next() % UInt64(count - (early[device] ?? 0) + 1))
      }
      let clone = try Clone()
      let earlyDevice = try Self.author(own, cuts: early, into: clone)
      let lateDevice = try Self.author(own, cuts: late, into: clone)
      // The clone has every line of two journals, and of the third only as far as the early
      // checkpoint when `lags`: the late checkpoint then does not fit.
      let lags = random.next() % 2 == 0
      let lagging = PullMergeTests.devices[Int(random.next() % 3)]
      var visible: Operations = []
      for device in PullMergeTests.devices {
        let all = own[device] ?? []
        let count = lags && device == lagging ? (early[device] ?? 0) : all.count
        visible += all[..<count]
        _ = FileManager.default.createFile(
          atPath: clone.layout.journalPath(for: device),
          contents: Data(PullMergeTests.text(all[..<count]).utf8))
      }
      let lateFits = !lags || late[lagging] == early[lagging]
      let lateLines = late.values.reduce(0, +)
      let earlyLines = early.values.reduce(0, +)
      // The late one when it fits and covers more; the early one when the late does not fit.
      var expected: String?
      if !lateFits {
        expected = earlyDevice
      } else if lateLines > earlyLines {
        expected = lateDevice
      }
      let best = try #require(Checkpoint.best(in: clone.layout))
      if let expected { #expect(best.device == expected) }
      if best.device == lateDevice, lateLines > earlyLines { startedFromLater += 1 }
      // The lines the checkpoint covers are not read again: damaged, they change nothing.
      if let (device, position) = best.header.journals.first(where: { $0.value.lines > 0 }) {
        let path = clone.layout.journalPath(for: device)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let newline = try #require(bytes.firstIndex(of: 0x0A))
        #expect(newline < position.bytes)
        bytes.replaceSubrange(0..<newline, with: Data(repeating: UInt8(ascii: "x"), count: newline))
        try bytes.write(to: URL(fileURLWithPath: path))
      }
      let store = try Store.open(at: clone.folder, clock: .fixed(Date()), person: "tester")
      #expect(try store.loadState().fieldMaps() == StoreState.replaying(visible).fieldMaps())
      #expect(store.stampsFile != nil)
    }
    #expect(startedFromLater > 5)
  }

  @Test("a checkpoint's index is adopted with it: a fresh clone answers as a replay, no rewrite")
  func cloneAdoptsCheckpointIndex() throws {
    var random = SplitMix64(seed: 2_000_001)
    for _ in 0..<15 {
      let operations = PullMergeTests.history(80 + Int(random.next() % 120), &random)
      let own = Self.byDevice(operations)
      var cuts: [String: Int] = [:]
      for device in PullMergeTests.devices {
        cuts[device] = Int(random.next() % UInt64((own[device]?.count ?? 0) + 1))
      }
      let clone = try Clone()
      let device = try Self.author(own, cuts: cuts, into: clone)
      Self.writeJournals(own, into: clone)
      let store = try Store.open(at: clone.folder, clock: .fixed(Date()), person: "tester")
      // The checkpoint's snapshot stands as the store's (a link: not rewritten), with its
      // index, bound to this file so that it is trusted without reading the snapshot again.
      let snapshot = try #require(FileIO.identity(clone.layout.snapshotPath))
      let shared = try #require(FileIO.identity(clone.layout.checkpointPaths(for: device).snapshot))
      #expect(snapshot.inode == shared.inode)
      #expect(store.index != nil)
      #expect(
        StepIndex.read(path: clone.layout.indexPath, matching: snapshot, snapshot: Data()) != nil)
      try Self.expectAnswersEqualReplay(store, operations)
    }
  }

  @Test("a checkpoint's index of another snapshot is refused: the clone rebuilds it, loses nothing")
  func mismatchedCheckpointIndexIsRefused() throws {
    var random = SplitMix64(seed: 2_000_002)
    for _ in 0..<10 {
      let operations = PullMergeTests.history(80 + Int(random.next() % 120), &random)
      let own = Self.byDevice(operations)
      // One device writes a checkpoint, then another after more lines: the clone gets the
      // later one's snapshot and stamps with the earlier one's index.
      let author = try TemporaryStore()
      var half: [String: Int] = [:]
      for device in PullMergeTests.devices {
        half[device] = (own[device]?.count ?? 0) / 2
        let lines = PullMergeTests.text((own[device] ?? [])[..<(half[device] ?? 0)])
        _ = FileManager.default.createFile(
          atPath: author.layout.journalPath(for: device), contents: Data(lines.utf8))
      }
      _ = try author.reopen().checkpoint()
      let device = try author.store.deviceID()
      let theirs = author.layout.checkpointPaths(for: device)
      let earlierIndex = try Data(contentsOf: URL(fileURLWithPath: theirs.index))
      for device in PullMergeTests.devices {
        let rest = (own[device] ?? [])[(half[device] ?? 0)...]
        try PullMergeTests.append(
          PullMergeTests.text(rest), to: author.layout.journalPath(for: device))
      }
      _ = try author.reopen().checkpoint()
      let clone = try Clone()
      let mine = clone.layout.checkpointPaths(for: device)
      try FileManager.default.copyItem(atPath: theirs.snapshot, toPath: mine.snapshot)
      try FileManager.default.copyItem(atPath: theirs.stamps, toPath: mine.stamps)
      try earlierIndex.write(to: URL(fileURLWithPath: mine.index))
      Self.writeJournals(own, into: clone)
      // The adoption alone: snapshot and stamps taken, the index refused.
      let adopting = try Store.open(at: clone.folder, clock: .fixed(Date()), person: "tester")
      for path in [clone.layout.snapshotPath, clone.layout.stampsPath, clone.layout.indexPath] {
        FileIO.remove(path)
      }
      #expect(try adopting.adoptCheckpoint())
      #expect(FileIO.exists(clone.layout.snapshotPath))
      #expect(!FileIO.exists(clone.layout.indexPath))
      // The first command rewrote the snapshot and wrote its own index.
      let store = try Store.open(at: clone.folder, clock: .fixed(Date()), person: "tester")
      let snapshot = try #require(FileIO.identity(clone.layout.snapshotPath))
      let shared = try #require(FileIO.identity(mine.snapshot))
      #expect(snapshot.inode != shared.inode)
      #expect(store.index != nil)
      try Self.expectAnswersEqualReplay(store, operations)
    }
  }

  @Test("a compaction writes the device's checkpoint only every checkpointInterval lines")
  func compactionWritesCheckpointsNowAndThen() throws {
    let temporary = try TemporaryStore()
    try temporary.store.commit([.create(temporary.step("One"))])
    let device = try temporary.store.deviceID()
    #expect(!FileIO.exists(temporary.layout.checkpointPaths(for: device).snapshot))
    try temporary.store.compact()
    #expect(!FileIO.exists(temporary.layout.checkpointPaths(for: device).snapshot))
    // A snapshot `checkpointInterval` lines past the newest checkpoint (none yet): one is
    // written.
    let header = try #require(temporary.store.snapshot?.header)
    var far = header
    far.journals[device]?.lines = Store.checkpointInterval
    #expect(try temporary.store.writeCheckpoint(header: far, force: false) != nil)
    #expect(Checkpoint.all(in: temporary.layout).map(\.device) == [device])
    // Within the interval of that one: none.
    #expect(try temporary.store.writeCheckpoint(header: far, force: false) == nil)
  }
}
