import Foundation

/// Quarterly priorities: set one, change its status, edit it.
public enum PriorityEdits {
  /// Adds a priority owned by a known person, on track, for `quarter` (this quarter when
  /// `nil`); `team` must be a known team.
  public static func add(
    _ title: String, owner: String, quarter: Quarter? = nil, team: String? = nil,
    in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let priority = Priority(
      id: context.newID(), title: try EditRules.text(title, field: "priority"),
      owner: try EditRules.person(owner, in: reader),
      quarter: (quarter ?? Quarter(containing: context.today)).description,
      team: try team.map { (name) throws(RhythmError) in try EditRules.team(name, in: reader) })
    return Edit([.create(priority)], created: priority.id)
  }

  /// Sets the status of priorities; those already in it are left alone.
  public static func setStatus(
    _ status: Priority.Status, of ids: [String], in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    var changes: [Change] = []
    var seen = Set<String>()
    for id in ids where seen.insert(id).inserted {
      let priority = try live(id, in: reader)
      if priority.status != status {
        changes.append(.update(Priority.self, id: id, [.set(\.status, status)]))
      }
    }
    return Edit(changes)
  }

  /// What an edit of a priority may change; `nil` leaves a field as it is.
  public struct Patch: Sendable, Equatable {
    public var title: String?
    public var owner: String?
    public var quarter: Quarter?
    public var team: String?

    /// A patch of the given fields.
    public init(
      title: String? = nil, owner: String? = nil, quarter: Quarter? = nil, team: String? = nil
    ) {
      self.title = title
      self.owner = owner
      self.quarter = quarter
      self.team = team
    }
  }

  /// Changes the fields `patch` sets that differ from the priority's.
  public static func edit(_ id: String, _ patch: Patch, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    let priority = try live(id, in: reader)
    var edits: [FieldEdit<Priority>] = []
    if let title = patch.title {
      let title = try EditRules.text(title, field: "priority")
      if title != priority.title { edits.append(.set(\.title, title)) }
    }
    if let owner = patch.owner {
      let handle = try EditRules.person(owner, in: reader)
      if handle != priority.owner { edits.append(.set(\.owner, handle)) }
    }
    if let quarter = patch.quarter?.description, quarter != priority.quarter {
      edits.append(.set(\.quarter, quarter))
    }
    if let team = patch.team {
      let name = try EditRules.team(team, in: reader)
      if name != priority.team { edits.append(.set(\.team, name)) }
    }
    return Edit(edits.isEmpty ? [] : [.update(Priority.self, id: id, edits)])
  }

  private static func live(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Priority
  {
    guard let priority = try reader.live(Priority.self, id: id) else {
      throw .notFound(kind: "priority", reference: id)
    }
    return priority
  }
}
