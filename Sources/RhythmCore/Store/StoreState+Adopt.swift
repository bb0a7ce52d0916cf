import Foundation

extension StoreState {
  /// Takes in a step read from the snapshot that this state does not hold yet (one of the
  /// cockpit's archived steps, about to be edited or changed by another process): as a
  /// snapshot record, with no stamps of its own, exactly as a full load would have it. Does
  /// nothing when the state holds the step (live or removed).
  public mutating func adopt(_ step: Step) {
    guard record(Step.self, id: step.id) == nil else { return }
    load([[step]])
  }
}
