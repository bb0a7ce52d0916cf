import ArgumentParser
import Foundation
import RhythmCore
import RhythmDemo

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
      PriorityCommand.self,
      TopicCommand.self,
      HeadlineCommand.self,
      ExchangeCommand.self,
      AuditCommand.self,
      RightCommand.self,
      TeamCommand.self,
      UndoCommand.self,
      RedoCommand.self,
      StoreCommand.self,
      When.self,
      CadenceCommand.self, ReviewCommand.self, ExportCommand.self, ImportCommand.self,
      SyncCommand.self,
      LogCommand.self, CockpitCommand.self, DemoCommand.self, KeysCommand.self,
    ]
  )

  // Only --store here: options of the root command are accepted anywhere on the command
  // line, so cockpit options (--start, --review) would capture those of subcommands.
  // `rhythm cockpit` takes the cockpit's options.
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let context = try CommandContext(storeOptions)
    let layout = StoreLayout(folder: context.folder)
    let exists =
      FileManager.default.fileExists(atPath: layout.journalFolder)
      || FileManager.default.fileExists(atPath: layout.snapshotPath)
    if !exists { try offerToCreate(context) }
    try runCockpit(
      store: try context.openStore(), settings: CockpitSettings(), clock: context.clock,
      timeZone: context.timeZone)
  }

  /// With no store yet, asks whether to create an empty one or the demo organisation (only when
  /// someone is at the keyboard; a script gets the usual "no store" error).
  private func offerToCreate(_ context: CommandContext) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw RhythmError.noStore(path: context.folder)
    }
    Output.line("There is no Rhythm store at \(context.folder) yet.")
    Output.lines("Create [e]mpty, create the [d]emo organisation, or [q]uit? ")
    let answer = (readLine() ?? "q").trimmingCharacters(in: .whitespaces).lowercased()
    switch answer.first {
    case "e":
      context.watch(try Store.create(at: context.folder, clock: context.clock))
    case "d":
      let store = context.watch(try Store.create(at: context.folder, clock: context.clock))
      try store.commit(DemoOrganisation.build(now: context.clock.now, timeZone: context.timeZone))
    default:
      throw ExitCode.success
    }
  }
}
