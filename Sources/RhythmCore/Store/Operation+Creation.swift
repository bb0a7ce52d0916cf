import Foundation

extension Operation {
  /// Appends the journal line (no newline) of the operation `id` that creates `record` at
  /// `stamp` for `person`: what `line()` writes for the operation `Change.create(record)`
  /// becomes (no prior values, no undo marks), its fields written straight from the typed
  /// record, with no dictionary made. Returns the fields it wrote as a `FieldStamps` mask
  /// (bit n: the schema's field n), `nil` when a field lies past the 64 a mask holds.
  static func writeCreation<R: Record>(
    of record: R, id: String, stamp: Stamp, person: String, into output: inout [UInt8]
  ) -> UInt64? {
    var made: UInt64?
    writeLine(
      by: person, device: stamp.device, id: id, kind: R.kind, record: record.id, stamp: stamp,
      prior: [:], redoes: nil, undoes: nil, into: &output
    ) { output in
      made = R.schema.writeFields(of: record, into: &output)
    }
    return made
  }
}

extension RecordSchema {
  /// Appends what `JSONValue.object(fields(of: record)).write(into:)` does (the keys sorted,
  /// unset fields left out), field by field. Returns the fields written as a mask (bit n:
  /// `fields[n]`), `nil` when one lies past the 64 a mask holds.
  func writeFields(of record: R, into output: inout [UInt8]) -> UInt64? {
    output.append(UInt8(ascii: "{"))
    var made: UInt64 = 0
    var placed = true
    var first = true
    for position in journalOrder {
      let name: String
      let json: JSONValue
      if position == fields.count {
        name = "id"
        json = .string(record.id)
      } else {
        json = fields[position].value(record)
        if case .null = json { continue }
        name = fields[position].name
        if position < 64 { made |= 1 << UInt64(position) } else { placed = false }
      }
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      JSONValue.write(string: name, into: &output)
      output.append(UInt8(ascii: ":"))
      json.write(into: &output)
    }
    output.append(UInt8(ascii: "}"))
    return placed ? made : nil
  }
}
