/// Where a binding applies: everywhere, on one screen, or while typing in the input line.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
  /// Every screen (unless a screen binds the same key).
  case global
  /// The home screen.
  case cockpit
  /// The live review.
  case review
  /// Steps triage.
  case steps
  /// Cadences.
  case cadences
  /// People.
  case people
  /// Metrics.
  case metrics
  /// The input line (capture, filter, prompts); other keys are typed as text.
  case input

  /// The context of a screen.
  public init(_ screen: ScreenID) {
    switch screen {
    case .cockpit: self = .cockpit
    case .review: self = .review
    case .steps: self = .steps
    case .cadences: self = .cadences
    case .people: self = .people
    case .metrics: self = .metrics
    }
  }

  /// The heading in the help overlay.
  public var title: String {
    switch self {
    case .global: return "Everywhere"
    case .input: return "Input line"
    case .cockpit: return ScreenID.cockpit.title
    case .review: return ScreenID.review.title
    case .steps: return ScreenID.steps.title
    case .cadences: return ScreenID.cadences.title
    case .people: return ScreenID.people.title
    case .metrics: return ScreenID.metrics.title
    }
  }
}
