/// The cockpit's screens, numbered as the `1`…`6` keys that jump to them.
public enum ScreenID: Int, CaseIterable, Hashable, Sendable {
  /// Home: next reviews, overdue steps, on-time rates, what is off track.
  case cockpit = 1
  /// The live review.
  case review
  /// Triage of next steps.
  case steps
  /// Cadences, rules, next occurrences and a calendar.
  case cadences
  /// Load, overdue and on-time rate per person and team.
  case people
  /// The scorecard.
  case metrics

  /// The name shown in the tab bar.
  public var title: String {
    switch self {
    case .cockpit: return "Cockpit"
    case .review: return "Review"
    case .steps: return "Steps"
    case .cadences: return "Cadences"
    case .people: return "People"
    case .metrics: return "Metrics"
    }
  }
}
