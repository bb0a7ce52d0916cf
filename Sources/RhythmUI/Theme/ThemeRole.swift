/// What a piece of text means on screen; a theme gives each role a style, and screens use
/// roles only, never colours.
public enum ThemeRole: String, CaseIterable, Sendable {
  /// Ordinary text.
  case text
  /// Screen and panel titles.
  case title
  /// Secondary text: dates, ids, hints.
  case muted
  /// Highlights: counts, handles, the active section.
  case accent
  /// The selected row.
  case selection
  /// Rows picked for a bulk action.
  case marked
  /// On track, done, on time.
  case ok
  /// Near a limit: due soon, a timebox almost used.
  case warn
  /// Off track, overdue, past a timebox.
  case danger
  /// Panel borders.
  case border
  /// Table headers.
  case header
  /// The status bar's background text.
  case status
  /// A key name in the status bar and help.
  case key
  /// The text being typed in an input line.
  case input
}
