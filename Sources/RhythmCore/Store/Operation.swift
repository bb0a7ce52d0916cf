import Foundation

/// One change as the journal keeps it: one JSON line that sets some fields of one record,
/// with the values they had before (so that undo is just another operation).
public struct Operation: Sendable, Equatable {
  public var id: String
  public var kind: RecordKind
  public var record: String
  public var fields: [String: JSONValue]
  /// The fields' values before this operation; empty for a creation.
  public var prior: [String: JSONValue]
  public var stamp: Stamp
  /// Who made it (handle or user name).
  public var person: String
  /// The operation this one undoes, if it is an undo.
  public var undoes: String?
  /// The undo this one reverts, if it is a redo.
  public var redoes: String?
  /// The typed change this process made it from (`nil` when read from a journal): applying
  /// the operation uses its typed edits instead of reading `fields`.
  var change: Change?

  /// Equal when every part the journal keeps is equal.
  public static func == (lhs: Operation, rhs: Operation) -> Bool {
    (lhs.id, lhs.kind, lhs.record, lhs.fields, lhs.prior) == (
      rhs.id, rhs.kind, rhs.record, rhs.fields, rhs.prior
    )
      && (lhs.stamp, lhs.person, lhs.undoes, lhs.redoes) == (
        rhs.stamp, rhs.person, rhs.undoes, rhs.redoes
      )
  }

  /// When it was made.
  public var at: Date { stamp.date }

  /// The operation as one journal line (compact, sorted keys, no newline).
  public func line() -> String {
    var bytes: [UInt8] = []
    write(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `line()` to `output` as UTF-8: the keys written in their sorted order straight
  /// as bytes, with no dictionary or `String` made for the line.
  func write(into output: inout [UInt8]) {
    Operation.writeLine(
      by: person, device: stamp.device, id: id, kind: kind, record: record, stamp: stamp,
      prior: prior, redoes: redoes, undoes: undoes, into: &output
    ) { output in
      JSONValue.object(fields).write(into: &output)
    }
  }

  /// Appends a journal line, its keys in their sorted order; `fields` writes the fields object.
  static func writeLine(
    by person: String, device: String, id: String, kind: RecordKind, record: String,
    stamp: Stamp, prior: [String: JSONValue], redoes: String?, undoes: String?,
    into output: inout [UInt8], fields: (inout [UInt8]) -> Void
  ) {
    func key(_ name: StaticString) {
      output.append(
        contentsOf: UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
    key("{\"by\":")
    JSONValue.write(string: person, into: &output)
    key(",\"dev\":")
    JSONValue.write(string: device, into: &output)
    key(",\"fields\":")
    fields(&output)
    key(",\"id\":")
    JSONValue.write(string: id, into: &output)
    key(",\"kind\":")
    JSONValue.write(string: kind.rawValue, into: &output)
    key(",\"prior\":")
    JSONValue.object(prior).write(into: &output)
    key(",\"rec\":")
    JSONValue.write(string: record, into: &output)
    if let redoes {
      key(",\"redoes\":")
      JSONValue.write(string: redoes, into: &output)
    }
    key(",\"ts\":")
    JSONValue.write(string: stamp.timeText, into: &output)
    if let undoes {
      key(",\"undoes\":")
      JSONValue.write(string: undoes, into: &output)
    }
    key("}")
  }

  /// Reads a journal line; the error says what is wrong and where (byte offset in the line).
  public init(line: some ContiguousBytes) throws(JSONSyntaxError) {
    let value = try JSONParser.parse(line)
    guard case .object(let object) = value else {
      throw JSONSyntaxError(offset: 0, reason: "an operation must be a JSON object")
    }
    func text(_ key: String) throws(JSONSyntaxError) -> String {
      guard let value = object[key]?.stringValue else {
        throw JSONSyntaxError(offset: 0, reason: "the operation has no '\(key)'")
      }
      return value
    }
    guard let kind = RecordKind(rawValue: try text("kind")) else {
      throw JSONSyntaxError(offset: 0, reason: "unknown record kind '\(try text("kind"))'")
    }
    guard let stamp = Stamp(timeText: try text("ts"), device: try text("dev")) else {
      throw JSONSyntaxError(offset: 0, reason: "bad stamp '\(try text("ts"))'")
    }
    guard case .object(let fields) = object["fields"] ?? .null else {
      throw JSONSyntaxError(offset: 0, reason: "the operation has no 'fields' object")
    }
    var prior: [String: JSONValue] = [:]
    if case .object(let values) = object["prior"] ?? .null { prior = values }
    self.init(
      id: try text("id"), kind: kind, record: try text("rec"), fields: fields, prior: prior,
      stamp: stamp, person: object["by"]?.stringValue ?? "", undoes: object["undoes"]?.stringValue,
      redoes: object["redoes"]?.stringValue)
  }

  /// An operation from its parts.
  public init(
    id: String, kind: RecordKind, record: String, fields: [String: JSONValue],
    prior: [String: JSONValue], stamp: Stamp, person: String, undoes: String? = nil,
    redoes: String? = nil, change: Change? = nil
  ) {
    self.change = change
    self.id = id
    self.kind = kind
    self.record = record
    self.fields = fields
    self.prior = prior
    self.stamp = stamp
    self.person = person
    self.undoes = undoes
    self.redoes = redoes
  }
}
