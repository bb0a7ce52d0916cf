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
  /// For a whole map field: copies the given keys from one record into another (a newer write
  /// of one key survives an older write of the whole map).
  let keepKeys: (@Sendable (R, inout R, [String]) -> Void)?

  /// Sets a field: `.set(\.status, .done)`.
  public static func set<V: FieldValue>(_ keyPath: WritableKeyPath<R, V> & Sendable, _ value: V)
    -> FieldEdit
  {
    FieldEdit(
      path: R.schema.name(of: keyPath), json: value.json, write: { $0[keyPath: keyPath] = value },
      keepKeys: nil)
  }

  /// Sets one key of a map field (`nil` removes it): `.entry(\.values, "2026-11-23", 42)`.
  public static func entry<V: FieldValue>(
    _ keyPath: WritableKeyPath<R, [String: V]> & Sendable, _ key: String, _ value: V?
  ) -> FieldEdit {
    FieldEdit(
      path: R.schema.name(of: keyPath) + "." + key, json: value.map(\.json) ?? .null,
      write: { $0[keyPath: keyPath][key] = value }, keepKeys: nil)
  }

  /// Sets a whole map field, keeping newer writes of single keys.
  static func map<V: FieldValue>(
    _ keyPath: WritableKeyPath<R, [String: V]> & Sendable, name: String, _ value: [String: V]
  ) -> FieldEdit {
    FieldEdit(
      path: name, json: value.json, write: { $0[keyPath: keyPath] = value },
      keepKeys: { old, new, keys in
        for key in keys { new[keyPath: keyPath][key] = old[keyPath: keyPath][key] }
      })
  }

  public static func == (lhs: FieldEdit, rhs: FieldEdit) -> Bool {
    lhs.path == rhs.path && lhs.json == rhs.json
  }

  public var description: String { path + "=" + json.serialized() }
}
