import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm review start CADENCE`: the cockpit, on that cadence's current or next review, live.
struct ReviewStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start a cadence's current or next review in the cockpit.",
    discussion:
      "CADENCE is part of the cadence's title or 4+ characters of its id. The review is "
      + "stored as live with its start time at once; everything said in it is saved as it is "
      + "typed.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The cadence: part of its title, or of its id.")
  var cadence: String
  @Option(help: "Theme name or .theme file.")
  var theme: String?
  @Flag(name: .customLong("no-color"), help: "Draw without colours.")
  var noColor = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    let settings = CockpitSettings(
      theme: theme, noColor: noColor, review: cadence, start: true)
    try runCockpit(
      store: store, settings: settings, clock: context.clock, timeZone: context.timeZone)
  }
}
