import Foundation
import RhythmCore

/// What the cockpit starts with once the store is read.
public struct LoadedCockpit: Sendable {
  /// The state over the store's data.
  public var state: AppState
  /// Actions to dispatch before anything else (the screen or review the command line asked
  /// for).
  public var actions: [Action]
  /// How many of the store's warnings the user has been told of already (on standard error,
  /// before the screen was taken): later ones go to the status line.
  public var warningsShown: Int

  /// What the cockpit starts with.
  public init(state: AppState, actions: [Action] = [], warningsShown: Int = 0) {
    self.state = state
    self.actions = actions
    self.warningsShown = warningsShown
  }
}

/// The cockpit's state, read on another thread while the terminal starts and a first frame is
/// drawn (see ``Program/start(loading:placeholder:backend:store:clock:)``): at 50,000 steps
/// reading takes longer than everything else before the first frame together.
///
/// Once the state is handed over, the same thread builds the Steps screen's rows and another
/// the home screen's figures (both are worked out when first read, and copies of the state
/// share that work): a `3` pressed at once waits for the rows only.
public final class StateLoad: @unchecked Sendable {
  /// How often the start waits for the load between looks at the keyboard.
  static let pollMilliseconds = 1

  private let lock = NSLock()
  private let done = DispatchSemaphore(value: 0)
  /// Guarded by `lock`.
  private var result: Result<LoadedCockpit, RhythmError>?

  /// Starts `body` on another thread. What it touches (the store) must not be used elsewhere
  /// until its result has been taken.
  public init(_ body: @escaping () throws(RhythmError) -> LoadedCockpit) {
    let work = UncheckedBody(body: body)
    Thread.detachNewThread { [self] in
      let result: Result<LoadedCockpit, RhythmError>
      do throws(RhythmError) {
        result = .success(try work.body())
      } catch {
        result = .failure(error)
      }
      lock.withLock { self.result = result }
      done.signal()
      // What the first screens need, worked out while the program starts: the home
      // screen's figures beside the Steps screen's rows, one per core.
      guard case .success(let loaded) = result else { return }
      Thread.detachNewThread { _ = loaded.state.summary }
      _ = loaded.state.steps.visible.count
    }
  }

  /// A load that is already done (tests, and states read before the terminal started).
  public init(_ loaded: LoadedCockpit) {
    result = .success(loaded)
    done.signal()
  }

  /// The result once the load is done, else nil at once.
  public func take() -> Result<LoadedCockpit, RhythmError>? {
    lock.withLock { result }
  }

  /// Waits until the load is done (tests).
  public func wait() {
    done.wait()
    done.signal()
  }

  /// The body, handed to the loading thread: it runs there alone until its result is taken.
  private struct UncheckedBody: @unchecked Sendable {
    let body: () throws(RhythmError) -> LoadedCockpit
  }
}
