import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm`: the operating-rhythm cockpit. With no subcommand it opens the cockpit.
struct Rhythm: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rhythm",
    abstract: "Run your team's operating rhythm from the terminal.",
    subcommands: [
      InitCommand.self,
      PersonCommand.self,
      StepCommand.self,
      StatsCommand.self,
      DecisionCommand.self,
      MetricCommand.self,
      UndoCommand.self,
      RedoCommand.self,
      StoreCommand.self,
      When.self,
      CockpitCommand.self, DemoCommand.self, KeysCommand.self,
    ]
  )

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    print("cockpit: store=\(storeOptions.store ?? "-")")
  }
}
