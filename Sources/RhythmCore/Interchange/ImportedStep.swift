import Foundation

/// A step read from another tool's file, before it becomes a `Step`: the owner is checked
/// against the store's people by the caller.
public struct ImportedStep: Hashable, Sendable {
  public var title: String
  /// The owner's handle; `nil` when the file named none (the caller's default applies).
  public var owner: String?
  public var due: Day
  public var success: String?
  public var tags: [String]
  public var status: Step.Status
  /// When it was made, if the file says.
  public var createdAt: Date?
  /// When it was done or dropped, if the file says.
  public var completedAt: Date?
  /// Where it came from, for error messages: `row 3`, `task 7`.
  public var origin: String

  /// An imported step.
  public init(
    title: String, owner: String?, due: Day, success: String? = nil, tags: [String] = [],
    status: Step.Status = .open, createdAt: Date? = nil, completedAt: Date? = nil,
    origin: String
  ) {
    self.title = title
    self.owner = owner
    self.due = due
    self.success = success
    self.tags = tags
    self.status = status
    self.createdAt = createdAt
    self.completedAt = completedAt
    self.origin = origin
  }

  /// The step, with id `id`, made at `now` unless the file said when.
  public func step(id: String, owner: String, now: Date) -> Step {
    var step = Step(
      id: id, title: title, owner: owner, due: due, success: success,
      createdAt: createdAt ?? now, tags: tags)
    step.status = status
    step.completedAt = status == .open ? nil : (completedAt ?? now)
    return step
  }
}
