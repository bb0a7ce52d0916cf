import Foundation
import RhythmCore

/// The home screen's figures, or what to work them out from: at 50,000 steps they cost as
/// much as reading the store's other records, and only the home and people screens show
/// them, so they are worked out when first read (by the start's loading thread, while the
/// first frame is being made, or by the screen that shows them). Copies of the state share
/// that work.
final class DeferredSummary: @unchecked Sendable {
  private let lock = NSLock()
  /// Guarded by `lock`; dropped once the figures are built, so that the state's next change
  /// does not copy the data this holds a reference to.
  private var inputs: (data: StoreState, now: Date, timeZone: TimeZone)?
  /// Guarded by `lock`.
  private var built: CockpitSummary?

  /// Figures already worked out.
  init(_ summary: CockpitSummary) {
    inputs = nil
    built = summary
  }

  /// Figures to work out from `data` at `now` when first read.
  init(data: StoreState, now: Date, timeZone: TimeZone) {
    inputs = (data, now, timeZone)
  }

  /// The figures, worked out now if no one has yet.
  var value: CockpitSummary {
    lock.withLock {
      if let built { return built }
      let summary =
        inputs.map { CockpitSummary(data: $0.data, now: $0.now, timeZone: $0.timeZone) }
        ?? CockpitSummary()
      built = summary
      inputs = nil
      return summary
    }
  }
}
