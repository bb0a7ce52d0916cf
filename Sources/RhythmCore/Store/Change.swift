import Foundation

/// A change someone asks the store to make: set some fields of one record.
/// The store turns each change into an operation (stamp, device, person, prior values).
public struct Change: Sendable, Equatable {
  public var kind: RecordKind
  public var id: String
  public var fields: [String: JSONValue]
  /// Whether this makes a new record (so there are no prior values to look up).
  public var isCreation: Bool

  /// Sets `fields` of the record `id` of `kind`.
  public init(kind: RecordKind, id: String, fields: [String: JSONValue], isCreation: Bool = false) {
    self.kind = kind
    self.id = id
    self.fields = fields
    self.isCreation = isCreation
  }

  /// Creates `record`: every field it has. Its id must be new (a fresh id, or a handle or
  /// team name checked to be unused).
  public static func create<R: Record>(_ record: R) -> Change {
    Change(kind: R.kind, id: record.id, fields: RecordFields.encode(record), isCreation: true)
  }

  /// Sets `fields` of the record `id` of type `type`.
  public static func update<R: Record>(
    _ type: R.Type, id: String, _ fields: [String: JSONValue]
  ) -> Change {
    Change(kind: R.kind, id: id, fields: fields)
  }
}
