import Foundation
import RhythmCore

/// The cockpit's run loop: reads events from a ``TerminalBackend``, feeds them through
/// ``AppReducer``, runs the effects (the only place that touches the store), polls the store
/// for other processes' changes, and draws each frame.
public final class Program {
  /// The state as of the last event.
  public private(set) var state: AppState
  private let backend: any TerminalBackend
  let store: Store?
  private let clock: Clock
  /// When the store was last asked for other processes' changes, on the monotonic clock: the
  /// domain clock may be stopped (`RHYTHM_NOW`), and live sharing must work all the same.
  private var lastPoll = ContinuousClock.now
  private var previousFrame: Surface?
  /// Set when something was dispatched since the last frame: an idle wait draws nothing (a
  /// frame of 160x48 costs milliseconds, which the archive's thread and the next key need).
  private var needsDraw = true
  /// Stamps changes when there is no store.
  private var memory = MemoryStamper()
  /// How many of the store's warnings the status line has shown (or were there before).
  private var warningsShown: Int
  /// The editor long text is written in: `$EDITOR`, else `vi`.
  public var editorCommand: String
  /// Set when the state is a working state (see `Store.workingState`): the store holds no
  /// state of its own, and what reaches it is taken in as operations.
  let usesWorkingState: Bool
  /// The ids of the store's tail operations the state has taken in.
  var seenOperations = Set<String>()
  /// The snapshot the working state was read over.
  var loadedSnapshotStamp: Stamp?
  /// The step archive being built off the main thread, when one is.
  var archiveBuild: ArchiveBuild?
  /// Set until the state's archive build starts (after the first frame, so that the build
  /// does not compete with it).
  var archiveWaits = false

  /// How long to wait for input before a tick (the timer and countdowns move on ticks).
  public static let tickMilliseconds = 250
  /// How often to look for changes other processes appended.
  public static let pollInterval = Duration.milliseconds(500)

  /// A program over `state`, drawing on `backend`, committing to `store` (without a store,
  /// changes stay in memory: tests and previews).
  /// - Parameters:
  ///   - usesWorkingState: whether `state` was read with `Store.workingState` (its archive is
  ///     then built at once, off the main thread).
  ///   - warningsShown: how many of the store's warnings the user was told of already (nil:
  ///     all it has now).
  public init(
    state: AppState, backend: any TerminalBackend, store: Store?, clock: Clock,
    usesWorkingState: Bool = false, warningsShown: Int? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.state = state
    editorCommand = ExternalEditor.command(environment: environment)
    self.backend = backend
    self.store = store
    self.clock = clock
    self.usesWorkingState = usesWorkingState && store != nil
    self.state.size = backend.size
    self.warningsShown = warningsShown ?? store?.warnings.count ?? 0
    if self.usesWorkingState, let store {
      _ = store.unseenOperations(&seenOperations)
      loadedSnapshotStamp = store.snapshotStamp
      archiveWaits = true
    }
  }

  /// Runs until the user quits or the backend asks to.
  /// - Parameter maxEvents: stop after this many events (tests); nil runs until quit.
  public func run(maxEvents: Int? = nil) {
    draw()
    startArchive()
    var handled = 0
    while !state.isQuitting {
      if let maxEvents, handled >= maxEvents { break }
      // While the archive is built, look for it often; keys are answered meanwhile. Those
      // short waits do not poll the store: it is polled on the usual ticks.
      let building = archiveBuild != nil
      let timeout = building ? ArchiveBuild.pollMilliseconds : Program.tickMilliseconds
      let event = backend.nextEvent(timeout: timeout)
      handled += 1
      let tickDue = ContinuousClock.now - lastPoll >= .milliseconds(Program.tickMilliseconds)
      handle(event, pollsWhenIdle: !building || tickDue)
      if state.isQuitting { break }
      if needsDraw { draw() }
    }
  }

  /// Handles one backend event (nil: the wait timed out).
  /// - Parameter pollsWhenIdle: whether a timeout polls the store for other processes'
  ///   changes (the short waits for the archive do not).
  public func handle(_ event: TerminalEvent?, pollsWhenIdle: Bool = true) {
    startArchive()
    takeBuiltArchive()
    let now = clock.now
    if now != state.now { dispatch(.tick(now)) }
    switch event {
    case .key(let key)?: dispatch(.key(key))
    case .resized(let size)?: dispatch(.resized(size))
    case .quitRequested?: dispatch(.quit)
    case .tick?, nil: break
    }
    // Poll whenever the terminal is idle (a timeout, every 250 ms at most), and at least every
    // half second while keys keep coming.
    let isIdle = event == nil || event == .tick
    if isIdle && pollsWhenIdle || ContinuousClock.now - lastPoll >= Program.pollInterval {
      lastPoll = ContinuousClock.now
      poll()
    }
  }

