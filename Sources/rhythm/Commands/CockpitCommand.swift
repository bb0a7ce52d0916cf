import ArgumentParser
import Foundation
import RhythmCore
import RhythmTerminal
import RhythmUI

/// How to open the cockpit: look and first screen.
struct CockpitOptions: ParsableArguments {
  @Option(help: "Theme name (dark, light, high-contrast, monochrome) or a .theme file path.")
  var theme: String?

  @Flag(name: .customLong("no-color"), help: "Draw without colours (as NO_COLOR does).")
  var noColor = false

  @Option(help: "The screen to open on: cockpit, review, steps, cadences, people, metrics.")
  var screen: String?

  @Option(
    help: "Open the current or next review of this cadence (part of its id or title).")
  var review: String?

  @Flag(help: "With --review: start the review now (it is stored as live).")
  var start = false
}

/// `rhythm cockpit`: the full-screen cockpit (also what `rhythm` with no subcommand opens).
struct CockpitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cockpit", abstract: "Open the full-screen cockpit.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var cockpitOptions: CockpitOptions

  func run() throws {
    let context = try CommandContext(storeOptions)
    try runCockpit(
      store: try context.openStore(), options: cockpitOptions, clock: context.clock,
      timeZone: context.timeZone)
  }
}

/// What the cockpit opens with, as plain values (commands other than `cockpit` build one).
struct CockpitSettings {
  var theme: String?
  var noColor = false
  var screen: String?
  var review: String?
  var start = false
}

extension CockpitOptions {
  /// The parsed options as settings.
  var settings: CockpitSettings {
    CockpitSettings(theme: theme, noColor: noColor, screen: screen, review: review, start: start)
  }
}

/// Runs the cockpit on `store` until the user quits; the terminal is restored however it ends.
/// - Throws: `RhythmError` for a bad theme or screen name, or a terminal that cannot be used.
func runCockpit(
  store: Store, options: CockpitOptions, clock: Clock, timeZone: TimeZone,
  environment: [String: String] = ProcessInfo.processInfo.environment
) throws(RhythmError) {
  try runCockpit(
    store: store, settings: options.settings, clock: clock, timeZone: timeZone,
    environment: environment)
}

/// Runs the cockpit with `settings` (see ``runCockpit(store:options:clock:timeZone:environment:)``).
func runCockpit(
  store: Store, settings options: CockpitSettings, clock: Clock, timeZone: TimeZone,
  environment: [String: String] = ProcessInfo.processInfo.environment
) throws(RhythmError) {
  var environment = environment
  if options.noColor { environment["NO_COLOR"] = "1" }
  let (config, configProblems) = CockpitConfig.load(environment: environment)
  let theme = try ThemeLoader.load(options.theme ?? config.theme, environment: environment)
  let (keyMap, keyProblems) = KeyMap.user(environment: environment)
  for problem in configProblems + keyProblems { Terminal.printError("rhythm: warning: \(problem)") }
  var actions: [Action] = []
  if let name = options.screen {
    guard
      let screen = ScreenID.allCases.first(where: { $0.title.lowercased() == name.lowercased() })
    else {
      throw .invalidValue(
        field: "screen", value: name,
        expected: ScreenID.allCases.map { $0.title.lowercased() }.joined(separator: ", "))
    }
    actions.append(.showScreen(screen))
  }
  // A cadence named on the command line is found before the terminal is taken (its section
  // is small): a name that fits none is one line on a terminal left as it was.
  if let reference = options.review {
    let cadence = try CadenceSupport.cadence(reference, in: store)
    actions.append(.openReview(cadenceID: cadence.id, start: options.start))
  }
  let person = store.person
  let warningsShown = store.warnings.count
  // While the screen is up, the store's warnings go to the status line, not to stderr.
  store.onWarning = nil
  // The store is read on another thread while the terminal starts and shows a first frame;
  // keys pressed meanwhile are handled once it is read. The cockpit holds in full the steps
  // that are open or fall in the home screen's windows (13 weeks of rates, 12 of trend); the
  // rest are built into a compact archive off the main thread once the first frame is up.
  let load = StateLoad { [actions] () throws(RhythmError) -> LoadedCockpit in
    let (data, archive) = try store.workingState(
      stepsFrom: Program.workingCutoff(today: Day(containing: clock.now, in: timeZone)))
    let state = AppState(
      data: data, now: clock.now, timeZone: timeZone, theme: theme, keyMap: keyMap,
      person: person, archiveSource: archive)
    return LoadedCockpit(state: state, actions: actions, warningsShown: warningsShown)
  }
  let placeholder = AppState(
    data: StoreState(), now: clock.now, timeZone: timeZone, theme: theme, keyMap: keyMap,
    person: person)
  let terminalOptions = TerminalOptions(noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
  do {
    try TerminalApp.run(options: terminalOptions) { backend in
      let program = try Program.start(
        loading: load, placeholder: placeholder, backend: backend, store: store, clock: clock)
      program?.run()
    }
  } catch let error as RhythmError {
    throw error
  } catch {
    throw .message("\(error)")
  }
}

/// The cadence `reference` names: an id (its beginning or ending, 4+ characters) or words of
/// its title (any case).
/// - Throws: `RhythmError.notFound` or `.ambiguous`.
func findCadence(_ reference: String, in data: StoreState) throws(RhythmError) -> Cadence {
  let cadences = data.cadences.values.filter(\.isLive).sorted { $0.title < $1.title }
  let lower = reference.lowercased()
  if let exact = cadences.first(where: { $0.id == lower || $0.title.lowercased() == lower }) {
    return exact
  }
  let matches = cadences.filter {
    (lower.count >= ShortIDs.minimumLength && ShortIDs.matches(lower, id: $0.id))
      || $0.title.lowercased().contains(lower)
  }
  guard let first = matches.first else { throw .notFound(kind: "cadence", reference: reference) }
  guard matches.count == 1 else {
    throw .ambiguous(kind: "cadence", reference: reference, candidates: matches.map(\.title))
  }
  return first
}
