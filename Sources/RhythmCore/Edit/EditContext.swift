import Foundation

/// What an edit needs besides the records: the time, the zone people count days in, who makes
/// the change, and fresh ids. Edits read it and never the clock, so they are pure.
public struct EditContext: Sendable {
  public var now: Date
  public var timeZone: TimeZone
  /// The person making the change (a handle), when known.
  public var actor: String?
  /// Makes ids for new records.
  public var ids: RecordIDGenerator

  /// A context at `now`.
  public init(
    now: Date, timeZone: TimeZone, actor: String? = nil, ids: RecordIDGenerator = RecordIDGenerator()
  ) {
    self.now = now
    self.timeZone = timeZone
    self.actor = actor
    self.ids = ids
  }

  /// Today in `timeZone`.
  public var today: Day { Day(containing: now, in: timeZone) }

  /// A fresh record id.
  public mutating func newID() -> String { ids.next(at: now) }
}

/// The changes one edit makes, and the id of the record it created, if any.
public struct Edit: Sendable, Equatable {
  public var changes: [Change]
  /// The record the edit made (a new step, decision, review…).
  public var created: String?

  /// An edit of `changes`.
  public init(_ changes: [Change], created: String? = nil) {
    self.changes = changes
    self.created = created
  }
}
