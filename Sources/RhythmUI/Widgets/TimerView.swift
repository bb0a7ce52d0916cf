/// Elapsed time as `mm:ss`, or `mm:ss / mm:ss` against a timebox, styled by how close the
/// timebox is (the caller gives the three styles).
public struct TimerView: Widget, Hashable, Sendable {
  /// How the elapsed time stands against the timebox.
  public enum Phase: Hashable, Sendable {
    /// Within the timebox, not near its end (or no timebox).
    case normal
    /// Within `warningSeconds` of the end.
    case nearEnd
    /// Past the timebox.
    case over
  }

  /// Seconds elapsed.
  public var elapsed: Int
  /// The timebox in seconds, if any.
  public var timebox: Int?
  /// How many seconds before the end the `nearEnd` phase starts.
  public var warningSeconds: Int
  /// Style in the `normal` phase.
  public var normalStyle: Style
  /// Style in the `nearEnd` phase (amber, typically).
  public var nearEndStyle: Style
  /// Style in the `over` phase (red, typically).
  public var overStyle: Style

  /// Creates a timer view.
  public init(
    elapsed: Int, timebox: Int? = nil, warningSeconds: Int = 60, normalStyle: Style = .plain,
    nearEndStyle: Style = .plain, overStyle: Style = .plain
  ) {
    self.elapsed = elapsed
    self.timebox = timebox
    self.warningSeconds = warningSeconds
    self.normalStyle = normalStyle
    self.nearEndStyle = nearEndStyle
    self.overStyle = overStyle
  }

  /// The current phase.
  public var phase: Phase {
    guard let timebox else { return .normal }
    if elapsed > timebox { return .over }
    if timebox - elapsed <= warningSeconds { return .nearEnd }
    return .normal
  }

  /// `mm:ss` (minutes grow past 59: `125:03`).
  public static func format(seconds: Int) -> String {
    let clamped = max(0, seconds)
    let remainder = clamped % 60
    return "\(clamped / 60 < 10 ? "0" : "")\(clamped / 60):\(remainder < 10 ? "0" : "")\(remainder)"
  }

  /// The text drawn.
  public var text: String {
    guard let timebox else { return TimerView.format(seconds: elapsed) }
    return "\(TimerView.format(seconds: elapsed)) / \(TimerView.format(seconds: timebox))"
  }

  /// Draws the text at the start of `area`'s first row.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    let style: Style
    switch phase {
    case .normal: style = normalStyle
    case .nearEnd: style = nearEndStyle
    case .over: style = overStyle
    }
    surface.put(text, x: area.x, y: area.y, style: style, maxWidth: area.width)
  }
}
