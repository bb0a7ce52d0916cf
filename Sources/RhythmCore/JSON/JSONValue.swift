import Foundation

/// A JSON value: what an operation sets a field to, and what a record's fields hold while the
/// store replays operations. Read with `JSONParser`, written with `serialized()`.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The string, when this is one.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number, when this is one.
  public var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The elements' strings, when this is an array of strings.
  public var stringArray: [String]? {
    guard case .array(let values) = self else { return nil }
    return values.compactMap(\.stringValue)
  }
}

extension JSONValue {
  /// A string value, or null for `nil`.
  public init(_ text: String?) {
    self = text.map(JSONValue.string) ?? .null
  }

  /// An instant as ISO 8601 text, or null for `nil`.
  public init(_ date: Date?) {
    self = date.map { .string(ISOInstant.format($0)) } ?? .null
  }

  /// A day as `YYYY-MM-DD`, or null for `nil`.
  public init(_ day: Day?) {
    self = day.map { .string($0.description) } ?? .null
  }

  /// An array of strings.
  public init(_ strings: [String]) {
    self = .array(strings.map(JSONValue.string))
  }
}
