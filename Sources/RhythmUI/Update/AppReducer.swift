import Foundation
import RhythmCore

/// The cockpit's one state-changing function, `update(&state, action) -> [Effect]`.
///
/// It never reads the clock, the store or the terminal; what it needs from outside comes in
/// as actions, and what it wants done goes out as effects.
public enum AppReducer {
  /// How long a status-bar message stays.
  static let messageSeconds: TimeInterval = 4

  /// Applies `action` to `state`.
  /// - Returns: the effects the program should run, in order.
  public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key): return press(&state, key)
    case .tick(let date): return tick(&state, date)
    case .resized(let size):
      state.size = size
      return []
    case .dataChanged(let data, let message):
      state.replaceData(data)
      return dataArrived(&state, message: message)
    case .committed(let operations):
      state.apply(operations)
      return []
    case .workingStateLoaded(let data, let archive, let message):
      state.replaceData(data, archiveSource: archive)
      return dataArrived(&state, message: message)
    case .stepArchiveLoaded(let archive):
      state.takeArchive(archive)
      return []
    case .operationsArrived(let operations, let message):
      state.apply(operations)
      return dataArrived(&state, message: message)
    case .snapshotStampsArrived(let stamps):
      state.takeSnapshotStamps(stamps)
      return []
    case .storeFailed(let text):
      say(&state, text, isError: true)
      return []
    case .historyLoaded(let stepID, let entries):
      if state.steps.selectedStepID == stepID { state.steps.history = (stepID, entries) }
      return []
    case .showScreen(let screen): return show(&state, screen)
    case .back: return back(&state)
    case .quit:
      state.isQuitting = true
      return [.quit]
    case .toggleHelp:
      state.isHelpShown.toggle()
      return []
    case .moveUp: return move(&state, by: -1)
    case .moveDown: return move(&state, by: 1)
    case .pageUp: return move(&state, by: -pageSize(state))
    case .pageDown: return move(&state, by: pageSize(state))
    case .moveTop: return move(&state, by: -Int(Int32.max))
    case .moveBottom: return move(&state, by: Int(Int32.max))
    case .open: return open(&state)
    case .commandLine:
      state.prompt = Prompt(purpose: .command, label: ":")
      return []
    case .startReview: return startReview(&state)
    case .openReview(let cadenceID, let start): return openReview(&state, cadenceID, start: start)
    case .nextSection: return changeSection(&state, by: 1)
    case .previousSection: return changeSection(&state, by: -1)
    case .checkinDone: return checkin(&state, toggle: false)
    case .checkinToggle: return checkin(&state, toggle: true)
    case .captureStep: return openReviewPrompt(&state, .capture, label: "step")
    case .recordDecision: return openReviewPrompt(&state, .decision, label: "decision")
    case .recordNote: return openReviewPrompt(&state, .note, label: "note")
    case .raiseTopic: return openReviewPrompt(&state, .topic, label: "topic")
    case .rankTopic(let delta): return rankTopic(&state, by: delta)
    case .solveTopic: return solveTopic(&state)
    case .priorityStatus(let status): return setPriorityStatus(&state, status)
    case .recordHeadline:
      guard state.review?.phase == .running else {
        say(&state, "start the review first (s)", isError: true)
        return []
      }
      return openReviewPrompt(&state, .headline, label: "headline")
    case .toggleAttendance: return toggleAttendance(&state)
    case .rateAsAttendee: return askAttendeeRating(&state)
    case .cycleUnclear: return cycleUnclear(&state)
    case .rateDigit(let digit): return rateDigit(&state, digit)
    case .conclude: return conclude(&state)
    case .minutesSent: return minutesSent(&state)
    case .togglePause: return togglePause(&state)
    case .dropSelected: return dropSelected(&state)
    case .reopenTopic: return reopenTopic(&state)
    case .makeTopic: return makeTopic(&state)
    case .recordExchange: return askExchange(&state)
    case .addRight: return askRight(&state)
    case .filter:
      // `/` searches steps from anywhere.
      let effects = show(&state, .steps)
      state.prompt = Prompt(purpose: .filter, label: "/", text: state.steps.filterText)
      return effects
    case .cycleSort:
      state.steps.setSort(state.steps.sort.next)
      say(&state, "sorted by \(state.steps.sort.rawValue)")
      return []
    case .toggleMark: return toggleMark(&state)
    case .markDone: return setStatus(&state, .done)
    case .reopen: return setStatus(&state, .open)
    case .drop: return setStatus(&state, .dropped)
    case .snooze: return snooze(&state)
    case .changeOwner: return openStepsPrompt(&state, .owner, label: "owner @")
    case .changeDue: return openStepsPrompt(&state, .due, label: "due")
    case .edit: return edit(&state)
    case .addStep:
      state.prompt = Prompt(purpose: .addStep, label: "new step")
      return []
    case .undo: return undo(&state)
    case .redo: return redo(&state)
    case .toggleDetail: return toggleDetail(&state)
    case .skipOccurrence: return skipOccurrence(&state)
    case .addCadence:
      state.prompt = Prompt(purpose: .addCadence, label: "new cadence")
      return []
    case .editCadence: return editCadence(&state)
    case .previousPeriod:
      state.calendarOffset -= state.calendarShowsQuarter ? 3 : 1
      return []
    case .nextPeriod:
      state.calendarOffset += state.calendarShowsQuarter ? 3 : 1
      return []
    case .toggleCalendarSpan:
      state.calendarShowsQuarter.toggle()
      state.calendarOffset = 0
      return []
    case .enterValue: return enterValue(&state)
    case .submit: return submit(&state)
    case .cancel: return cancel(&state)
    case .complete: return complete(&state)
    case .addItem, .editItem, .addTeam, .togglePriorities, .describeTopic, .openEditor,
      .editorClosed:
      return setUp(&state, action)
    }
  }

  /// Applies each action in turn, collecting the effects.
  public static func update(_ state: inout AppState, _ actions: [Action]) -> [Effect] {
    actions.flatMap { update(&state, $0) }
  }

  // MARK: - Keys and time

  private static func press(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    if state.isHelpShown {
      // The help scrolls with the movement keys; any other key closes it.
      switch state.keyMap.binding(for: key.canonical, in: .global)?.action {
      case .moveDown?: state.helpScroll += 1
      case .moveUp?: state.helpScroll = max(0, state.helpScroll - 1)
      case .pageDown?: state.helpScroll += ScreenLayout(state).helpRows
      case .pageUp?: state.helpScroll = max(0, state.helpScroll - ScreenLayout(state).helpRows)
      case .quit?: return update(&state, .quit)
      default: state.isHelpShown = false
      }
      return []
    }
    if case .confirmPerson(let handle)? = state.prompt?.purpose {
      return answerPerson(&state, handle, key)
    }
    let context = state.keyContext
    if let binding = state.keyMap.binding(for: key.canonical, in: context) {
      return update(&state, binding.action)
    }
    guard context == .input, var prompt = state.prompt else { return [] }
    guard prompt.field.handle(key) else { return [] }
    prompt.completions = []
    prompt.error = nil
    state.prompt = prompt
    if prompt.purpose == .filter { state.steps.setFilter(prompt.field.value) }
    return []
  }

  private static func tick(_ state: inout AppState, _ date: Date) -> [Effect] {
    let oldMinute = Int(state.now.timeIntervalSince1970 / 60)
    let oldDay = state.today
    state.now = date
    if let message = state.message, message.expires <= date { state.message = nil }
    if state.today != oldDay { state.steps.setToday(state.today) }
    if Int(date.timeIntervalSince1970 / 60) != oldMinute {
      if state.screen == .steps {
        state.markSummaryStale()
      } else {
        state.recomputeSummary()
      }
    }
    return []
  }

  // MARK: - Helpers shared by the reducer's parts

  /// Shows `text` in the status bar for a few seconds.
  static func say(_ state: inout AppState, _ text: String, isError: Bool = false) {
    state.message = StatusMessage(
      text, isError: isError, expires: state.now.addingTimeInterval(messageSeconds))
  }

  /// Asks the program to make `changes` durable; the data shows them once the store has
  /// stamped them (`.committed`), through the same `apply` as everything else. `u` undoes them
  /// all at once, or, for a bulk action over steps (`oneByOne`), one step per `u`, so that after
  /// marking three steps done, `u` reopens the last of them (as `rhythm undo` would).
  static func commit(
    _ state: inout AppState, _ changes: [Change], message: String? = nil, oneByOne: Bool = false
  ) -> [Effect] {
    guard !changes.isEmpty else { return [] }
    if oneByOne {
      state.undoSizes += Array(repeating: 1, count: changes.count)
    } else {
      state.undoSizes.append(changes.count)
    }
    state.redoSizes = []
    if let message { say(&state, message) }
    return [.commit(changes)]
  }

  /// Runs an edit with the cockpit's context (now, zone, user, fresh ids) and commits what
  /// it makes. A refusal is thrown, so a prompt stays open with the reason.
  static func performing(
    _ state: inout AppState, message: String?,
    _ edit: (StoreState, inout EditContext) throws(RhythmError) -> Edit
  ) throws(RhythmError) -> [Effect] {
    commit(&state, try edited(&state, edit).changes, message: message)
  }

  /// Runs an edit with the cockpit's context, keeping the ids it used; commits nothing.
  static func edited(
    _ state: inout AppState, _ edit: (StoreState, inout EditContext) throws(RhythmError) -> Edit
  ) throws(RhythmError) -> Edit {
    var context = state.editContext
    let result = try edit(state.data, &context)
    state.ids = context.ids
    return result
  }

  /// `performing`, for a key with no prompt: a refusal is said in the status bar.
  static func perform(
    _ state: inout AppState, message: String?,
    _ edit: (StoreState, inout EditContext) throws(RhythmError) -> Edit
  ) -> [Effect] {
    do {
      return try performing(&state, message: message, edit)
    } catch {
      say(&state, error.description, isError: true)
      return []
    }
  }

  /// Undoes this session's last action (all its operations), or the store's last operation.
  static func undo(_ state: inout AppState) -> [Effect] {
    let size = state.undoSizes.popLast() ?? 1
    state.redoSizes.append(size)
    return [.undo(count: size)]
  }

  /// Redoes the last undone action.
  static func redo(_ state: inout AppState) -> [Effect] {
    let size = state.redoSizes.popLast() ?? 1
    state.undoSizes.append(size)
    return [.redo(count: size)]
  }

  /// "1 step" / "3 steps".
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
