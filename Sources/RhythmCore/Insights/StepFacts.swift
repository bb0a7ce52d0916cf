import Foundation

/// What insights need to know about one step, so that a fast index can feed them without
/// building whole `Step` values.
public struct StepFacts: Sendable, Hashable {
  /// The owner's handle.
  public var owner: String
  public var due: Day
  public var status: Step.Status
  /// When the step was marked done (or dropped).
  public var completedAt: Date?
  /// The id of the cadence of the review the step came from, if any.
  public var cadence: String?

  /// Facts given one by one.
  public init(
    owner: String, due: Day, status: Step.Status, completedAt: Date?, cadence: String?
  ) {
    self.owner = owner
    self.due = due
    self.status = status
    self.completedAt = completedAt
    self.cadence = cadence
  }

  /// The facts of `step`, whose origin review belongs to `cadence`.
  public init(step: Step, cadence: String?) {
    self.init(
      owner: step.owner, due: step.due, status: step.status, completedAt: step.completedAt,
      cadence: cadence)
  }

  /// The facts of every live step in `state`, each with its review's cadence.
  public static func all(in state: StoreState) -> [StepFacts] {
    state.steps.values.compactMap { step in
      guard step.isLive else { return nil }
      let cadence = step.review.flatMap { state.reviews[$0] }.map(\.cadence)
      return StepFacts(step: step, cadence: cadence)
    }
  }
}
