import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm review start [CADENCE]`: the cockpit, on that cadence's current or next review
/// (without one: the review that is live, else the next of any cadence), live.
struct ReviewStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start a cadence's current or next review in the cockpit.",
    discussion:
      "CADENCE is part of the cadence's title or 4+ characters of its id; without it, the "
      + "review that is live opens, else the next one of any cadence. The review is "
      + "stored as live with its start time at once; everything said in it is saved as it is "
      + "typed.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(
    help: "The cadence: part of its title, or of its id (default: the live or next review).")
  var cadence: String?
  @Option(help: "Theme name or .theme file.")
  var theme: String?
  @Flag(name: .customLong("no-color"), help: "Draw without colours.")
  var noColor = false

  func run() throws {
    let context = try CommandContext(storeOptions)
    let store = try context.openStore()
    var reference = cadence
    if reference == nil {
      guard
        let next = try Cadence.nextToMeet(
          try store.records(Cadence.self).values, reviews: try store.records(Review.self).values,
          now: context.clock.now)
      else {
        throw RhythmError.message(
          "no review to start: add a cadence with `rhythm cadence add TITLE --rule RULE`")
      }
      reference = next.cadence.id
    }
    let settings = CockpitSettings(
      theme: theme, noColor: noColor, review: reference, start: true)
    try runCockpit(
      store: store, settings: settings, clock: context.clock, timeZone: context.timeZone)
  }
}
