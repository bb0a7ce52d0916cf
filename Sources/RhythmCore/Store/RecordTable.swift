import Foundation

/// Records as field maps, keyed by kind and id: what replaying operations builds before the
/// records are typed. With per-field stamps it is a last-writer-wins register map, so the same
/// operations give the same table whatever order they are applied in.
struct RecordTable {
  private(set) var records: [RecordKind: [String: [String: JSONValue]]] = [:]
  private var stamps: [RecordKind: [String: [String: Stamp]]] = [:]

  /// The fields of one record.
  func fields(of kind: RecordKind, id: String) -> [String: JSONValue]? {
    records[kind]?[id]
  }

  /// Puts a record as read from a snapshot (its fields older than any operation to come).
  mutating func put(_ kind: RecordKind, id: String, fields: [String: JSONValue]) {
    records[kind, default: [:]][id] = fields
  }

  /// Applies one operation: each field takes the operation's value unless a newer stamp set it.
  mutating func apply(_ operation: Operation) {
    var fields = records[operation.kind]?[operation.record] ?? ["id": .string(operation.record)]
    var fieldStamps = stamps[operation.kind]?[operation.record] ?? [:]
    for (path, value) in operation.fields {
      if let current = fieldStamps[path], current > operation.stamp { continue }
      // A whole object older than some of its own keys keeps those newer keys.
      let newerKeys = fieldStamps.filter {
        $0.key.hasPrefix(path + ".") && $0.value > operation.stamp
      }
      RecordTable.set(path, to: value, in: &fields)
      for key in newerKeys.keys {
        if let kept = RecordTable.value(
          at: key, in: records[operation.kind]?[operation.record] ?? [:])
        {
          RecordTable.set(key, to: kept, in: &fields)
        }
      }
      fieldStamps[path] = operation.stamp
    }
    records[operation.kind, default: [:]][operation.record] = fields
    stamps[operation.kind, default: [:]][operation.record] = fieldStamps
  }

  /// Sets `path` (`due`, or `values.2026-11-23` for one key of an object field) in `fields`.
  static func set(_ path: String, to value: JSONValue, in fields: inout [String: JSONValue]) {
    guard let dot = path.firstIndex(of: ".") else {
      fields[path] = value
      return
    }
    let head = String(path[..<dot])
    let rest = String(path[path.index(after: dot)...])
    var inner: [String: JSONValue] = [:]
    if case .object(let existing) = fields[head] ?? .null { inner = existing }
    if value == .null && !rest.contains(".") {
      inner[rest] = nil
    } else {
      set(rest, to: value, in: &inner)
    }
    fields[head] = .object(inner)
  }

  /// The value at `path` in `fields`, `nil` when absent.
  static func value(at path: String, in fields: [String: JSONValue]) -> JSONValue? {
    guard let dot = path.firstIndex(of: ".") else { return fields[path] }
    guard case .object(let inner) = fields[String(path[..<dot])] ?? .null else { return nil }
    return value(at: String(path[path.index(after: dot)...]), in: inner)
  }
}
