import Foundation

/// The layout of `store.json`: valid, pretty JSON with sorted keys in which every record is one
/// line, so that git diffs show one line per changed record, and a reader can find a section,
/// or one record, without parsing the rest.
///
/// ```
/// {
///   "cadences": [
///     {"agenda":[…],"id":"01j…","rule":"FREQ=WEEKLY;BYDAY=MO",…},
///     {…}
///   ],
///   "journals": {"k3j9x2ab":{"bytes":48213,"lines":211}},
///   "schemaVersion": 1,
///   "stamp": "0001764057300123-0000@k3j9x2ab",
///   "steps": [
///   …
/// }
/// ```
enum SnapshotFormat {
  /// The schema this build writes and reads.
  static let schemaVersion = 1

  /// The section name of each record kind (the JSON key).
  static func sectionName(_ kind: RecordKind) -> String {
    switch kind {
    case .person: return "people"
    case .priority: return "priorities"
    default: return kind.rawValue + "s"
    }
  }

  /// The kind a section name stands for.
  static func kind(forSection name: String) -> RecordKind? {
    RecordKind.allCases.first { sectionName($0) == name }
  }
}

/// The header values of a snapshot (everything that is not a record).
struct SnapshotHeader: Equatable {
  var schemaVersion = SnapshotFormat.schemaVersion
  var journals: [String: JournalPosition] = [:]
  /// The greatest stamp of the operations the snapshot holds.
  var stamp: Stamp?
}

/// Writes a snapshot from records as field maps, and records where each record's line is.
struct SnapshotWriter {
  /// Where one record's line sits in the written file.
  struct Placement {
    var id: String
    var fields: [String: JSONValue]
    var offset: Int
    var length: Int
  }

  private(set) var bytes: [UInt8] = []
  private(set) var sections: [RecordKind: Range<Int>] = [:]
  private(set) var placements: [RecordKind: [Placement]] = [:]

  /// Lays out `records` (field maps by kind and id) with `header`.
  init(records: [RecordKind: [String: [String: JSONValue]]], header: SnapshotHeader) {
    var entries: [(key: String, kind: RecordKind?)] =
      RecordKind.allCases.map { (SnapshotFormat.sectionName($0), $0) }
    entries += [("journals", nil), ("schemaVersion", nil), ("stamp", nil)]
    entries.sort { $0.key < $1.key }
    append("{\n")
    for (position, entry) in entries.enumerated() {
      let comma = position == entries.count - 1 ? "" : ","
      append("  \"\(entry.key)\": ")
      if let kind = entry.kind {
        writeSection(kind, records: records[kind] ?? [:], comma: comma)
      } else {
        append(headerValue(entry.key, header) + comma + "\n")
      }
    }
    append("}\n")
  }

  private mutating func writeSection(
    _ kind: RecordKind, records: [String: [String: JSONValue]], comma: String
  ) {
    let ids = records.keys.sorted()
    guard !ids.isEmpty else {
      sections[kind] = bytes.count..<bytes.count + 2
      append("[]" + comma + "\n")
      return
    }
    let start = bytes.count
    append("[\n")
    var list: [Placement] = []
    list.reserveCapacity(ids.count)
    for (position, id) in ids.enumerated() {
      guard let fields = records[id] else { continue }
      append("    ")
      let offset = bytes.count
      JSONValue.object(fields).write(into: &bytes)
      list.append(Placement(id: id, fields: fields, offset: offset, length: bytes.count - offset))
      append(position == ids.count - 1 ? "\n" : ",\n")
    }
    append("  ]")
    sections[kind] = start..<bytes.count
    append(comma + "\n")
    placements[kind] = list
  }

  private func headerValue(_ key: String, _ header: SnapshotHeader) -> String {
    switch key {
    case "journals":
      var object: [String: JSONValue] = [:]
      for (device, position) in header.journals {
        object[device] = .object([
          "bytes": .number(Double(position.bytes)), "lines": .number(Double(position.lines)),
        ])
      }
      return JSONValue.object(object).serialized()
    case "schemaVersion":
      return String(header.schemaVersion)
    default:
      return header.stamp.map { JSONValue.string($0.description).serialized() } ?? "null"
    }
  }

  private mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }
}
