import Foundation
import RhythmCore

/// Renders the whole cockpit for a state: tab bar, the current screen, the input line, the
/// status bar, and the help overlay; or a clear message when the terminal is too small.
public enum Screen {
  /// The smallest terminal the screens are laid out for.
  public static let minimumSize = Size(width: 80, height: 24)

  /// A new surface of the state's size with the state drawn on it.
  public static func render(_ state: AppState) -> Surface {
    var surface = Surface(size: state.size)
    render(state, into: &surface)
    return surface
  }

  /// Draws `state` onto `surface` (which is cleared first).
  public static func render(_ state: AppState, into surface: inout Surface) {
    let painter = Painter(theme: state.theme)
    surface.fill(surface.bounds, style: state.theme[.text])
    let size = surface.size
    guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
      renderTooSmall(size, painter: painter, on: &surface)
      return
    }
    let layout = ScreenLayout(state, size: size)
    let body = layout.body
    renderTabs(state, in: layout.tabs, painter: painter, on: &surface)
    switch state.screen {
    case .cockpit: CockpitScreen.render(state, in: body, painter: painter, on: &surface)
    case .review: ReviewScreen.render(state, in: body, painter: painter, on: &surface)
    case .steps: StepsScreen.render(state, in: body, painter: painter, on: &surface)
    case .cadences: CadencesScreen.render(state, in: body, painter: painter, on: &surface)
    case .people: PeopleScreen.render(state, in: body, painter: painter, on: &surface)
    case .metrics: MetricsScreen.render(state, in: body, painter: painter, on: &surface)
    }
    if let prompt = state.prompt {
      renderPrompt(prompt, in: layout.prompt, painter: painter, on: &surface)
    }
    renderStatus(state, in: layout.status, painter: painter, on: &surface)
    if state.isHelpShown {
      renderHelp(state, in: body, rows: layout.helpRows, on: &surface)
    }
  }

  /// The frame shown while the store is read: the tab bar (a screen key pressed meanwhile
  /// shows its tab at once) and a line saying what it waits for.
  public static func renderLoading(_ state: AppState) -> Surface {
    var surface = Surface(size: state.size)
    let painter = Painter(theme: state.theme)
    surface.fill(surface.bounds, style: state.theme[.text])
    let size = surface.size
    guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
      renderTooSmall(size, painter: painter, on: &surface)
      return surface
    }
    let layout = ScreenLayout(state, size: size)
    renderTabs(state, in: layout.tabs, painter: painter, on: &surface)
    let line = "reading the store…"
    let x = layout.body.x + max(0, (layout.body.width - DisplayWidth.of(line)) / 2)
    painter.text(
      line, .muted, x: x, y: layout.body.y + layout.body.height / 2, width: layout.body.maxX - x,
      on: &surface)
    surface.fill(layout.status, style: state.theme[.status])
    return surface
  }

  // MARK: - Parts

  private static func renderTooSmall(_ size: Size, painter: Painter, on surface: inout Surface) {
    let lines = [
      "Rhythm needs at least \(minimumSize.width)x\(minimumSize.height)",
      "this terminal is \(size.width)x\(size.height)",
      "enlarge the window, or press q to quit",
    ]
    let top = max(0, (size.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
      let fitted = DisplayWidth.truncate(line, to: size.width)
      let x = max(0, (size.width - DisplayWidth.of(fitted)) / 2)
      painter.text(
        fitted, index == 0 ? .warn : .muted, x: x, y: top + index, width: size.width, on: &surface)
    }
  }

  private static func renderTabs(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    var segments = [painter.segment(" Rhythm ", .title)]
    for screen in ScreenID.allCases {
      let label = " \(screen.rawValue) \(screen.title) "
      segments.append(painter.segment(label, screen == state.screen ? .selection : .muted))
    }
    let used = painter.line(segments, x: area.x, y: area.y, width: area.width, on: &surface)
    var right = ScreenText.dateTime(state.now, in: state.timeZone) + " "
    if let live = state.review, live.phase == .running, state.screen != .review {
      right = "● live review  " + right
    }
    let width = DisplayWidth.of(right)
    if used + width < area.width {
      painter.text(right, .muted, x: area.maxX - width, y: area.y, width: width, on: &surface)
    }
  }

  private static func renderPrompt(
    _ prompt: Prompt, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    guard !area.isEmpty else { return }
    let label = " " + prompt.label + (prompt.purpose == .filter ? "" : " › ")
    let used = painter.text(label, .accent, x: area.x, y: area.y, width: area.width, on: &surface)
    let field = Rect(x: area.x + used, y: area.y, width: max(0, area.width - used - 1), height: 1)
    prompt.field.render(
      in: field, on: &surface, style: painter.theme[.input],
      cursorStyle: painter.theme[.input].reversed(), placeholder: placeholder(prompt.purpose),
      placeholderStyle: painter.theme[.input].adding(.dim))
    guard area.height > 1 else { return }
    if let error = prompt.error {
      painter.text(" " + error, .danger, x: area.x, y: area.y + 1, width: area.width, on: &surface)
    } else if !prompt.completions.isEmpty {
      painter.text(
        " " + prompt.completions.joined(separator: "  "), .muted, x: area.x, y: area.y + 1,
        width: area.width, on: &surface)
    }
  }

  private static func placeholder(_ purpose: Prompt.Purpose) -> String {
    switch purpose {
    case .capture, .addStep: return "Draft booth design @maria due:fri success:\"approved\" #tag"
    case .decision: return "what was decided @decider"
    case .note: return "a note for the minutes"
    case .topic: return "what the room should discuss"
    case .headline: return "good news, or - bad news"
    case .rating, .attendeeRating: return ""
    case .filter: return "words @owner #tag due<fri overdue status:done"
    case .owner: return "handle (tab completes)"
    case .due: return "fri, +1w, eom, 2026-12-01"
    case .addCadence, .editCadence: return "Weekly ops review | weekly mon 10:00 | weekly"
    case .edit, .metricValue: return ""
    case .command: return "3, steps, filter @maria, sort owner, undo, q"
    case .confirmPerson: return "y add them and save · esc back"
    case .addPerson: return "maria | Maria Rossi | marketing, sales"
    case .editPerson: return "Maria Rossi | marketing, sales"
    case .addTeam, .renameTeam: return "marketing"
    case .addMetric, .editMetric: return "Win rate | @maria | >=25 | %"
    case .addPriority, .editPriority: return "Launch the partner programme | @maria | 2027-Q1"
    case .editTopic: return "what the room should discuss"
    case .auditAnswer: return "4 3 5"
    case .exchange: return "@maria @ana reviewed the brief (or team names)"
    case .right: return "Campaign spend @maria"
    }
  }

  private static func renderStatus(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    let theme = state.theme
    if let message = state.message {
      surface.fill(area, style: theme[.status])
      painter.text(
        " " + message.text, message.isError ? .danger : .status, x: area.x, y: area.y,
        width: area.width, on: &surface)
      return
    }
    let hints = state.keyMap.hints(for: state.keyContext).compactMap { binding -> KeyHint? in
      guard let hint = binding.hint, AppReducer.isAvailable(binding.action, in: state) else {
        return nil
      }
      return KeyHint(keys: Binding.label(for: binding.keys[0]), description: hint)
    }
    StatusBar(
      left: " ", right: state.keyContext == .input ? "" : "1-6 screens ", hints: hints,
      style: theme[.status], keyStyle: theme[.key]
    ).render(in: area, on: &surface)
  }

  private static func renderHelp(
    _ state: AppState, in area: Rect, rows room: Int, on surface: inout Surface
  ) {
    let context = state.keyContext
    var contexts: [KeyContext] = [context]
    if context != .input { contexts.append(.global) }
    var sections = contexts.map { context in
      HelpOverlay.Section(context.title, hints(for: state.keyMap.bindings(in: context)))
    }
    // Lines that do not fit scroll: drop the first `helpScroll` hints (keeping the heading of
    // a section scrolled into).
    let lineCount = sections.reduce(0) { $0 + $1.hints.count + 2 } - 1
    var skip = min(state.helpScroll, max(0, lineCount - room))
    for index in sections.indices where skip > 0 {
      let dropped = min(skip, sections[index].hints.count)
      sections[index].hints.removeFirst(dropped)
      skip -= dropped
    }
    sections.removeAll { $0.hints.isEmpty }
    let title =
      lineCount > room ? " Keys — j/k scroll, any other key closes " : " Keys — any key closes "
    HelpOverlay(
      sections: sections, title: title, style: state.theme[.text],
      sectionStyle: state.theme[.title], keyStyle: state.theme[.accent]
    ).render(in: area, on: &surface)
  }

  /// Help lines for `bindings`, with the screen jumps (`1`…`6`) folded into one.
  private static func hints(for bindings: [Binding]) -> [KeyHint] {
    var result: [KeyHint] = []
    var screens: [Binding] = []
    for binding in bindings {
      if case .showScreen = binding.action {
        if screens.isEmpty { result.append(KeyHint(keys: "", description: "")) }
        screens.append(binding)
      } else {
        result.append(KeyHint(keys: binding.keyLabel, description: binding.description))
      }
    }
    guard let index = result.firstIndex(where: { $0.keys.isEmpty }) else { return result }
    let keys =
      screens.count > 1
      ? (screens.first?.keyLabel ?? "") + "…" + (screens.last?.keyLabel ?? "")
      : (screens.first?.keyLabel ?? "")
    result[index] = KeyHint(
      keys: keys, description: screens.map(\.description).joined(separator: " · "))
    return result
  }
}
