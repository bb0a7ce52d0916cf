import Foundation

extension StoreState {
  /// Applies one operation to the typed records.
  mutating func apply(_ operation: Operation) {
    apply(Change(kind: operation.kind, id: operation.record, fields: operation.fields))
  }

  /// Applies a change the way replay does (fields set; an `a.b` path sets one key of an object
  /// field), so a cockpit shows its own edits without reading the store again. A removed record
  /// leaves the state; one that does not decode yet (its creation has not arrived) is left out.
  public mutating func apply(_ change: Change) {
    var fields = self.fields(of: change.kind, id: change.id) ?? ["id": .string(change.id)]
    for (path, value) in change.fields { RecordTable.set(path, to: value, in: &fields) }
    put(change.kind, id: change.id, fields: fields)
  }

  /// The fields of a record as the store writes them.
  func fields(of kind: RecordKind, id: String) -> [String: JSONValue]? {
    switch kind {
    case .person: return people[id].map(RecordFields.encode)
    case .team: return teams[id].map(RecordFields.encode)
    case .cadence: return cadences[id].map(RecordFields.encode)
    case .review: return reviews[id].map(RecordFields.encode)
    case .step: return steps[id].map(RecordFields.encode)
    case .decision: return decisions[id].map(RecordFields.encode)
    case .note: return notes[id].map(RecordFields.encode)
    case .metric: return metrics[id].map(RecordFields.encode)
    case .priority: return priorities[id].map(RecordFields.encode)
    case .exchange: return exchanges[id].map(RecordFields.encode)
    }
  }

  /// Puts a record from its fields; a removed record, or one that does not decode (its
  /// creation has not arrived), is taken out.
  mutating func put(_ kind: RecordKind, id: String, fields: [String: JSONValue]) {
    func live<R: Record>(_ type: R.Type) -> R? {
      guard let record = RecordFields.decode(type, from: fields), record.isLive else { return nil }
      return record
    }
    switch kind {
    case .person: people[id] = live(Person.self)
    case .team: teams[id] = live(Team.self)
    case .cadence: cadences[id] = live(Cadence.self)
    case .review: reviews[id] = live(Review.self)
    case .step: steps[id] = live(Step.self)
    case .decision: decisions[id] = live(Decision.self)
    case .note: notes[id] = live(Note.self)
    case .metric: metrics[id] = live(Metric.self)
    case .priority: priorities[id] = live(Priority.self)
    case .exchange: exchanges[id] = live(Exchange.self)
    }
  }
}
