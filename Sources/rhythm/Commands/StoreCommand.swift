import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm store check|rebuild|path`: look after the store's files.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "Check or rebuild the store's files.",
    subcommands: [Check.self, Rebuild.self, Path.self])

  /// Reads every file and reports the first problem.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read every file; report problems.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let state = try store.loadState()
      Output.line(
        "ok: \(state.people.count) people, \(state.cadences.count) cadences, \(state.reviews.count) reviews, "
          + "\(state.steps.count) steps, \(state.decisions.count) decisions")
    }
  }

  /// Rebuilds the snapshot from the journals (the old one is moved to backups/).
  struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
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

  /// Prints the store folder in use.
  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the store folder in use.")
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
      Output.line(try CommandContext(storeOptions).folder)
    }
  }
}
