import Foundation

/// A change someone asks the store to make: typed edits of one record's fields. The store
/// turns each change into an operation (stamp, device, person, prior values); the journal keeps
/// its `fields`, and a state applies its typed edits directly.
public struct Change: Sendable, Equatable, CustomStringConvertible {
  public let kind: RecordKind
  public let id: String
  /// The edits as the journal writes them: path → value (a creation's are read from its
  /// record when asked for).
  public var fields: [String: JSONValue] {
    guard let created else { return edited }
    return Change.fields(of: created)
  }
  /// An update's edits in their journal form (empty for a creation).
  private let edited: [String: JSONValue]
  /// The record a creation makes, typed: its journal form is written straight from it.
  let created: (any Record)?
  /// Whether this makes a new record (so there are no prior values to look up).
  public let isCreation: Bool
  /// Applies the typed edits to a state at a stamp.
  let apply: @Sendable (inout StoreState, Stamp) -> Void

  /// Creates `record`: every field it has. Its id must be new (a fresh id, or a handle or
  /// team name checked to be unused).
  public static func create<R: Record>(_ record: R) -> Change {
    Change(
      kind: R.kind, id: record.id, edited: [:], created: record, isCreation: true,
      apply: { state, stamp in
        state.create(record, stamp: stamp, raw: R.schema.fields(of: record))
      })
  }

  private static func fields<R: Record>(of record: R) -> [String: JSONValue] {
    R.schema.fields(of: record)
  }

  /// Sets some fields of the record `id` of type `type`: `.update(Step.self, id: id,
  /// [.set(\.status, .done)])`.
  public static func update<R: Record>(_ type: R.Type, id: String, _ edits: [FieldEdit<R>])
    -> Change
  {
    let fields = Dictionary(edits.map { ($0.path, $0.json) }, uniquingKeysWith: { _, last in last })
    return Change(
      kind: R.kind, id: id, edited: fields, created: nil, isCreation: false,
      apply: { state, stamp in
        state.apply(R.self, id: id, stamp: stamp, edits: edits, raw: fields)
      })
  }

  /// Sets `fields` of the record `id` as they stand in a journal line (undo and redo restore
  /// the values an operation kept).
  static func restore(kind: RecordKind, id: String, fields: [String: JSONValue]) -> Change {
    func make<R: Record>(_ type: R.Type) -> Change {
      update(R.self, id: id, R.schema.edits(from: fields))
    }
    return make(kind.recordType)
  }

  public static func == (lhs: Change, rhs: Change) -> Bool {
    lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.fields == rhs.fields
      && lhs.isCreation == rhs.isCreation
  }

  public var description: String {
    "\(isCreation ? "create" : "update") \(kind.rawValue)/\(id) "
      + JSONValue.object(fields).serialized()
  }
}
