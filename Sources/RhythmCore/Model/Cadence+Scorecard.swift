import Foundation

// MARK: - Whose work a cadence reviews, and its scorecard

extension Cadence {
  /// The handles whose work the cadence reviews: its participants, or its facilitator when it
  /// names none.
  public var reviewedHandles: [String] {
    participants.isEmpty ? [facilitator].compactMap { $0 } : participants
  }

  /// The metrics its scorecard shows, in the live review and in the minutes: the live ones
  /// owned by whom it reviews (``reviewedHandles``), by name.
  public func scorecard(from metrics: some Sequence<Metric>) -> [Metric] {
    let owners = Set(reviewedHandles)
    return metrics.filter { $0.isLive && owners.contains($0.owner) }
      .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
  }
}