  /// Applies `action` and runs the effects it asks for (and those of the actions they lead to).
  public func dispatch(_ action: Action) {
    needsDraw = true
    var pending = AppReducer.update(&state, action)
    while !pending.isEmpty {
      let effect = pending.removeFirst()
      for next in run(effect) { pending += AppReducer.update(&state, next) }
    }
    showStoreWarnings()
  }

  /// Puts what the store warned of since the last look (a change saved while the cache could
  /// not be rewritten) on the status line.
  private func showStoreWarnings() {
    guard let store, store.warnings.count > warningsShown, let last = store.warnings.last else {
      return
    }
    warningsShown = store.warnings.count
    _ = AppReducer.update(&state, .storeFailed(last))
  }

  // MARK: - Effects

  private func run(_ effect: Effect) -> [Action] {
    switch effect {
    case .commit(let changes):
      guard let store else {
        let person = state.person ?? "someone"
        let operations = memory.operations(
          for: changes, now: clock.now, person: person, after: state.data.latestStamp)
        return [.committed(operations)]
      }
      do {
        let operations = try store.commit(changes)
        guard usesWorkingState else { return [.committed(operations)] }
        for operation in operations { seenOperations.insert(operation.id) }
        return [.committed(operations)] + takeIn(message: nil)
      } catch {
        return [.storeFailed("not saved: \(error)")] + reload(message: nil)
      }
    case .undo(let count):
      return repeatStore(count, verb: "undone") { store throws(RhythmError) in _ = try store.undo()
      }
    case .redo(let count):
      return repeatStore(count, verb: "redone") { store throws(RhythmError) in _ = try store.redo()
      }
    case .loadHistory(let stepID):
      guard let store else { return [.historyLoaded(stepID: stepID, entries: [])] }
      let entries = (try? store.log(of: stepID)) ?? []
      return [.historyLoaded(stepID: stepID, entries: entries)]
    case .bell:
      backend.bell()
      return []
    case .quit:
      return []
    case .submit:
      return [.submit]
    case .openEditor(let text, let request):
      let outcome = ExternalEditor(command: editorCommand).edit(text) { arguments in
        backend.runChild(arguments)
      }
      // The child had the terminal: draw the next frame whole.
      previousFrame = nil
      return [.editorClosed(request, outcome)]
    }
  }

  private func repeatStore(
    _ count: Int, verb: String, _ body: (Store) throws(RhythmError) -> Void
  ) -> [Action] {
    guard let store else { return [] }
    var done = 0
    do {
      for _ in 0..<max(1, count) {
        try body(store)
        done += 1
      }
    } catch {
      if done == 0 { return [.storeFailed(error.description)] }
    }
    let message = "\(AppReducer.count(done, "change")) \(verb)"
    if usesWorkingState { return takeIn(message: message, always: true) }
    return reload(message: message)
  }

  private func reload(message: String?) -> [Action] {
    guard let store else { return [] }
    if usesWorkingState { return reloadWorkingState(message: message) }
    do {
      return [.dataChanged(try store.loadState(), message: message)]
    } catch {
      return [.storeFailed(error.description)]
    }
  }

  /// Live sharing: takes in what other processes appended.
  private func poll() {
    guard let store else { return }
    if usesWorkingState {
      do {
        _ = try store.refresh()
      } catch {
        dispatch(.storeFailed(error.description))
        return
      }
      // Say so unless the user is typing: the input line's hints matter more then.
      let message = state.prompt == nil ? "↻ updated by another process" : nil
      for action in takeIn(message: message) { dispatch(action) }
      return
    }
    do {
      if let fresh = try store.refresh() {
        // Say so unless the user is typing: the input line's hints matter more then.
        let message = state.prompt == nil ? "↻ updated by another process" : nil
        dispatch(.dataChanged(fresh, message: message))
      }
    } catch {
      dispatch(.storeFailed(error.description))
    }
  }

  // MARK: - Drawing

  /// Draws the current state (only what changed since the last frame reaches the terminal).
  public func draw() {
    needsDraw = false
    var surface = Surface(size: state.size)
    Screen.render(state, into: &surface)
    guard surface != previousFrame else { return }
    previousFrame = surface
    backend.draw(surface)
  }
}
