import Foundation

/// The end of each day of a window in a time zone, worked out once per day, so that on-time
/// checks are one comparison per step (no time-zone work per step).
public struct DueDayEnds: Sendable {
  private let first: Int32
  private let ends: [Double]

  /// The ends of the days of `window` in `timeZone`.
  public init(window: InsightWindow, timeZone: TimeZone) {
    first = window.start.ordinal
    let count = max(0, Int(window.end.ordinal - window.start.ordinal) + 1)
    ends = (0..<count).map {
      window.start.adding(days: $0).end(in: timeZone).timeIntervalSince1970
    }
  }

  /// Whether `completedAt` is before the end of `due` (a day in the window).
  public func isOnTime(_ completedAt: Date, due: Day) -> Bool {
    completedAt.timeIntervalSince1970 < ends[Int(due.ordinal - first)]
  }
}
