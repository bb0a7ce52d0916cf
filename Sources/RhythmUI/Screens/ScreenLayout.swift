import Foundation
import RhythmCore

/// Where the cockpit's parts sit for a state: the screens draw into these rects, and the
/// reducer pages and scrolls by them, so no size is worked out twice.
struct ScreenLayout {
  /// The tab bar.
  var tabs: Rect
  /// The current screen's area.
  var body: Rect
  /// The input line (and its error or completions line); empty when closed.
  var prompt: Rect
  /// The status bar.
  var status: Rect

  /// The parts of a terminal of `size` (the state's size unless drawing on another surface).
  init(_ state: AppState, size: Size? = nil) {
    var promptHeight = 0
    if let prompt = state.prompt {
      promptHeight = prompt.error != nil || !prompt.completions.isEmpty ? 2 : 1
    }
    let rows = Layout.vertical([.length(1), .fill(1), .length(promptHeight), .length(1)])
      .split(Rect(size: size ?? state.size))
    tabs = rows[0]
    body = rows[1]
    prompt = rows[2]
    status = rows[3]
  }

  /// Lines of the help overlay in sight (the overlay's border and title take the rest).
  var helpRows: Int { max(1, body.height - 4) }

  /// The inside of a bordered panel drawn in `area` (nothing when the area cannot hold one).
  static func panelInner(_ area: Rect) -> Rect {
    area.width >= 2 && area.height >= 2 ? area.inset(by: 1) : .zero
  }

  /// The rows in sight of a table with a header row drawn in `area`.
  static func rowsBelowHeader(_ area: Rect) -> Int {
    max(0, area.height - 1)
  }
}

/// The Steps screen: the list panel, the detail pane when shown, and the table in the panel.
struct StepsLayout {
  /// The list's panel.
  var list: Rect
  /// The detail pane, when shown.
  var detail: Rect?
  /// The table (header and rows) inside the list's panel.
  var table: Rect

  /// The Steps screen's parts in `body`.
  init(_ state: AppState, in body: Rect) {
    list = body
    if state.steps.showsDetail {
      let detailWidth = min(56, max(34, body.width * 2 / 5))
      let parts = Layout.horizontal([.fill(1), .length(detailWidth)]).split(body)
      list = parts[0]
      detail = parts[1]
    }
    table = ScreenLayout.panelInner(list)
  }

  /// Steps in sight.
  var visibleRows: Int { ScreenLayout.rowsBelowHeader(table) }
}

/// The Cadences screen: the list on top (as tall as its rows, up to eight), the selected
/// cadence's details and its calendar below.
struct CadencesLayout {
  /// The list's panel.
  var list: Rect
  /// The table (header and rows) inside the list's panel.
  var table: Rect
  /// The details panel.
  var details: Rect
  /// The calendar panel.
  var calendar: Rect

  /// Columns one month of the calendar takes.
  static let monthWidth = 23

  /// The Cadences screen's parts in `body`.
  init(_ state: AppState, cadenceCount: Int, in body: Rect) {
    let rows = Layout.vertical([.length(min(max(cadenceCount, 1), 8) + 3), .fill(1)]).split(body)
    list = rows[0]
    table = ScreenLayout.panelInner(list)
    let months = state.calendarShowsQuarter ? 3 : 1
    let calendarWidth = months * CadencesLayout.monthWidth + 1
    let parts = Layout.horizontal([.fill(1), .length(min(calendarWidth + 2, rows[1].width))])
      .split(rows[1])
    details = parts[0]
    calendar = parts[1]
  }

  /// Cadences in sight.
  var visibleRows: Int { ScreenLayout.rowsBelowHeader(table) }
}

/// The home screen: next reviews and the steps that need attention on the left; on-time
/// rates, what is off track, and minutes not yet out on the right.
struct CockpitLayout {
  /// The next reviews panel (as tall as its rows, up to six).
  var reviews: Rect
  /// The overdue and due-this-week panel.
  var steps: Rect
  /// The on-time rates panel.
  var owners: Rect
  /// The off-track panel.
  var offTrack: Rect
  /// The minutes panel.
  var minutes: Rect

  /// The home screen's parts in `body`.
  init(_ state: AppState, in body: Rect) {
    let summary = state.summary
    let columns = Layout.horizontal([.percentage(50), .fill(1)]).split(body)
    let reviewRows = min(max(summary.upcoming.count, 1), 6) + 2
    let left = Layout.vertical([.length(reviewRows), .fill(1)]).split(columns[0])
    let ownerRows = min(max(summary.owners.count, 1), 14) + 3
    let offTrackRows = summary.offTrackMetrics.count + summary.offTrackPriorities.count
    let right = Layout.vertical([
      .length(ownerRows), .length(min(max(offTrackRows, 1), 8) + 2), .fill(1),
    ]).split(columns[1])
    reviews = left[0]
    steps = left[1]
    owners = right[0]
    offTrack = right[1]
    minutes = right[2]
  }

  /// Steps in sight in the steps panel (a table without a header).
  var visibleSteps: Int { ScreenLayout.panelInner(steps).height }
}

/// The live review: a banner, the agenda on the left; the check-in, then what was captured
/// (or, once concluded, the recap) on the right.
struct ReviewLayout {
  /// The banner line.
  var banner: Rect
  /// The agenda column.
  var agenda: Rect
  /// The right-hand column: the recap once concluded.
  var right: Rect
  /// The check-in (a title line, then the table).
  var checkins: Rect
  /// What was captured in the review.
  var captured: Rect

  /// The parts of the review screen in `inner` (the inside of its panel), with
  /// `checkinCount` steps to check in.
  init(checkinCount: Int, in inner: Rect) {
    banner = inner.top(1)
    let body = Rect(
      x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
    let columns = Layout.horizontal([.length(min(40, body.width * 2 / 5)), .fill(1)], spacing: 2)
      .split(body)
    agenda = columns[0]
    right = columns[1]
    let parts = Layout.vertical([
      .length(min(max(checkinCount, 1), 12) + 1), .length(1), .fill(1),
    ]).split(right)
    checkins = parts[0]
    captured = parts[2]
  }

  /// Check-in steps in sight (below the title line).
  var visibleCheckins: Int { max(0, checkins.height - 1) }
}
