import Foundation

/// A checkpoint: a snapshot, its stamps and its step index (`store.json`, `store.stamps` and
/// `store.idx` as they are) kept in the shared journal folder, `journal/checkpoints/<device>.json`,
/// `.stamps` and `.idx`, so that a fresh clone starts from it, as fast as a warm store, and
/// replays only the journal lines past it.
///
/// Rules that keep merges conflict-free and every device converging (DECISIONS.md):
/// - only a device writes its own checkpoint's files (no path has two writers, so git never
///   has two versions of one file to merge);
/// - a checkpoint states how far it read each journal (bytes and lines: its header), and is
///   the replay of exactly those lines, with every field's stamp;
/// - a reader starts from the checkpoint covering the most lines among those whose every
///   position lies within its own journals at a line's end, then applies the lines past them:
///   per field the greatest stamp wins, so that is the replay of every line, whichever
///   checkpoint it started from.
struct Checkpoint: Equatable {
  var device: String
  var header: SnapshotHeader

  /// Lines of every journal it covers.
  var lines: Int { header.journals.values.reduce(0) { $0 + $1.lines } }

  /// Every checkpoint in the store's shared folder whose stamps file can be read.
  static func all(in layout: StoreLayout) -> [Checkpoint] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: layout.checkpointFolder)) ?? []
    return names.filter { $0.hasSuffix(".stamps") }.sorted().compactMap { name in
      let device = String(name.dropLast(".stamps".count))
      let paths = layout.checkpointPaths(for: device)
      guard FileIO.exists(paths.snapshot), let tie = StampsFile.readTie(path: paths.stamps),
        let header = SnapshotHeader(tie: tie)
      else { return nil }
      return Checkpoint(device: device, header: header)
    }
  }

  /// The checkpoint to start from: of those that lie within the local journals, the one that
  /// covers the most lines (then the greatest stamp, then the device name: every device
  /// picks the same one from the same files).
  static func best(in layout: StoreLayout) -> Checkpoint? {
    all(in: layout).filter { $0.liesWithin(layout) }.max {
      ($0.lines, $0.header.stamp.map(\.description) ?? "", $0.device)
        < ($1.lines, $1.header.stamp.map(\.description) ?? "", $1.device)
    }
  }

  /// Whether every journal position it states is the end of a whole line of that journal here.
  func liesWithin(_ layout: StoreLayout) -> Bool {
    guard header.schemaVersion <= SnapshotFormat.schemaVersion else { return false }
    for (device, position) in header.journals {
      let path = layout.journalPath(for: device)
      guard FileIO.size(path) >= position.bytes else { return false }
      if position.bytes > 0 {
        guard let last = try? FileIO.read(path, from: position.bytes - 1, count: 1),
          last.first == 0x0A
        else { return false }
      }
    }
    return true
  }
}

extension StoreLayout {
  /// Where checkpoints are shared (in git, with the journals).
  var checkpointFolder: String { journalFolder + "/checkpoints" }

  /// The files of `device`'s checkpoint.
  func checkpointPaths(for device: String) -> (snapshot: String, stamps: String, index: String) {
    let base = checkpointFolder + "/" + device
    return (base + ".json", base + ".stamps", base + ".idx")
  }
}

extension SnapshotHeader {
  /// The header a stamps file is tied to, read back from the tie (`StampsFile.tie(of:)`).
  init?(tie: String) {
    let parts = tie.split(separator: ";", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0].hasPrefix("v"), let version = Int(parts[0].dropFirst())
    else { return nil }
    self.init()
    schemaVersion = version
    if parts[1] != "-" {
      guard let at = parts[1].lastIndex(of: "@"),
        let stamp = Stamp(
          timeText: String(parts[1][..<at]), device: String(parts[1][parts[1].index(after: at)...]))
      else { return nil }
      self.stamp = stamp
    }
    for part in parts.dropFirst(2) {
      guard let equals = part.lastIndex(of: "="),
        let slash = part.lastIndex(of: "/"), equals < slash,
        let bytes = Int(part[part.index(after: equals)..<slash]),
        let lines = Int(part[part.index(after: slash)...])
      else { return nil }
      journals[String(part[..<equals])] = JournalPosition(bytes: bytes, lines: lines)
    }
  }
}
