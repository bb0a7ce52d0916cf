import ArgumentParser
import Foundation
import RhythmCore
import RhythmDemo

/// `rhythm init [--demo]`: creates a store, optionally filled with the sample organisation.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create a store (--demo fills it with a sample organisation).")

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Fill the store with the sample marketing and sales organisation.")
  var demo = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = context.watch(try Store.create(at: context.folder, clock: context.clock))
    if demo {
      // The commit writes the first snapshot too, when it can (else it says so).
      try store.commit(DemoOrganisation.build(now: context.clock.now, timeZone: context.timeZone))
    }
    Output.line(
      "created \(demo ? "the demo organisation" : "an empty store") in \(store.layout.folder)")
  }
}
