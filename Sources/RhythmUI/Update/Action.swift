import Foundation
import RhythmCore

/// Everything that can happen to the cockpit: input, time, store results, and the commands
/// the keymap binds keys to.
///
/// ``AppReducer/update(_:_:)`` is the only code that acts on them.
public enum Action: Sendable {
  // MARK: - Input and time

  /// A key press, resolved through the keymap (or typed into the input line).
  case key(KeyEvent)
  /// Time passed; `now` is the new current instant.
  case tick(Date)
  /// The terminal changed size.
  case resized(Size)

  // MARK: - Results of effects

  /// The store's state changed (a reload, an undo, or another process's changes).
  case dataChanged(StoreState, message: String?)
  /// The store made these operations durable (stamped): the data takes them in.
  case committed([RhythmCore.Operation])
  /// A commit, undo or redo failed; the text says why.
  case storeFailed(String)
  /// The history of a step, newest last, for the detail pane.
  case historyLoaded(stepID: String, entries: [LogEntry])
  /// The store was read afresh as a working state, with where its archived steps come from.
  case workingStateLoaded(StoreState, archive: StepArchiveSource?, message: String?)
  /// The archive of the steps the working state does not hold was built.
  case stepArchiveLoaded(StepArchive)
  /// Another process's operations (or an undo's), read from the store: the data takes them in.
  case operationsArrived([RhythmCore.Operation], message: String?)
  /// The snapshot's stamps of the records operations about to arrive touch (some older than
  /// the snapshot: a pull): the data takes them in first, so those operations merge as a
  /// replay would.
  case snapshotStampsArrived(SnapshotStamps)

  // MARK: - Everywhere

  /// Jump to a screen.
  case showScreen(ScreenID)
  /// Close what is open (help, input line, detail), else go back a screen, else quit.
  case back
  /// Quit now.
  case quit
  /// Show or hide the key help.
  case toggleHelp
  /// Move the selection.
  case moveUp
  /// Move the selection.
  case moveDown
  /// Move the selection a page.
  case pageUp
  /// Move the selection a page.
  case pageDown
  /// Move the selection to the first row.
  case moveTop
  /// Move the selection to the last row.
  case moveBottom
  /// Open the selected thing.
  case open
  /// Open the `:` command line.
  case commandLine

  // MARK: - Reviews

  /// Start (or resume) the selected cadence's current or next review.
  case startReview
  /// Open a cadence's current or next review, starting it when `start` is true
  /// (`rhythm cockpit --review`, `rhythm review start`).
  case openReview(cadenceID: String, start: Bool)
  /// The next agenda section.
  case nextSection
  /// The previous agenda section.
  case previousSection
  /// Check-in: the selected step is done.
  case checkinDone
  /// Check-in: toggle the selected step between done and not done.
  case checkinToggle
  /// Open the capture line for a new step.
  case captureStep
  /// Open the input line for a decision.
  case recordDecision
  /// Open the input line for a note.
  case recordNote
  /// Open the input line for a new topic of the review's cadence.
  case raiseTopic
  /// Move the selected topic one place down (`1`) or up (`-1`) the queue.
  case rankTopic(by: Int)
  /// Mark the selected topic solved in this review.
  case solveTopic
  /// Set the selected priority's status (the live review's priorities section).
  case priorityStatus(Priority.Status)
  /// Open the input line for a headline told in the live review.
  case recordHeadline
  /// Mark the selected participant present, or absent again (the conclude section).
  case toggleAttendance
  /// Ask for the selected participant's rating of the review (the conclude section).
  case rateAsAttendee
  /// Answer whether anything is unclear about who does what: yes, again no (the conclude
  /// section).
  case cycleUnclear
  /// A digit on the review screen: in the conclude section the selected participant's rating
  /// (`0`: 10), the selection moving down; elsewhere what the digit does everywhere.
  case rateDigit(Int)
  /// Conclude the review: ask for the rating, then show the recap.
  case conclude
  /// Mark the concluded review's minutes as sent.
  case minutesSent
  /// Pause the live review (every timer stops where it stands), or resume it.
  case togglePause
  /// Drop the selected topic, or remove the selected decision right.
  case dropSelected
  /// Reopen the selected topic settled in this review.
  case reopenTopic
  /// Turn the selected metric, priority, headline or check-in step into a topic about it.
  case makeTopic
  /// Open the input line for an exchange: from, to, what.
  case recordExchange
  /// Open the input line for a new decision right: area and decider.
  case addRight

  // MARK: - Steps

  /// Open the filter line.
  case filter
  /// Sort by the next key (due, owner, status, created).
  case cycleSort
  /// Select or unselect the current step for a bulk action.
  case toggleMark
  /// Mark the selected steps (or the current one) done.
  case markDone
  /// Reopen the selected steps.
  case reopen
  /// Give the selected steps another owner.
  case changeOwner
  /// Give the selected steps another due day.
  case changeDue
  /// Move the selected steps' due day a week later.
  case snooze
  /// Drop the selected steps.
  case drop
  /// Edit the current step in quick-add form.
  case edit
  /// Add a step in quick-add form.
  case addStep
  /// Undo the last change.
  case undo
  /// Redo the last undone change.
  case redo
  /// Show or hide the detail pane.
  case toggleDetail

  // MARK: - Cadences and metrics

  /// Add a cadence (`title | rule | agenda`).
  case addCadence
  /// Edit the selected cadence's title, rule and agenda.
  case editCadence
  /// Skip the selected cadence's next occurrence.
  case skipOccurrence
  /// The calendar's previous month (or quarter).
  case previousPeriod
  /// The calendar's next month (or quarter).
  case nextPeriod
  /// Switch the calendar between a month and a quarter.
  case toggleCalendarSpan
  /// Enter this period's value for the selected metric.
  case enterValue

  // MARK: - The input line

  /// Accept what was typed.
  case submit
  /// Abandon the input line.
  case cancel
  /// Complete the `@handle`, `#tag` or date word under the cursor.
  case complete

  // MARK: - Setting up from the cockpit

  /// Add to the screen's list: a person (People), a metric or a priority (Metrics).
  case addItem
  /// Edit the selected person, metric, priority, or the review's selected topic or priority.
  case editItem
  /// Add a team (People).
  case addTeam
  /// Show the scorecard or the priorities on the Metrics screen.
  case togglePriorities
  /// Write the review's selected topic's description in `$EDITOR`.
  case describeTopic
  /// Write what the input line holds in `$EDITOR` (a long note).
  case openEditor
  /// `$EDITOR` closed: what it left in the file, or why nothing is saved.
  case editorClosed(EditorRequest, EditorOutcome)
}
