import Foundation

/// The fields of one record type as the journal names them: how each is read from an
/// operation, written into a typed record and written out again. It replaces `Codable` on the
/// change path: a record is built from its fields and a change applied to it field by field.
public struct RecordSchema<R: Record>: Sendable {
  /// One field of the record type.
  public struct Field: Sendable {
    public let name: String
    let keyPath: PartialKeyPath<R> & Sendable
    /// Whether a record can be made without it (optional, or a list or map that starts empty).
    let hasDefault: Bool
    let read: @Sendable (_ path: String, _ json: JSONValue) -> FieldEdit<R>?
    let value: @Sendable (R) -> JSONValue
    /// The value at `key` of a map field.
    let entry: (@Sendable (R, String) -> JSONValue)?
    /// For a map field: copies the given keys from one record into another (a newer write of
    /// one key survives an older write of the whole map).
    let keepKeys: (@Sendable (R, inout R, [String]) -> Void)?

    /// A field that every record must have.
    public static func required<V: FieldValue>(
      _ name: String, _ keyPath: WritableKeyPath<R, V> & Sendable
    ) -> Field {
      plain(name, keyPath, hasDefault: false)
    }

    /// A field a record may lack (optional, or a list that starts empty).
    public static func optional<V: FieldValue>(
      _ name: String, _ keyPath: WritableKeyPath<R, V> & Sendable
    ) -> Field {
      plain(name, keyPath, hasDefault: true)
    }

    /// A map field whose keys are also written one by one (`values.2026-11-23`).
    public static func map<V: FieldValue>(
      _ name: String, _ keyPath: WritableKeyPath<R, [String: V]> & Sendable
    ) -> Field {
      Field(
        name: name, keyPath: keyPath, hasDefault: true,
        read: { path, json in
          if path == name {
            return [String: V](json: json).map {
              FieldEdit.set(keyPath, named: name, $0, json: json)
            }
          }
          let key = String(path.dropFirst(name.count + 1))
          guard json == .null || V(json: json) != nil else { return nil }
          let value = V(json: json)
          return FieldEdit(path: path, json: json, write: { $0[keyPath: keyPath][key] = value })
        },
        value: { $0[keyPath: keyPath].json },
        entry: { record, key in record[keyPath: keyPath][key]?.json ?? .null },
        keepKeys: { old, new, keys in
          for key in keys { new[keyPath: keyPath][key] = old[keyPath: keyPath][key] }
        })
    }

    private static func plain<V: FieldValue>(
      _ name: String, _ keyPath: WritableKeyPath<R, V> & Sendable, hasDefault: Bool
    ) -> Field {
      Field(
        name: name, keyPath: keyPath, hasDefault: hasDefault,
        read: { _, json in
          V(json: json).map { FieldEdit.set(keyPath, named: name, $0, json: json) }
        },
        value: { $0[keyPath: keyPath].json }, entry: nil, keepKeys: nil)
    }
  }

  /// A record with only its id, the rest placeholders every required field overwrites.
  let blank: @Sendable (String) -> R
  public let fields: [Field]
  private let byName: [String: Int]
  private let byKeyPath: [PartialKeyPath<R> & Sendable: String]
  /// The positions of `fields` in the order a journal line writes them (sorted by name), with
  /// `fields.count` standing for `id`.
  let journalOrder: [Int]

  /// The schema of a record type: `blank` makes a placeholder record for an id.
  public init(blank: @escaping @Sendable (String) -> R, fields: [Field]) {
    self.blank = blank
    self.fields = fields
    var byName: [String: Int] = [:]
    var byKeyPath: [PartialKeyPath<R> & Sendable: String] = [:]
    for (position, field) in fields.enumerated() {
      byName[field.name] = position
      byKeyPath[field.keyPath] = field.name
    }
    self.byName = byName
    self.byKeyPath = byKeyPath
    journalOrder = (fields.map(\.name) + ["id"]).enumerated().sorted { $0.element < $1.element }
      .map(\.offset)
  }

  /// The position in `fields` of the field named `name` (a whole field, not a map key).
  func position(of name: String) -> Int? {
    byName[name]
  }

  /// Copies `keys` of the map field `name` from `old` into `new`.
  func keep(_ keys: [String], of name: String, from old: R, into new: inout R) {
    guard let position = byName[name] else { return }
    fields[position].keepKeys?(old, &new, keys)
  }

  /// The journal name of the field at `keyPath`.
  func name(of keyPath: PartialKeyPath<R> & Sendable) -> String {
    guard let name = byKeyPath[keyPath] else {
      assertionFailure("\(R.self) has no schema field for \(keyPath)")
      return "\(keyPath)"
    }
    return name
  }

  /// The field a journal path names (`values.2026-11-23` names `values`).
  func field(at path: String) -> Field? {
    if let position = byName[path] { return fields[position] }
    guard let dot = path.firstIndex(of: "."), let position = byName[String(path[..<dot])]
    else { return nil }
    return fields[position].entry == nil ? nil : fields[position]
  }

  /// An operation's fields as typed edits; fields this version does not know, or of the wrong
  /// kind, are left out (an older program reading a newer journal keeps what it understands).
  public func edits(from fields: [String: JSONValue]) -> [FieldEdit<R>] {
    var edits: [FieldEdit<R>] = []
    edits.reserveCapacity(fields.count)
    for (path, json) in fields {
      if let edit = field(at: path)?.read(path, json) { edits.append(edit) }
    }
    return edits
  }

  /// Every field of `record`, as a creation writes them (nil ones left out).
  public func fields(of record: R) -> [String: JSONValue] {
    var result: [String: JSONValue] = ["id": .string(record.id)]
    for field in fields {
      let json = field.value(record)
      if json != .null { result[field.name] = json }
    }
    return result
  }

  /// The value at a journal path of `record` (`.null` when unset).
  public func value(at path: String, of record: R) -> JSONValue {
    guard let field = field(at: path) else { return .null }
    if path == field.name { return field.value(record) }
    return field.entry?(record, String(path.dropFirst(field.name.count + 1))) ?? .null
  }

  /// Writes the journal value at `path` into `record`; false when a field without a default
  /// holds a value of the wrong kind (an unknown field, or a defaulted one, is passed over).
  private func read(_ path: String, _ json: JSONValue, into record: inout R) -> Bool {
    guard let field = field(at: path) else { return true }
    if let edit = field.read(path, json) {
      edit.write(&record)
      return true
    }
    return field.hasDefault
  }

  /// A record from its fields; `nil` when a field without a default is missing or of the wrong
  /// kind (a record whose creation has not arrived yet).
  public func record(id: String, from fields: [String: JSONValue]) -> R? {
    var record = blank(id)
    // Whole fields first, then single keys of map fields (`values.2026-11-23`) over them.
    var keyed: [(key: String, value: JSONValue)] = []
    for field in fields where field.key != "id" {
      guard !field.key.utf8.contains(UInt8(ascii: ".")) else {
        keyed.append(field)
        continue
      }
      guard read(field.key, field.value, into: &record) else { return nil }
    }
    for field in keyed {
      guard read(field.key, field.value, into: &record) else { return nil }
    }
    for field in self.fields where !field.hasDefault && fields[field.name] == nil {
      return nil
    }
    return record
  }
}
