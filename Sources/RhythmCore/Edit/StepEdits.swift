import Foundation

/// Every change to next steps: capture, done / dropped / reopened, owner, due, snooze, edit.
public enum StepEdits {
  /// How long a step has when no due date is given, and how far a snooze moves it.
  public static let defaultDays = 7

  /// A new step as someone described it (quick-add, flags or the capture line).
  public struct Draft: Sendable, Equatable {
    public var title: String
    public var owner: String?
    public var due: Day?
    public var success: String?
    public var tags: [String]
    /// The review it is captured in.
    public var review: String?
    /// The topic open as it is captured.
    public var topic: String?

    /// A draft from its parts.
    public init(
      title: String, owner: String? = nil, due: Day? = nil, success: String? = nil,
      tags: [String] = [], review: String? = nil, topic: String? = nil
    ) {
      self.title = title
      self.owner = owner
      self.due = due
      self.success = success
      self.tags = tags
      self.review = review
      self.topic = topic
    }

    /// A draft from a quick-add line.
    public init(_ quickAdd: QuickAdd, review: String? = nil, topic: String? = nil) {
      self.init(
        title: quickAdd.title, owner: quickAdd.owner, due: quickAdd.due,
        success: quickAdd.success, tags: quickAdd.tags, review: review, topic: topic)
    }
  }

  /// Adds a step. Without a due date it is due in a week. An unknown owner is refused, or
  /// added as a new person when `addingOwner`.
  public static func add(
    _ draft: Draft, addingOwner: Bool = false, in reader: some RecordReader,
    _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let title = try EditRules.text(draft.title, field: "title")
    guard let typedOwner = draft.owner else {
      throw .message("the step has no owner: add @handle")
    }
    let owner = EditRules.handle(typedOwner)
    var changes: [Change] = []
    if try reader.live(Person.self, id: owner) == nil {
      guard addingOwner else { throw .unknownPerson(owner) }
      changes += try PeopleEdits.add(handle: owner, in: reader).changes
    }
    let step = Step(
      id: context.newID(), title: title, owner: owner,
      due: draft.due ?? context.today.adding(days: defaultDays),
      success: try EditRules.optionalText(draft.success, field: "success criterion"),
      createdAt: context.now, review: draft.review, tags: try EditRules.tags(draft.tags),
      topic: try EditRules.topic(draft.topic, in: reader))
    changes.append(.create(step))
    return Edit(changes, created: step.id)
  }

  /// Sets the status of steps (done and dropped keep when; reopening clears it). Steps already
  /// in that status are left alone.
  public static func setStatus(
    _ status: Step.Status, of ids: [String], in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    var changes: [Change] = []
    for id in unique(ids) {
      guard let step = try step(id, in: reader), step.status != status else { continue }
      changes.append(
        .update(
          Step.self, id: id,
          [.set(\.status, status), .set(\.completedAt, status == .open ? nil : context.now)]))
    }
    return Edit(changes)
  }

  /// Gives steps to another owner.
  public static func reassign(
    _ ids: [String], to typedOwner: String, in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let owner = try EditRules.person(typedOwner, in: reader)
    return Edit(unique(ids).map { .update(Step.self, id: $0, [.set(\.owner, owner)]) })
  }

  /// Moves steps' due date to `due`.
  public static func reschedule(_ ids: [String], to due: Day) -> Edit {
    Edit(unique(ids).map { .update(Step.self, id: $0, [.set(\.due, due)]) })
  }

  /// Moves steps' due date a week on from where it is.
  public static func snooze(_ ids: [String], in reader: some RecordReader) throws(RhythmError)
    -> Edit
  {
    var changes: [Change] = []
    for id in unique(ids) {
      guard let step = try step(id, in: reader) else { continue }
      changes.append(.update(Step.self, id: id, [.set(\.due, step.due.adding(days: defaultDays))]))
    }
    return Edit(changes)
  }

  /// What an edit of one step may change; `nil` leaves a field as it is.
  public struct Patch: Sendable, Equatable {
    public var title: String?
    public var owner: String?
    public var due: Day?
    /// A new success criterion; `.some(nil)` clears it.
    public var success: String??
    public var tags: [String]?

    /// A patch of the given fields.
    public init(
      title: String? = nil, owner: String? = nil, due: Day? = nil, success: String?? = nil,
      tags: [String]? = nil
    ) {
      self.title = title
      self.owner = owner
      self.due = due
      self.success = success
      self.tags = tags
    }

    /// Everything a quick-add line says of a step (an edit in the cockpit rewrites the line).
    public init(_ quickAdd: QuickAdd) {
      self.init(
        title: quickAdd.title, owner: quickAdd.owner, due: quickAdd.due,
        success: .some(quickAdd.success), tags: quickAdd.tags)
    }

    /// Whether it changes nothing.
    public var isEmpty: Bool {
      title == nil && owner == nil && due == nil && success == nil && tags == nil
    }
  }

  /// Changes the fields of one step that `patch` sets and that differ from the step's.
  /// - Throws: `.notFound` for no such step, `.unknownPerson`, `.emptyTitle`.
  public static func edit(_ id: String, _ patch: Patch, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    guard let step = try step(id, in: reader) else { throw .notFound(kind: "step", reference: id) }
    var edits: [FieldEdit<Step>] = []
    if let title = patch.title {
      let title = try EditRules.text(title, field: "title")
      if title != step.title { edits.append(.set(\.title, title)) }
    }
    if let owner = patch.owner, EditRules.handle(owner) != step.owner {
      edits.append(.set(\.owner, try EditRules.person(owner, in: reader)))
    }
    if let due = patch.due, due != step.due { edits.append(.set(\.due, due)) }
    if let success = patch.success, success != step.success {
      edits.append(
        .set(\.success, try EditRules.optionalText(success, field: "success criterion")))
    }
    if let typed = patch.tags {
      let tags = try EditRules.tags(typed)
      if tags != step.tags { edits.append(.set(\.tags, tags)) }
    }
    return Edit(edits.isEmpty ? [] : [.update(Step.self, id: id, edits)])
  }

  private static func step(_ id: String, in reader: some RecordReader) throws(RhythmError) -> Step?
  {
    try reader.live(Step.self, id: id)
  }

  private static func unique(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
  }
}

extension StepEdits {
  /// Adds steps read from another tool, in one edit. A step without an owner takes
  /// `defaultOwner`; an unknown owner is refused, or added as a new person when `addingPeople`.
  public static func importing(
    _ items: [ImportedStep], defaultOwner: String? = nil, addingPeople: Bool = false,
    in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    var known = Set(try reader.all(Person.self).keys)
    let fallback = defaultOwner.map(EditRules.handle)
    var changes: [Change] = []
    changes.reserveCapacity(items.count)
    for item in items {
      guard let owner = item.owner.map(EditRules.handle) ?? fallback else {
        throw .message(
          "\(item.origin) has no owner: add an owner column or tag, or give --owner HANDLE")
      }
      if !known.contains(owner) {
        guard addingPeople else {
          throw .message(
            "\(item.origin): no person '\(owner)': add them with `rhythm person add \(owner)` "
              + "or pass --new-people")
        }
        changes += try PeopleEdits.add(handle: owner, in: reader).changes
        known.insert(owner)
      }
      do {
        _ = try EditRules.text(item.title, field: "title")
        _ = try EditRules.optionalText(item.success, field: "success criterion")
        _ = try EditRules.tags(item.tags)
      } catch {
        throw .message("\(item.origin): \(error.description)")
      }
      changes.append(.create(item.step(id: context.newID(), owner: owner, now: context.now)))
    }
    return Edit(changes)
  }
}
