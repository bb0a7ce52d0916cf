import Foundation
import RhythmCore

/// Everything the cockpit shows, as a value: the data, the time, and each screen's state.
///
/// Only ``AppReducer/update(_:_:)`` changes it; screens only read it.
public struct AppState: Sendable {
  // MARK: - Data and time

  /// The store's records. At scale its steps are those the cockpit holds in full (open and
  /// recent ones); the rest are in ``stepArchive``, taken in whole when an edit needs one.
  public private(set) var data: StoreState
  /// The steps not held in `data`, as compact columns (empty until built, off the main thread).
  public private(set) var stepArchive = StepArchive()
  /// Gives an archived step in full (before the archive is built too); `nil` when `data`
  /// holds every step.
  public private(set) var archiveSource: StepArchiveSource?
  /// Archived steps taken into `data` since the archive's source was set.
  private var adoptedIDs = Set<String>()
  /// The current instant (from ticks; never read from the system inside the reducer).
  public var now: Date
  /// The zone days and times are shown in.
  public var timeZone: TimeZone
  /// Who is at the keyboard (their handle), for notes and history.
  public var person: String?
  /// The on-time target (0.9 = 90 %).
  public var onTimeTarget = 0.9
  /// Makes ids for new records.
  public var ids: RecordIDGenerator

  // MARK: - Look and input

  /// The terminal size.
  public var size: Size
  /// The colours.
  public var theme: Theme
  /// The key bindings.
  public var keyMap: KeyMap

  // MARK: - Navigation

  /// The screen shown.
  public var screen: ScreenID = .cockpit
  /// Screens to go back to with `q`, most recent last.
  public var backStack: [ScreenID] = []
  /// Whether the help overlay is open.
  public var isHelpShown = false {
    didSet { helpScroll = 0 }
  }
  /// Lines of the help overlay scrolled past (`j`/`k` while it is open).
  public var helpScroll = 0
  /// The input line, when open.
  public var prompt: Prompt?
  /// The status-bar message, when there is one.
  public var message: StatusMessage?
  /// Set when the program should stop.
  public var isQuitting = false
  /// The sizes of this session's commits (operations each), for undoing one action at a time.
  public var undoSizes: [Int] = []
  /// The sizes of the actions undone, for redo.
  public var redoSizes: [Int] = []

  // MARK: - Screens

  /// Derived figures for the home and people screens (worked out when first read).
  public var summary: CockpitSummary { summaryStorage.value }
  private var summaryStorage = DeferredSummary(CockpitSummary())
  /// Short ids of steps and reviews, as people see them.
  public private(set) var shortIDs = StoreShortIDs()
  /// Home screen selection over its reviews, then its steps; the offset scrolls the steps
  /// panel (see `cockpitTables`).
  public var cockpit = TableState(selection: 0)
  /// The live review, when one is open.
  public var review: ReviewSession?
  /// Steps triage. Off the Steps screen a reload is deferred until the view is first read.
  public var steps: StepsView {
    get { stepsStorage.view }
    _modify {
      var view = stepsStorage.take()
      defer { stepsStorage = DeferredStepsView(view) }
      yield &view
    }
  }
  private var stepsStorage: DeferredStepsView
  /// Cadences screen selection and scroll.
  public var cadences = TableState(selection: 0)
  /// The calendar's first month, as months from the current one.
  public var calendarOffset = 0
  /// Whether the calendar shows a quarter (else a month).
  public var calendarShowsQuarter = false
  /// People screen selection and scroll.
  public var people = TableState(selection: 0)
  /// Metrics screen selection and scroll.
  public var metrics = TableState(selection: 0)
  /// Whether the Metrics screen shows the priorities (else the scorecard).
  public var metricsShowsPriorities = false
  /// The Metrics screen's priorities: selection and scroll.
  public var priorities = TableState(selection: 0)
  /// The input line put aside while a one-key question about it is asked (an unknown @handle).
  public var heldPrompt: Prompt?

  /// A state over `data` at `now`.
  public init(
    data: StoreState, now: Date, timeZone: TimeZone, size: Size = Size(width: 120, height: 40),
    theme: Theme = .dark, keyMap: KeyMap = .defaults, person: String? = nil,
    ids: RecordIDGenerator = RecordIDGenerator(), archiveSource: StepArchiveSource? = nil
  ) {
    self.data = data
    self.now = now
    self.timeZone = timeZone
    self.size = size
    self.theme = theme
    self.keyMap = keyMap
    self.person = person
    self.ids = ids
    let today = Day(containing: now, in: timeZone)
    stepsStorage = DeferredStepsView(StepsView(today: today))
    self.archiveSource = archiveSource
    replaceData(data)
  }

