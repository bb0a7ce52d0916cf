import Foundation

// A review's timers, derived from what it stores and the time now, so they continue where
// they stood after a pause, a restart of the cockpit or a kill: the meeting's (started, less
// the time paused), each section's and each worked topic's (seconds banked, plus the running
// stretch).
extension Review {
  /// Whether the meeting is paused.
  public var isPaused: Bool { pausedAt != nil }

  /// The agenda section the room is in (0 before one was entered).
  public var currentSection: Int { section ?? 0 }

  /// Seconds the meeting has run as of `now`, its pauses left out.
  public func meetingElapsed(now: Date) -> TimeInterval {
    guard let startedAt else { return 0 }
    let end = pausedAt ?? endedAt ?? now
    return max(0, end.timeIntervalSince(startedAt) - (pausedSeconds ?? 0))
  }

  /// Seconds spent in agenda section `index` as of `now`.
  public func sectionElapsed(_ index: Int, now: Date) -> TimeInterval {
    var total = spent[String(index)] ?? 0
    if index == currentSection, let running = sectionRunningSince {
      total += max(0, now.timeIntervalSince(running))
    }
    return total
  }

  /// Seconds spent on topic `id` in this review as of `now`.
  public func topicElapsed(_ id: String, now: Date) -> TimeInterval {
    var total = topicSpent[id] ?? 0
    if id == topic, status == .live, let topicStartedAt {
      total += max(0, now.timeIntervalSince(topicStartedAt))
    }
    return total
  }

  /// When the current section's running stretch began: `sectionStartedAt`, or for a review
  /// made live before sections were timed in the store, its start.
  var sectionRunningSince: Date? {
    guard status == .live, pausedAt == nil else { return nil }
    if section == nil && spent.isEmpty { return sectionStartedAt ?? startedAt }
    return sectionStartedAt
  }
}
