import Foundation

/// Everything in a store, replayed and typed: what the cockpit works on.
/// Records removed by an undone creation are left out.
public struct StoreState: Sendable {
  public var people: [String: Person] = [:]
  public var teams: [String: Team] = [:]
  public var cadences: [String: Cadence] = [:]
  public var reviews: [String: Review] = [:]
  public var steps: [String: Step] = [:]
  public var decisions: [String: Decision] = [:]
  public var notes: [String: Note] = [:]
  public var metrics: [String: Metric] = [:]
  public var priorities: [String: Priority] = [:]
  public var exchanges: [String: Exchange] = [:]

  /// An empty state.
  public init() {}
}
