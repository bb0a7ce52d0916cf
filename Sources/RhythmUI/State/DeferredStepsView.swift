import Foundation
import RhythmCore

/// The Steps screen's view, or what to build it from: building the triage rows for 50,000
/// steps costs more than the whole first frame, and the home screen does not show them, so a
/// reload off the Steps screen is kept as its inputs and done when the view is first read.
/// Reading builds it once (copies of the state share that work); mutating takes it out.
struct DeferredStepsView: Sendable {
  /// A reload not done yet, shared by copies of the state; the first reader builds it.
  private final class Pending: @unchecked Sendable {
    private let lock = NSLock()
    private let base: StepsView
    private let steps: [String: Step]
    private let archive: StepArchive
    private let today: Day
    /// Guarded by `lock`.
    private var built: StepsView?

    init(base: StepsView, steps: [String: Step], archive: StepArchive, today: Day) {
      self.base = base
      self.steps = steps
      self.archive = archive
      self.today = today
    }

    var view: StepsView {
      lock.withLock {
        if let built { return built }
        var view = base
        view.reload(steps, archive: archive, today: today)
        built = view
        return view
      }
    }
  }

  private enum Storage {
    case ready(StepsView)
    case pending(Pending)
  }

  /// Stands in while the view is taken out for mutation.
  private static let placeholder = StepsView(today: Day(ordinal: 0))

  private var storage: Storage

  /// A built view.
  init(_ view: StepsView) {
    storage = .ready(view)
  }

  /// The view, built now if it was deferred.
  var view: StepsView {
    switch storage {
    case .ready(let view): return view
    case .pending(let pending): return pending.view
    }
  }

  /// Whether a reload is waiting.
  var isPending: Bool {
    if case .pending = storage { return true }
    return false
  }

  /// Notes a reload of the view from `steps` and `archive` for `today`, done when the view is
  /// first read.
  mutating func deferReload(_ steps: [String: Step], archive: StepArchive, today: Day) {
    let base = take()
    storage = .pending(Pending(base: base, steps: steps, archive: archive, today: today))
  }

  /// The view, taken out so that mutating it copies nothing (put it back with `init`).
  mutating func take() -> StepsView {
    let view = self.view
    storage = .ready(DeferredStepsView.placeholder)
    return view
  }
}
