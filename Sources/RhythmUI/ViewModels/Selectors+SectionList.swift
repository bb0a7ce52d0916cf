import Foundation
import RhythmCore

extension AppState {
  /// The list the live review's section of `kind` moves through: the session's selection in it
  /// and how many rows it has (check-in, last steps and free sections: the check-in steps).
  func sectionList(_ kind: SectionKind?, of session: ReviewSession)
    -> (selection: WritableKeyPath<ReviewSession, Int>, count: Int)
  {
    switch kind {
    case .topics?: return (\.topicSelection, topicRows(for: session).count)
    case .audit?: return (\.auditSelection, auditRoll(for: session).count)
    case .decisionRights?: return (\.rightSelection, reviewRights(for: session).count)
    case .headlines?: return (\.headlineSelection, reviewHeadlines(for: session).count)
    case .scorecard?: return (\.metricSelection, scorecardMetrics(for: session).count)
    case .conclude?: return (\.attendeeSelection, concludeRoll(for: session).count)
    case .priorities?: return (\.prioritySelection, reviewPriorities(for: session).count)
    default: return (\.checkinSelection, checkinSteps(for: session).count)
    }
  }

  /// Every section's selection in `session` kept within its list (after the data changed).
  func clampingSelections(_ session: ReviewSession) -> ReviewSession {
    var session = session
    let kinds: [SectionKind?] = [
      nil, .topics, .audit, .decisionRights, .headlines, .scorecard, .conclude, .priorities,
    ]
    for kind in kinds {
      let (selection, count) = sectionList(kind, of: session)
      session[keyPath: selection] = max(0, min(session[keyPath: selection], count - 1))
    }
    return session
  }
}
