import Foundation

// MARK: - The exchanges counted beside "mutual risk and reward"

extension AuditSummary {
  /// Weeks of exchanges the audit counts: the quarter under review, which ends as the
  /// quarterly review begins (the calendar quarter holding it has hardly started).
  public static let exchangeWeeks = 13

  /// The days whose exchanges an audit held at `occurrence` counts: the ``exchangeWeeks``
  /// weeks ending on its day (what the room logs during the meeting included).
  public static func exchangeWindow(for occurrence: Date, in zone: TimeZone) -> InsightWindow {
    InsightWindow.ending(on: Day(containing: occurrence, in: zone), weeks: exchangeWeeks)
  }

  /// The live exchanges of ``exchangeWindow(for:in:)``.
  public static func exchangeCount(
    for occurrence: Date, in exchanges: some Sequence<Exchange>, zone: TimeZone
  ) -> Int {
    let window = exchangeWindow(for: occurrence, in: zone)
    return exchanges.filter {
      $0.isLive && window.contains(Day(containing: $0.createdAt, in: zone))
    }
    .count
  }

  /// `3 exchanges, last 13 weeks`, as the audit view and the minutes label the count.
  public static func exchangeLabel(_ count: Int) -> String {
    "\(count) exchange\(count == 1 ? "" : "s"), last \(exchangeWeeks) weeks"
  }
}
