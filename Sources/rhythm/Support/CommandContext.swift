import Foundation
import RhythmCore

/// What every command needs: the store folder, the clock (`RHYTHM_NOW`), the time zone (`TZ`),
/// and the store itself, opened on demand with its warnings passed on to the user.
struct CommandContext {
  let folder: String
  let clock: Clock
  let timeZone: TimeZone

  /// The context for the `--store` option and the environment.
  init(_ options: StoreOptions) throws(RhythmError) {
    let environment = ProcessInfo.processInfo.environment
    folder = options.store ?? StoreLayout.defaultFolder(environment: environment)
    clock = try Clock.fromEnvironment(environment)
    timeZone = TimeZone.current
  }

  /// Today in the user's time zone.
  var today: Day { Day(containing: clock.now, in: timeZone) }

  /// Opens the store, telling the user of anything it noticed (such as a torn journal line).
  func openStore() throws(RhythmError) -> Store {
    watch(try Store.open(at: folder, clock: clock))
  }

  /// Passes the store's warnings on to the user on standard error, one line each: those it
  /// has, and those to come (a cache it could not rewrite after a change was saved).
  @discardableResult
  func watch(_ store: Store) -> Store {
    for warning in store.warnings { Terminal.printError("rhythm: " + warning) }
    store.onWarning = { Terminal.printError("rhythm: " + $0) }
    return store
  }

  /// Reads a date as the user typed it.
  func day(_ text: String) throws(RhythmError) -> Day {
    try DateShorthand.parse(text, today: today)
  }

  /// Runs `edit` with this command's context (now, zone, user, fresh ids) under the store's
  /// writers' lock, so what it checks cannot go stale, and commits what it makes.
  @discardableResult
  func commit(
    _ store: Store, _ edit: (Store, inout EditContext) throws(RhythmError) -> Edit
  ) throws(RhythmError) -> Edit {
    var editContext = EditContext(now: clock.now, timeZone: timeZone, actor: store.person)
    var result = Edit([])
    try store.commit { store throws(RhythmError) -> [Change] in
      result = try edit(store, &editContext)
      return result.changes
    }
    return result
  }
}
