import Foundation

/// Decision rights: who decides in which area, for one cadence or for everyone.
public enum RightEdits {
  /// Names `decider` as who decides in `area` (for `cadence`'s room, or everyone when `nil`).
  /// An area that already has a decider there is refused: change the decider instead.
  public static func add(
    _ area: String, decider: String, cadence: String? = nil, in reader: some RecordReader,
    _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let area = try EditRules.text(area, field: "area")
    if let cadence, try reader.live(Cadence.self, id: cadence) == nil {
      throw .notFound(kind: "cadence", reference: cadence)
    }
    try refuseTaken(area, cadence: cadence, except: nil, in: reader)
    let right = DecisionRight(
      id: context.newID(), area: area, decider: try EditRules.person(decider, in: reader),
      cadence: cadence)
    return Edit([.create(right)], created: right.id)
  }

  /// Changes a decision right's area, its decider, or both (`nil`: kept). A new area that
  /// another right of the same room already holds is refused.
  public static func change(
    _ id: String, area: String? = nil, decider: String? = nil, in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let right = try live(id, in: reader)
    var fields: [FieldEdit<DecisionRight>] = []
    if let area {
      let area = try EditRules.text(area, field: "area")
      if area != right.area {
        try refuseTaken(area, cadence: right.cadence, except: id, in: reader)
        fields.append(.set(\.area, area))
      }
    }
    if let decider {
      let handle = try EditRules.person(decider, in: reader)
      if handle != right.decider { fields.append(.set(\.decider, handle)) }
    }
    return fields.isEmpty ? Edit([]) : Edit([.update(DecisionRight.self, id: id, fields)])
  }

  /// Removes a decision right (undo brings it back).
  public static func remove(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Edit
  {
    _ = try live(id, in: reader)
    return Edit([.update(DecisionRight.self, id: id, [.set(\.deleted, true)])])
  }

  /// Refuses `area` when another live right of the same room (`cadence`) holds it already.
  private static func refuseTaken(
    _ area: String, cadence: String?, except id: String?, in reader: some RecordReader
  ) throws(RhythmError) {
    let key = area.lowercased()
    if let existing = try reader.all(DecisionRight.self).values.first(where: {
      $0.isLive && $0.id != id && $0.cadence == cadence && $0.area.lowercased() == key
    }) {
      throw .message(
        "'\(existing.area)' already has a decider (@\(existing.decider)): change it instead")
    }
  }

  private static func live(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> DecisionRight
  {
    guard let right = try reader.live(DecisionRight.self, id: id) else {
      throw .notFound(kind: "decision right", reference: id)
    }
    return right
  }
}
