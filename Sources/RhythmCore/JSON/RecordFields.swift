import Foundation

/// Converts typed records to and from the field maps that operations carry.
public enum RecordFields {
  /// Every field of `record` (nil ones left out), as the store writes them.
  public static func encode<R: Record>(_ record: R) -> [String: JSONValue] {
    guard let data = try? RecordCoding.makeEncoder().encode(record),
      case .object(let fields) = try? JSONParser.parse(data)
    else { return ["id": .string(record.id)] }
    return fields
  }

  /// A typed record from its fields; `nil` when a required field is missing or of the wrong
  /// kind (a record whose creation has not arrived yet).
  public static func decode<R: Record>(_ type: R.Type, from fields: [String: JSONValue]) -> R? {
    let data = Data(JSONValue.object(fields).serialized().utf8)
    return try? RecordCoding.makeDecoder().decode(R.self, from: data)
  }
}
