import Foundation

/// One operation as people read it: when, who, from which device, which record, and each
/// field's old and new value. `rhythm log` and the cockpit's history pane both show these.
public struct LogEntry: Hashable, Sendable {
  /// One field an operation set.
  public struct FieldChange: Hashable, Sendable {
    public var field: String
    /// The value before (`nil` for a creation, which has no before).
    public var old: JSONValue?
    public var new: JSONValue

    /// `field` set from `old` to `new`.
    public init(field: String, old: JSONValue?, new: JSONValue) {
      self.field = field
      self.old = old
      self.new = new
    }
  }

  public var at: Date
  public var person: String
  public var device: String
  public var kind: RecordKind
  public var record: String
  /// The operation's id.
  public var operation: String
  /// Whether it made the record.
  public var isCreation: Bool
  /// The operation it undoes, or the undo it reverts.
  public var undoes: String?
  public var redoes: String?
  /// Every field it set, by name.
  public var fields: [FieldChange]

  /// The entry for `operation`.
  public init(_ operation: Operation) {
    at = operation.at
    person = operation.person
    device = operation.stamp.device
    kind = operation.kind
    record = operation.record
    self.operation = operation.id
    let created = operation.prior.isEmpty && operation.undoes == nil && operation.redoes == nil
    isCreation = created
    undoes = operation.undoes
    redoes = operation.redoes
    fields = operation.fields.keys.sorted().compactMap { key in
      operation.fields[key].map {
        FieldChange(field: key, old: created ? nil : operation.prior[key] ?? .null, new: $0)
      }
    }
  }

  /// An entry from its parts (tests and previews).
  public init(
    at: Date, person: String, device: String = "", kind: RecordKind, record: String,
    operation: String = "", isCreation: Bool = false, fields: [FieldChange]
  ) {
    self.at = at
    self.person = person
    self.device = device
    self.kind = kind
    self.record = record
    self.operation = operation
    self.isCreation = isCreation
    self.fields = fields
  }

  /// What changed, in a line: `created`, `status open → done, completedAt – → 2026-11-25 09:00`,
  /// `undo: due 2026-12-01 → 2026-12-08`.
  public var summary: String {
    var text =
      isCreation
      ? "created"
      : fields.map { change in
        "\(change.field) \(change.old.map(LogEntry.text) ?? "–") → \(LogEntry.text(change.new))"
      }.joined(separator: ", ")
    if undoes != nil { text = "undo: " + text }
    if redoes != nil { text = "redo: " + text }
    return text
  }

  /// A value as the log shows it: `–` for none, instants without seconds, lists spaced.
  public static func text(_ value: JSONValue) -> String {
    switch value {
    case .null: return "–"
    case .bool(let flag): return flag ? "yes" : "no"
    case .number: return value.serialized()
    case .string(let text):
      if text.count == 20, text.hasSuffix("Z"), text.dropFirst(10).first == "T" {
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
      }
      return text
    case .array(let values): return values.map(text).joined(separator: " ")
    case .object(let object):
      return "{"
        + object.keys.sorted().map { "\($0): \(text(object[$0] ?? .null))" }
        .joined(separator: ", ") + "}"
    }
  }

  /// The entry as `rhythm log --json` writes it.
  public var json: JSONValue {
    var object: [String: JSONValue] = [
      "at": .string(ISOInstant.format(at)), "by": .string(person), "device": .string(device),
      "kind": .string(kind.rawValue), "record": .string(record), "operation": .string(operation),
      "created": .bool(isCreation),
      "fields": .array(
        fields.map { change in
          .object(["field": .string(change.field), "old": change.old ?? .null, "new": change.new])
        }),
    ]
    if let undoes { object["undoes"] = .string(undoes) }
    if let redoes { object["redoes"] = .string(redoes) }
    return .object(object)
  }
}

extension Store {
  /// The history of record `id` (every kind), or of the whole store when `id` is nil: every
  /// operation from every journal, oldest first.
  public func log(of id: String? = nil) throws(RhythmError) -> [LogEntry] {
    let operations: [Operation]
    if let id {
      operations = try history(of: id)
    } else {
      operations = try Journal.readTails(folder: layout.journalFolder, from: [:]).operations
        .sorted { $0.stamp < $1.stamp }
    }
    return operations.map(LogEntry.init)
  }
}
