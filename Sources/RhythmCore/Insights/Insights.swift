import Foundation

/// How insight rows are keyed.
public enum InsightGrouping: String, Sendable, CaseIterable {
  case owner, team, cadence
}

/// Delivery figures for one owner, team or cadence over a window.
public struct InsightRow: Sendable, Hashable {
  /// The owner's handle, the team's name or the cadence's id.
  public var key: String
  /// Steps due in the window (dropped ones left out).
  public var due: Int
  /// Of those, done at any time.
  public var done: Int
  /// Of those, done on or before the end of their due day.
  public var onTime: Int
  /// Open steps past their due day as of now, whatever their due date.
  public var overdue: Int
  /// `done / due`; `nil` when nothing was due.
  public var completionRate: Double?
  /// `onTime / due`; `nil` when nothing was due.
  public var onTimeRate: Double?
  /// Exchanges (help given unasked) logged in the window, given and received.
  public var given: Int
  public var received: Int

  /// A row with its counts; the rates follow from them.
  public init(
    key: String, due: Int, done: Int, onTime: Int, overdue: Int, given: Int = 0,
    received: Int = 0
  ) {
    self.key = key
    self.due = due
    self.done = done
    self.onTime = onTime
    self.overdue = overdue
    self.given = given
    self.received = received
    completionRate = due > 0 ? Double(done) / Double(due) : nil
    onTimeRate = due > 0 ? Double(onTime) / Double(due) : nil
  }
}

/// Completion and on-time figures, derived from step facts (never stored).
public enum Insights {
  /// One row per owner, team or cadence that had something due in `window` or has something
  /// overdue at `now`, sorted by key.
  ///
  /// A person in two teams counts in both; steps from no
  /// cadence are left out of cadence rows; owners in no team are left out of team rows.
  /// One pass over `facts`, with no calendar work per step.
  public static func rows(
    for facts: some Sequence<StepFacts>, by grouping: InsightGrouping, window: InsightWindow,
    now: Date, timeZone: TimeZone, teamsByOwner: [String: [String]]
  ) -> [InsightRow] {
    let dayEnds = DueDayEnds(window: window, timeZone: timeZone)
    let today = Day(containing: now, in: timeZone)
    var counts: [String: Counts] = [:]
    for fact in facts where fact.status != .dropped {
      let inWindow = window.contains(fact.due)
      let overdue = fact.status == .open && fact.due < today
      guard inWindow || overdue else { continue }
      var delta = Counts()
      if inWindow {
        delta.due = 1
        if fact.status == .done {
          delta.done = 1
          if let completedAt = fact.completedAt, dayEnds.isOnTime(completedAt, due: fact.due) {
            delta.onTime = 1
          }
        }
      }
      if overdue { delta.overdue = 1 }
      switch grouping {
      case .owner:
        counts[fact.owner, default: Counts()].add(delta)
      case .team:
        for team in teamsByOwner[fact.owner] ?? [] { counts[team, default: Counts()].add(delta) }
      case .cadence:
        if let cadence = fact.cadence { counts[cadence, default: Counts()].add(delta) }
      }
    }
    return counts.map { key, count in
      InsightRow(
        key: key, due: count.due, done: count.done, onTime: count.onTime, overdue: count.overdue)
    }
    .sorted { $0.key < $1.key }
  }

  /// The on-time rate per ISO week (Monday–Sunday), oldest first; `nil` where nothing was due.
  ///
  /// The last week is the one that holds `endingOn`. Steps due after
  /// `endingOn` are not counted yet, and dropped steps never are.
  public static func trend(
    for facts: some Sequence<StepFacts>, weeks: Int, endingOn: Day, timeZone: TimeZone
  ) -> [Double?] {
    guard weeks > 0 else { return [] }
    let firstMonday = endingOn.adding(days: 1 - endingOn.isoWeekday - 7 * (weeks - 1))
    let window = InsightWindow(start: firstMonday, end: endingOn)
    let dayEnds = DueDayEnds(window: window, timeZone: timeZone)
    var due = [Int](repeating: 0, count: weeks)
    var onTime = [Int](repeating: 0, count: weeks)
    for fact in facts where fact.status != .dropped && window.contains(fact.due) {
      let week = Int(fact.due.ordinal - firstMonday.ordinal) / 7
      due[week] += 1
      if fact.status == .done, let completedAt = fact.completedAt,
        dayEnds.isOnTime(completedAt, due: fact.due)
      {
        onTime[week] += 1
      }
    }
    return (0..<weeks).map { due[$0] > 0 ? Double(onTime[$0]) / Double(due[$0]) : nil }
  }

  private struct Counts {
    var due = 0
    var done = 0
    var onTime = 0
    var overdue = 0

    mutating func add(_ other: Counts) {
      due += other.due
      done += other.done
      onTime += other.onTime
      overdue += other.overdue
    }
  }
}
