import Foundation

// MARK: - Editing a metric

extension MetricEdits {
  /// What an edit of a metric may change; `nil` leaves a field as it is.
  public struct Patch: Sendable, Equatable {
    public var name: String?
    public var owner: String?
    public var unit: String?
    public var target: Double?
    public var direction: Metric.Direction?

    /// A patch of the given fields.
    public init(
      name: String? = nil, owner: String? = nil, unit: String? = nil, target: Double? = nil,
      direction: Metric.Direction? = nil
    ) {
      self.name = name
      self.owner = owner
      self.unit = unit
      self.target = target
      self.direction = direction
    }
  }

  /// Changes the fields `patch` sets that differ from the metric's; its values stay.
  /// - Throws: `.notFound`, `.unknownPerson`, or a message for bad text or a target that is
  ///   not a number.
  public static func edit(_ id: String, _ patch: Patch, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    guard let metric = try reader.live(Metric.self, id: id) else {
      throw .notFound(kind: "metric", reference: id)
    }
    var edits: [FieldEdit<Metric>] = []
    if let name = patch.name {
      let name = try EditRules.text(name, field: "name")
      if name != metric.name { edits.append(.set(\.name, name)) }
    }
    if let owner = patch.owner {
      let handle = try EditRules.person(owner, in: reader)
      if handle != metric.owner { edits.append(.set(\.owner, handle)) }
    }
    if let unit = patch.unit {
      let unit =
        try EditRules.optionalText(unit, field: "unit")?.trimmingCharacters(in: .whitespaces)
        ?? ""
      if unit != metric.unit { edits.append(.set(\.unit, unit)) }
    }
    if let target = patch.target {
      guard target.isFinite else {
        throw .invalidValue(field: "target", value: String(target), expected: "a number")
      }
      if target != metric.target { edits.append(.set(\.target, target)) }
    }
    if let direction = patch.direction, direction != metric.direction {
      edits.append(.set(\.direction, direction))
    }
    return Edit(edits.isEmpty ? [] : [.update(Metric.self, id: id, edits)])
  }
}
