import Foundation
import RhythmCore

/// The live review on screen: which occurrence, where in the agenda, what is selected.
///
/// Everything said in the review (steps, decisions, notes, check-ins) is in the store at once;
/// this holds only what is about the screen. Its timers are kept with the review.
public struct ReviewSession: Hashable, Sendable {
  /// Where the review stands on screen.
  public enum Phase: Hashable, Sendable {
    /// Opened, not started: nothing stored yet.
    case preview
    /// Started: the review record is live.
    case running
    /// Concluded: held, rated; the recap is shown.
    case concluded
  }

  /// The cadence's id.
  public var cadenceID: String
  /// The occurrence (the rule's instant).
  public var occurrence: Date
  /// The review record's id (made when the review starts, or the stored one).
  public var reviewID: String
  /// The phase.
  public var phase: Phase
  /// The agenda section on screen: the stored review's current section once it has started
  /// (its timers are the review's: `Review+Timers`), chosen freely in a preview.
  public var section = 0
  /// The selected check-in row.
  public var checkinSelection = 0
  /// The selected row of the topics section's queue.
  public var topicSelection = 0
  /// The selected row of the scorecard section.
  public var metricSelection = 0
  /// The selected row of the priorities section.
  public var prioritySelection = 0
  /// The selected participant of the conclude section.
  public var attendeeSelection = 0
  /// The selected participant of the audit section.
  public var auditSelection = 0
  /// The audit answers typed so far, one digit key each, and whose they are (saved at the
  /// third; a draft of someone no longer selected is dropped at the next digit).
  public var auditDraft: AuditDraft?

  /// Audit answers being typed for one attendee.
  public struct AuditDraft: Hashable, Sendable {
    public var handle: String
    public var scores: [Int]
  }
  /// The selected area of the decision-rights section.
  public var rightSelection = 0
  /// The selected headline of the headlines section.
  public var headlineSelection = 0

  /// A session on `reviewID` of `cadenceID` at `occurrence`.
  public init(cadenceID: String, occurrence: Date, reviewID: String, phase: Phase) {
    self.cadenceID = cadenceID
    self.occurrence = occurrence
    self.reviewID = reviewID
    self.phase = phase
  }
}

/// How a timebox stands: fine, near its end (last 20 % or last minute), or over.
public enum TimeboxState: Hashable, Sendable {
  case fine, nearEnd, over

  /// The state after `elapsed` seconds of a `minutes`-long timebox.
  public init(elapsed: TimeInterval, minutes: Int) {
    let limit = Double(minutes) * 60
    if elapsed > limit {
      self = .over
    } else if elapsed >= limit * 0.8 || limit - elapsed <= 60 {
      self = .nearEnd
    } else {
      self = .fine
    }
  }
}
