import Foundation
import RhythmCore

// MARK: - Starting while the store is read

extension Program {
  /// Shows a frame at once and answers keys while `load` reads the store: keys are kept and
  /// handled, in order, as soon as the state is there (a screen key shows its tab at once, `q`
  /// goes back as it would); quitting, ctrl+c or the terminal going away ends the wait.
  /// - Parameters:
  ///   - placeholder: a state over no data, with the look and keys of the real one (only its
  ///     tab bar is shown).
  ///   - store: the store `load` reads; the program takes it once the load is done.
  /// - Returns: the program over the loaded state with the keys pressed meanwhile handled, or
  ///   nil when the user quit first.
  /// - Throws: what the load threw.
  public static func start(
    loading load: StateLoad, placeholder: AppState, backend: any TerminalBackend, store: Store?,
    clock: Clock, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(RhythmError) -> Program? {
    var shown = placeholder
    shown.size = backend.size
    var pressed: [TerminalEvent] = []
    var frame = Screen.renderLoading(shown)
    backend.draw(frame)
    while true {
      switch load.take() {
      case .success(let loaded)?:
        var state = loaded.state
        state.size = backend.size
        let program = Program(
          state: state, backend: backend, store: store, clock: clock, usesWorkingState: true,
          warningsShown: loaded.warningsShown, environment: environment)
        for action in loaded.actions { program.dispatch(action) }
        for event in pressed where !program.state.isQuitting { program.handle(event) }
        return program
      case .failure(let error)?:
        throw error
      case nil:
        break
      }
      switch backend.nextEvent(timeout: StateLoad.pollMilliseconds) {
      case .quitRequested?:
        return nil
      case .key(let key)?:
        pressed.append(.key(key))
        // Moving between screens needs no data: the tabs follow at once (the review needs
        // its cadence, so it waits for the state like every other key).
        let action = shown.keyMap.binding(for: key.canonical, in: shown.keyContext)?.action
        switch action {
        case .quit?: return nil
        case .back?: _ = AppReducer.update(&shown, .back)
        case .showScreen(let screen)? where screen != .review:
          _ = AppReducer.update(&shown, .showScreen(screen))
        default: break
        }
        if shown.isQuitting { return nil }
      case .resized(let size)?:
        shown.size = size
      case .tick?, nil:
        continue
      }
      let next = Screen.renderLoading(shown)
      if next != frame {
        frame = next
        backend.draw(frame)
      }
    }
  }
}
