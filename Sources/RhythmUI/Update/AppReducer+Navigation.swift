import Foundation
import RhythmCore

// MARK: - Screens, back, selection

extension AppReducer {
  static func show(_ state: inout AppState, _ screen: ScreenID) -> [Effect] {
    guard screen != state.screen else { return [] }
    if state.isSummaryStale { state.recomputeSummary() }
    if screen == .review && state.review == nil {
      guard let next = state.summary.upcoming.first else {
        say(&state, "no cadence yet: 4 then a adds one", isError: true)
        return []
      }
      openReview(&state, next)
    }
    state.backStack.removeAll { $0 == state.screen }
    state.backStack.append(state.screen)
    state.screen = screen
    return []
  }

  static func back(_ state: inout AppState) -> [Effect] {
    if state.isHelpShown {
      state.isHelpShown = false
      return []
    }
    if state.prompt != nil { return cancel(&state) }
    // q while the room works a topic leaves the topic (back to the queue), not the review.
    if state.screen == .review, let session = state.review, state.workedTopic(of: session) != nil {
      return leaveTopic(&state)
    }
    if state.screen == .steps && state.steps.showsDetail {
      state.steps.showsDetail = false
      return []
    }
    if state.screen == .steps && !state.steps.marked.isEmpty {
      state.steps.marked = []
      return []
    }
    // q on the cockpit quits, however the cockpit was reached (the keymap says so).
    if state.screen == .cockpit {
      state.backStack = []
      state.isQuitting = true
      return [.quit]
    }
    if let previous = state.backStack.popLast() {
      state.screen = previous
      if state.isSummaryStale { state.recomputeSummary() }
      return []
    }
    if state.screen != .cockpit {
      state.screen = .cockpit
      if state.isSummaryStale { state.recomputeSummary() }
      return []
    }
    state.isQuitting = true
    return [.quit]
  }

  /// Rows of the current screen's list in sight, from the layout the screen draws with: what a
  /// page moves, and the window moving keeps the selection in.
  static func visibleRows(_ state: AppState) -> Int {
    let body = ScreenLayout(state).body
    switch state.screen {
    case .cockpit:
      return CockpitLayout(state, in: body).visibleSteps
    case .review:
      guard let session = state.review else { return 0 }
      return ReviewLayout(
        checkinCount: state.checkinSteps(for: session).count, in: ScreenLayout.panelInner(body)
      ).visibleCheckins
    case .steps:
      return StepsLayout(state, in: body).visibleRows
    case .cadences:
      return CadencesLayout(state, cadenceCount: state.sortedCadences.count, in: body).visibleRows
    case .people, .metrics:
      return ScreenLayout.rowsBelowHeader(ScreenLayout.panelInner(body))
    }
  }

  /// Rows a page moves.
  static func pageSize(_ state: AppState) -> Int {
    max(1, visibleRows(state))
  }

