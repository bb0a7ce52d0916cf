import Foundation

/// A next step: one owner, one due day, a success criterion, and a status.
public struct Step: Record, Hashable {
  /// Where a step stands.
  public enum Status: String, Codable, Sendable, CaseIterable {
    case open, done, dropped
  }

  public static let kind = RecordKind.step
  public var id: String
  public var title: String
  /// The owner's handle.
  public var owner: String
  public var due: Day
  /// What done looks like, in the owner's words.
  public var success: String?
  public var status: Status
  public var createdAt: Date
  /// When it was marked done or dropped.
  public var completedAt: Date?
  /// The review the step was captured in.
  public var review: String?
  public var tags: [String]
  /// The topic it came out of, when one was open as it was captured.
  public var topic: String?
  public var deleted: Bool?

  /// A new open step.
  public init(
    id: String, title: String, owner: String, due: Day, success: String? = nil,
    createdAt: Date, review: String? = nil, tags: [String] = [], topic: String? = nil
  ) {
    self.id = id
    self.title = title
    self.owner = owner
    self.due = due
    self.success = success
    self.status = .open
    self.createdAt = createdAt
    self.review = review
    self.tags = tags
    self.topic = topic
  }

  /// Open and past the end of its due day.
  public func isOverdue(now: Date, in timeZone: TimeZone) -> Bool {
    status == .open && Day(containing: now, in: timeZone) > due
  }

  /// Done on or before the end of its due day.
  public func isOnTime(in timeZone: TimeZone) -> Bool {
    guard status == .done, let completedAt else { return false }
    return Day(containing: completedAt, in: timeZone) <= due
  }
}
