import Foundation

/// One typed assignment to a record: a field (or one key of a map field such as a metric's
/// `values`) and its new value. It carries the value both as the journal writes it and as a
/// writer of the typed record, so applying it never goes through JSON.
public struct FieldEdit<R: Record>: Sendable, Equatable, CustomStringConvertible {
  /// The field's journal path: `status`, or `values.2026-11-23` for one key of a map field.
  public let path: String
  /// The new value as the journal writes it.
  public let json: JSONValue
  let write: @Sendable (inout R) -> Void

  /// Sets a field: `.set(\.status, .done)`.
  public static func set<V: FieldValue>(_ keyPath: WritableKeyPath<R, V> & Sendable, _ value: V)
    -> FieldEdit
  {
    FieldEdit(
      path: R.schema.name(of: keyPath), json: value.json, write: { $0[keyPath: keyPath] = value })
  }

  /// Sets the field `name` at `keyPath` (the schema reading a journal, which knows the name).
  static func set<V: FieldValue>(
    _ keyPath: WritableKeyPath<R, V> & Sendable, named name: String, _ value: V, json: JSONValue
  ) -> FieldEdit {
    FieldEdit(path: name, json: json, write: { $0[keyPath: keyPath] = value })
  }

  /// Sets one key of a map field (`nil` removes it): `.entry(\.values, "2026-11-23", 42)`.
  public static func entry<V: FieldValue>(
    _ keyPath: WritableKeyPath<R, [String: V]> & Sendable, _ key: String, _ value: V?
  ) -> FieldEdit {
    FieldEdit(
      path: R.schema.name(of: keyPath) + "." + key, json: value.map(\.json) ?? .null,
      write: { $0[keyPath: keyPath][key] = value })
  }

  public static func == (lhs: FieldEdit, rhs: FieldEdit) -> Bool {
    lhs.path == rhs.path && lhs.json == rhs.json
  }

  public var description: String { path + "=" + json.serialized() }
}
