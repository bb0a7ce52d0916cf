import ArgumentParser
import Foundation
import RhythmCore
import RhythmDemo

/// `rhythm demo`: the cockpit on a fresh sample organisation in a temporary store.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the cockpit on a fresh sample organisation in a temporary store.")

  @OptionGroup var cockpitOptions: CockpitOptions
  @Flag(help: "Keep the temporary store afterwards (its path is printed).")
  var keep = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let clock = try Clock.fromEnvironment(environment)
    let timeZone = TimeZone.current
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rhythm-demo-\(ProcessInfo.processInfo.processIdentifier)").path
    let store = try Store.create(at: folder, clock: clock)
    defer {
      if keep {
        Output.line("the demo store is in \(folder)")
      } else {
        try? FileManager.default.removeItem(atPath: folder)
      }
    }
    try store.commit(DemoOrganisation.build(now: clock.now, timeZone: timeZone))
    try runCockpit(store: store, options: cockpitOptions, clock: clock, timeZone: timeZone)
  }
}