  // MARK: - Derived values

  /// Today in the display time zone.
  public var today: Day { Day(containing: now, in: timeZone) }

  /// Replaces all data (a reload or another process's changes) and recomputes what derives
  /// from it.
  public mutating func replaceData(_ newData: StoreState) {
    data = newData
    reloadSteps()
    recomputeSummary()
    recomputeShortIDs()
  }

  /// Replaces all data with a working state and where its archived steps come from: the
  /// archive built for the previous data no longer applies and is dropped until
  /// ``takeArchive(_:)`` brings the new one.
  public mutating func replaceData(_ newData: StoreState, archiveSource source: StepArchiveSource?)
  {
    archiveSource = source
    stepArchive = StepArchive()
    adoptedIDs = []
    replaceData(newData)
  }

  /// Takes in the archive built from ``archiveSource``: the Steps screen then lists every step.
  public mutating func takeArchive(_ archive: StepArchive) {
    stepArchive = archive
    for id in adoptedIDs { stepArchive.leaveOut(id) }
    reloadSteps()
  }

  private mutating func reloadSteps() {
    if screen == .steps {
      steps.reload(data.steps, archive: stepArchive, today: today)
    } else {
      stepsStorage.deferReload(data.steps, archive: stepArchive, today: today)
    }
  }

  /// Takes the archived steps among `ids` into `data` (as the snapshot has them), so that an
  /// edit or an operation on them finds them.
  public mutating func adoptArchivedSteps(_ ids: some Sequence<String>) {
    guard let archiveSource else { return }
    for id in ids where data.record(Step.self, id: id) == nil {
      guard let step = archiveSource.step(id) else { continue }
      data.adopt(step)
      adoptedIDs.insert(id)
      stepArchive.leaveOut(id)
    }
  }

  /// What an edit made here needs: now, the zone, the user and fresh ids.
  public var editContext: EditContext {
    EditContext(now: now, timeZone: timeZone, actor: person, ids: ids)
  }

  /// Takes in operations this cockpit committed, as the store stamped them: the same `apply`
  /// as a replay, so an older operation never hides a newer value.
  public mutating func apply(_ operations: [RhythmCore.Operation]) {
    // A deferred reload is done first, from the data it was asked for (it shares the steps
    // with `data`, which would otherwise be copied whole by the first change).
    if stepsStorage.isPending { stepsStorage = DeferredStepsView(stepsStorage.take()) }
    adoptArchivedSteps(operations.lazy.filter { $0.kind == .step }.map(\.record))
    var touchedSteps: [Step] = []
    var createsRecords = false
    for operation in operations {
      let id = operation.record
      if operation.kind == .step && data.steps[id] == nil
        || operation.kind == .review && data.reviews[id] == nil
      {
        createsRecords = true
      }
      data.apply(operation)
      if operation.kind == .step, let step = data.steps[id] { touchedSteps.append(step) }
    }
    if !touchedSteps.isEmpty { steps.update(touchedSteps) }
    // Triage edits at 50,000 steps should not pay for the home screen's figures each time:
    // they are worked out when a screen that shows them comes up.
    if screen == .steps {
      markSummaryStale()
    } else {
      recomputeSummary()
    }
    if createsRecords { recomputeShortIDs() }
  }

  /// Takes in the snapshot's stamps of records that operations about to arrive touch.
  public mutating func takeSnapshotStamps(_ stamps: SnapshotStamps) {
    data.takeStamps(stamps)
  }

  /// Recomputes the home screen's figures (the data or the minute changed), when they are
  /// first read.
  public mutating func recomputeSummary() {
    summaryStorage = DeferredSummary(data: data, now: now, timeZone: timeZone)
    isSummaryStale = false
  }

  /// Set when the data changed while a screen that does not show the summary was up.
  public private(set) var isSummaryStale = false

  /// Notes that the summary needs working out before a screen that shows it comes up.
  public mutating func markSummaryStale() {
    isSummaryStale = true
  }

  /// Short ids among every step (archived ones too, from the first frame: the archive's
  /// source knows them all) and review.
  private mutating func recomputeShortIDs() {
    let ids = Array(data.steps.keys) + Array(data.reviews.keys)
    shortIDs = archiveSource?.shortIDs(adding: ids) ?? StoreShortIDs(ids)
  }

  /// The context the keymap resolves keys in.
  public var keyContext: KeyContext {
    prompt != nil ? .input : KeyContext(screen)
  }

  /// The short id people see for a record.
  public func shortID(_ id: String) -> String {
    shortIDs.shortForm(of: id)
  }

  /// A person's display name, or the handle when unknown.
  public func name(of handle: String) -> String {
    data.people[handle]?.name ?? handle
  }
}
