import Foundation

/// One change in a record's history, as the detail pane shows it.
public struct HistoryEntry: Hashable, Sendable {
  /// When it was made.
  public var at: Date
  /// Who made it.
  public var person: String
  /// What changed, such as `status open → done`.
  public var summary: String

  /// An entry.
  public init(at: Date, person: String, summary: String) {
    self.at = at
    self.person = person
    self.summary = summary
  }
}
