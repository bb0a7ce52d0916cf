import Foundation

/// A value a record field can hold, and its form in a journal line. Reading a field from an
/// operation is a switch on the parsed value, never a trip through `JSONDecoder`.
public protocol FieldValue: Sendable, Equatable {
  /// The value a journal line holds; `nil` when it is of the wrong kind.
  init?(json: JSONValue)
  /// The value as a journal line writes it.
  var json: JSONValue { get }
}

extension String: FieldValue {
  public init?(json: JSONValue) {
    guard case .string(let value) = json else { return nil }
    self = value
  }
  public var json: JSONValue { .string(self) }
}

extension Double: FieldValue {
  public init?(json: JSONValue) {
    guard case .number(let value) = json else { return nil }
    self = value
  }
  public var json: JSONValue { .number(self) }
}

extension Int: FieldValue {
  public init?(json: JSONValue) {
    guard case .number(let value) = json, let exact = Int(exactly: value) else { return nil }
    self = exact
  }
  public var json: JSONValue { .number(Double(self)) }
}

extension Bool: FieldValue {
  public init?(json: JSONValue) {
    guard case .bool(let value) = json else { return nil }
    self = value
  }
  public var json: JSONValue { .bool(self) }
}

extension Day: FieldValue {
  public init?(json: JSONValue) {
    guard case .string(let text) = json, let day = Day.parse(text) else { return nil }
    self = day
  }
  public var json: JSONValue { .string(description) }
}

extension Date: FieldValue {
  public init?(json: JSONValue) {
    guard case .string(let text) = json, let date = ISOInstant.parse(text) else { return nil }
    self = date
  }
  public var json: JSONValue { .string(ISOInstant.format(self)) }
}

extension Optional: FieldValue where Wrapped: FieldValue {
  /// `null` is `nil`; anything else must be a `Wrapped`.
  public init?(json: JSONValue) {
    if json == .null {
      self = .none
    } else if let value = Wrapped(json: json) {
      self = .some(value)
    } else {
      return nil
    }
  }
  public var json: JSONValue { map(\.json) ?? .null }
}

extension Array: FieldValue where Element: FieldValue {
  public init?(json: JSONValue) {
    guard case .array(let values) = json else { return nil }
    var result: [Element] = []
    result.reserveCapacity(values.count)
    for value in values {
      guard let element = Element(json: value) else { return nil }
      result.append(element)
    }
    self = result
  }
  public var json: JSONValue { .array(map(\.json)) }
}

extension Dictionary: FieldValue where Key == String, Value: FieldValue {
  public init?(json: JSONValue) {
    guard case .object(let values) = json else { return nil }
    var result: [String: Value] = [:]
    for (key, value) in values {
      guard let typed = Value(json: value) else { return nil }
      result[key] = typed
    }
    self = result
  }
  public var json: JSONValue { .object(mapValues(\.json)) }
}

/// Enumerations stored as their raw text (`"open"`, `"on-track"`).
extension FieldValue where Self: RawRepresentable, RawValue == String {
  public init?(json: JSONValue) {
    guard case .string(let text) = json, let value = Self(rawValue: text) else { return nil }
    self = value
  }
  public var json: JSONValue { .string(rawValue) }
}

extension Step.Status: FieldValue {}
extension Review.Status: FieldValue {}
extension Metric.Direction: FieldValue {}
extension Metric.Period: FieldValue {}
extension Priority.Status: FieldValue {}
extension SectionKind: FieldValue {}
extension Topic.Status: FieldValue {}
extension Headline.Tone: FieldValue {}

extension AuditAnswer: FieldValue {
  public init?(json: JSONValue) {
    guard case .object(let object) = json, let risk = object["risk"].flatMap(Int.init(json:)),
      let transparency = object["transparency"].flatMap(Int.init(json:)),
      let drive = object["drive"].flatMap(Int.init(json:))
    else { return nil }
    self.init(risk: risk, transparency: transparency, drive: drive)
  }
  public var json: JSONValue {
    .object(["risk": risk.json, "transparency": transparency.json, "drive": drive.json])
  }
}

extension AgendaSection: FieldValue {
  /// A section; one written before sections had kinds (or with a kind this version does not
  /// know) gets the kind of its title.
  public init?(json: JSONValue) {
    guard case .object(let object) = json, let title = object["title"].flatMap(String.init(json:)),
      let minutes = object["minutes"].flatMap(Int.init(json:))
    else { return nil }
    self.init(title, minutes: minutes, kind: object["kind"].flatMap(SectionKind.init(json:)))
  }
  public var json: JSONValue {
    .object(["title": .string(title), "minutes": minutes.json, "kind": kind.json])
  }
}
