import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm store check|rebuild|checkpoint|path`: look after the store's files.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "Check or rebuild the store's files.",
    subcommands: [Check.self, Rebuild.self, CheckpointCommand.self, Path.self])

  /// Replays every journal and compares the snapshot and index with it.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Replay every journal; compare store.json and store.idx with it.",
      discussion: """
        Reads only. Exit 0 when the snapshot and index agree with the journals;
        otherwise each difference is listed (cache, record, field) and the exit
        status is 1: `rhythm store rebuild` rebuilds both from the journals.
        """)
    @OptionGroup var storeOptions: StoreOptions

    /// Differences listed before the rest are only counted.
    static let shownDifferences = 50

    func run() throws {
      let context = try CommandContext(storeOptions)
      let check = try StoreCheck.run(folder: context.folder)
      for warning in check.warnings { Terminal.printError("rhythm: warning: " + warning) }
      let differences = check.differences
      guard differences.isEmpty else {
        for difference in differences.prefix(Self.shownDifferences) {
          Output.line(difference.description)
        }
        if differences.count > Self.shownDifferences {
          Output.line("… and \(differences.count - Self.shownDifferences) more")
        }
        let files = Set(differences.map(\.file)).sorted().joined(separator: " and ")
        throw RhythmError.message(
          "\(files) \(differences.count == 1 ? "differs" : "differ") from the journals "
            + "(\(differences.count) \(differences.count == 1 ? "difference" : "differences")): "
            + "run `rhythm store rebuild` to rebuild them from the journals")
      }
      Output.line(Self.summary(check))
    }

    /// "N operations in M journals replayed; snapshot and index agree (counts)".
    static func summary(_ check: StoreCheck) -> String {
      let caches: String
      switch (check.hasSnapshot, check.hasIndex) {
      case (true, true): caches = "snapshot and index agree"
      case (true, false): caches = "snapshot agrees (no index yet)"
      default: caches = "no snapshot yet"
      }
      let counts = [
        (RecordKind.person, "people"), (.cadence, "cadences"), (.review, "reviews"),
        (.step, "steps"), (.decision, "decisions"),
      ].map { "\(check.liveRecords[$0.0] ?? 0) \($0.1)" }
      return "\(check.operations) operations in \(check.journals) "
        + "\(check.journals == 1 ? "journal" : "journals") replayed; \(caches) "
        + "(\(counts.joined(separator: ", ")))"
    }
  }

  /// Rebuilds the snapshot from the journals (the old one is moved to backups/).
  struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rebuild",
      abstract: "Rebuild store.json from the journals (the old file is moved to backups/).")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let context = try CommandContext(storeOptions)
      let layout = StoreLayout(folder: context.folder)
      guard FileManager.default.fileExists(atPath: layout.journalFolder) else {
        throw RhythmError.noStore(path: layout.folder)
      }
      // Open without reading the (possibly damaged) snapshot: move it aside first.
      try Store.rebuild(at: context.folder, clock: context.clock)
      Output.line("rebuilt \(layout.snapshotPath) from the journals")
    }
  }

  /// Writes this device's checkpoint now.
  struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "checkpoint",
      abstract: "Write this device's checkpoint into journal/checkpoints/ (shared by sync).",
      discussion: """
        A checkpoint is the snapshot, its per-field stamps and its step index, with
        how far it read each journal. A fresh clone starts from the best one and
        replays only the journal lines past it. Compactions write one by themselves every 100,000
        journal lines; this writes one now.
        """)
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let context = try CommandContext(storeOptions)
      let (path, lines) = try context.openStore().checkpoint()
      Output.line("checkpoint \(path): \(lines) journal lines")
    }
  }

  /// Prints the store folder in use.
  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "path", abstract: "Print the store folder in use.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      Output.line(try CommandContext(storeOptions).folder)
    }
  }
}
