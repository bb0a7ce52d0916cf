import Foundation
import RhythmCore

// MARK: - Applying this process's own changes

extension StoreState {
  /// Applies a change the way replay does (fields set, `a.b` paths set one key of an
  /// object), so the cockpit shows its own edits without re-reading the store.
  mutating func apply(_ change: Change) {
    switch change.kind {
    case .person: people[change.id] = StoreState.applied(people[change.id], change)
    case .team: teams[change.id] = StoreState.applied(teams[change.id], change)
    case .cadence: cadences[change.id] = StoreState.applied(cadences[change.id], change)
    case .review: reviews[change.id] = StoreState.applied(reviews[change.id], change)
    case .step: steps[change.id] = StoreState.applied(steps[change.id], change)
    case .decision: decisions[change.id] = StoreState.applied(decisions[change.id], change)
    case .note: notes[change.id] = StoreState.applied(notes[change.id], change)
    case .metric: metrics[change.id] = StoreState.applied(metrics[change.id], change)
    case .priority: priorities[change.id] = StoreState.applied(priorities[change.id], change)
    case .exchange: exchanges[change.id] = StoreState.applied(exchanges[change.id], change)
    }
  }

  private static func applied<R: Record>(_ record: R?, _ change: Change) -> R? {
    var fields = record.map(RecordFields.encode) ?? ["id": .string(change.id)]
    for (path, value) in change.fields { set(path, to: value, in: &fields) }
    return RecordFields.decode(R.self, from: fields) ?? record
  }

  private static func set(_ path: String, to value: JSONValue, in fields: inout [String: JSONValue])
  {
    guard let dot = path.firstIndex(of: ".") else {
      fields[path] = value == .null ? nil : value
      return
    }
    let head = String(path[..<dot])
    var inner: [String: JSONValue] = [:]
    if case .object(let existing)? = fields[head] { inner = existing }
    set(String(path[path.index(after: dot)...]), to: value, in: &inner)
    fields[head] = .object(inner)
  }
}