  /// Moves the current screen's selection by `delta` rows and scrolls its table so the
  /// selection stays in sight (the offset is kept in the state, as the table draws it).
  static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
    switch state.screen {
    case .cockpit:
      state.cockpit.move(by: delta, count: state.cockpitItems.count)
      var steps = state.cockpitTables.steps
      steps.scrollToSelection(height: visibleRows(state), count: state.cockpitSteps.count)
      state.cockpit.offset = steps.offset
    case .review:
      guard var session = state.review else { return [] }
      let (selection, count) = state.sectionList(state.sectionKind(of: session), of: session)
      session[keyPath: selection] = max(0, min(count - 1, session[keyPath: selection] + delta))
      state.review = session
    case .steps:
      let before = state.steps.selectedStepID
      let count = state.steps.visible.count
      state.steps.table.move(by: delta, count: count)
      state.steps.table.scrollToSelection(height: visibleRows(state), count: count)
      if state.steps.showsDetail, let id = state.steps.selectedStepID, id != before {
        state.steps.history = nil
        return [.loadHistory(stepID: id)]
      }
    case .cadences:
      let count = state.sortedCadences.count
      state.cadences.move(by: delta, count: count)
      state.cadences.scrollToSelection(height: visibleRows(state), count: count)
    case .people:
      let count = state.peopleRows.count
      state.people.move(by: delta, count: count)
      state.people.scrollToSelection(height: visibleRows(state), count: count)
    case .metrics where state.metricsShowsPriorities:
      let count = state.sortedPriorities.count
      state.priorities.move(by: delta, count: count)
      state.priorities.scrollToSelection(height: visibleRows(state), count: count)
    case .metrics:
      let count = state.sortedMetrics.count
      state.metrics.move(by: delta, count: count)
      state.metrics.scrollToSelection(height: visibleRows(state), count: count)
    }
    return []
  }

  static func open(_ state: inout AppState) -> [Effect] {
    switch state.screen {
    case .cockpit:
      let items = state.cockpitItems
      guard let index = state.cockpit.selection, index < items.count else { return [] }
      switch items[index] {
      case .review(let upcoming):
        openReview(&state, upcoming)
        return show(&state, .review)
      case .step(let id):
        if state.steps.step(id)?.status != .open || !state.steps.filter.isEmpty {
          state.steps.setFilter("")
        }
        let view = state.steps
        if let index = view.visible.firstIndex(where: { view.rows[$0].id(in: view.archive) == id })
        {
          state.steps.table.selection = index
        }
        state.steps.showsDetail = true
        state.steps.history = nil
        return show(&state, .steps) + [.loadHistory(stepID: id)]
      }
    case .people:
      // A person's (or team's) row opens their open steps.
      let owners = state.summary.owners.map(\.key)
      guard let index = state.people.selection, index < owners.count else { return [] }
      _ = show(&state, .steps)
      state.steps.setFilter("@" + owners[index])
      return []
    case .cadences:
      let cadences = state.sortedCadences
      guard let index = state.cadences.selection, index < cadences.count,
        let upcoming = state.summary.upcoming.first(where: { $0.cadenceID == cadences[index].id })
      else { return [] }
      openReview(&state, upcoming)
      return show(&state, .review)
    case .review:
      return openInReview(&state)
    default:
      return []
    }
  }

  // MARK: - Availability

  /// Whether `action` does something in the state as it is (the status bar hides the rest).
  static func isAvailable(_ action: Action, in state: AppState) -> Bool {
    let phase = state.review?.phase
    switch action {
    case .startReview where state.screen == .review: return phase == .preview
    case .checkinToggle, .checkinDone:
      guard let session = state.review, phase != .concluded else { return false }
      return state.showsCheckin(session)
    case .toggleAttendance, .rateAsAttendee:
      guard let session = state.review, phase == .running else { return false }
      return state.sectionKind(of: session) == .conclude
        && !state.concludeRoll(for: session).isEmpty
    case .cycleUnclear:
      guard let session = state.review, phase == .running else { return false }
      return state.sectionKind(of: session) == .conclude
    case .priorityStatus:
      guard let session = state.review, phase != .concluded else { return false }
      return state.sectionKind(of: session) == .priorities
        && !state.reviewPriorities(for: session).isEmpty
    case .enterValue where state.screen == .metrics: return !state.metricsShowsPriorities
    case .editItem: return canEditItem(state)
    case .openEditor: return state.prompt?.purpose == .note
    case .describeTopic: return canDescribeTopic(state)
    case .open where state.screen == .review,
      .togglePause, .dropSelected, .reopenTopic, .makeTopic, .recordExchange, .addRight:
      return isAvailableInReview(action, in: state)
    case .recordHeadline: return phase == .running
    case .captureStep, .recordDecision, .recordNote, .raiseTopic:
      return phase != .concluded
    case .solveTopic:
      guard let session = state.review, phase == .running else { return false }
      return state.sectionKind(of: session) == .topics && state.selectedOpenTopic(session) != nil
    case .rankTopic:
      guard let session = state.review, phase != .concluded else { return false }
      return state.sectionKind(of: session) == .topics && state.selectedOpenTopic(session) != nil
    case .conclude, .nextSection: return phase == .running
    case .minutesSent: return phase == .concluded
    case .markDone, .changeOwner, .changeDue, .snooze, .edit, .toggleMark:
      return state.steps.selectedStep != nil
    default: return true
    }
  }
}
