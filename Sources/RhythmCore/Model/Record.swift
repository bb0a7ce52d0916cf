import Foundation

/// The kinds of record the store holds; each operation names one.
public enum RecordKind: String, Codable, Sendable, CaseIterable {
  case person, team, cadence, review, step, decision, note, metric, priority, exchange
  case topic, headline, right

  /// The type whose records this kind names.
  public var recordType: any Record.Type {
    switch self {
    case .person: Person.self
    case .team: Team.self
    case .cadence: Cadence.self
    case .review: Review.self
    case .step: Step.self
    case .decision: Decision.self
    case .note: Note.self
    case .metric: Metric.self
    case .priority: Priority.self
    case .exchange: Exchange.self
    case .topic: Topic.self
    case .headline: Headline.self
    case .right: DecisionRight.self
    }
  }
}

/// A record the store keeps: a value with an id whose fields operations set one by one.
/// Operations name its fields as its `schema` does (the same names as its `CodingKeys`).
public protocol Record: Codable, Sendable, Identifiable where ID == String {
  /// The kind that operations on this type name.
  static var kind: RecordKind { get }
  /// Its fields as the journal names them.
  static var schema: RecordSchema<Self> { get }
  /// Where a `StoreState` keeps the live records of this type.
  static var section: WritableKeyPath<StoreState, [String: Self]> & Sendable { get }
  /// The record's id: a ULID, or the handle for people and the name for teams.
  var id: String { get }
  /// Set when the record was removed (an undone creation); removed records are not shown.
  var deleted: Bool? { get }
}

extension Record {
  /// Whether the record is live (not removed).
  public var isLive: Bool { deleted != true }
}

/// The JSON coders for records, with the store's date format (ISO 8601, read by hand).
public enum RecordCoding {
  /// A decoder for records and operations.
  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let text = try decoder.singleValueContainer().decode(String.self)
      guard let date = ISOInstant.parse(text) else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 instant: \(text)")
        )
      }
      return date
    }
    return decoder
  }

  /// An encoder writing compact lines with sorted keys, so files diff well.
  public static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(ISOInstant.format(date))
    }
    return encoder
  }
}
