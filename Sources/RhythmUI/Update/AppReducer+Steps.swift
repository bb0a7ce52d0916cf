import Foundation
import RhythmCore

// MARK: - Steps triage

extension AppReducer {
  static func toggleMark(_ state: inout AppState) -> [Effect] {
    guard let id = state.steps.selectedStepID else { return [] }
    if state.steps.marked.contains(id) {
      state.steps.marked.remove(id)
    } else {
      state.steps.marked.insert(id)
    }
    return move(&state, by: 1)
  }

  static func setStatus(_ state: inout AppState, _ status: Step.Status) -> [Effect] {
    let verb = status == .open ? "reopened" : status.rawValue
    let targets = state.steps.targetIDs
    return bulk(&state, verb) { data, context throws(RhythmError) in
      try StepEdits.setStatus(status, of: targets, in: data, context)
    }
  }

  static func snooze(_ state: inout AppState) -> [Effect] {
    let targets = state.steps.targetIDs
    return bulk(&state, "snoozed a week") { data, _ throws(RhythmError) in
      try StepEdits.snooze(targets, in: data)
    }
  }

  /// Runs an edit over the marked (or selected) steps: one change per step, undone one by one.
  private static func bulk(
    _ state: inout AppState, _ verb: String,
    _ edit: (StoreState, EditContext) throws(RhythmError) -> Edit
  ) -> [Effect] {
    state.adoptArchivedSteps(state.steps.targetIDs)
    do {
      let changes = try edit(state.data, state.editContext).changes
      guard !changes.isEmpty else { return [] }
      state.steps.marked = []
      return commit(
        &state, changes, message: "\(count(changes.count, "step")) \(verb)", oneByOne: true)
    } catch {
      say(&state, error.description, isError: true)
      return []
    }
  }

  static func openStepsPrompt(_ state: inout AppState, _ purpose: Prompt.Purpose, label: String)
    -> [Effect]
  {
    guard !state.steps.targetIDs.isEmpty else { return [] }
    state.prompt = Prompt(purpose: purpose, label: label)
    return []
  }

  static func changeOwner(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    state.adoptArchivedSteps(state.steps.targetIDs)
    let changes = try StepEdits.reassign(state.steps.targetIDs, to: text, in: state.data).changes
    state.steps.marked = []
    return commit(
      &state, changes,
      message: "\(count(changes.count, "step")) now @\(EditRules.handle(text))'s", oneByOne: true)
  }

  static func changeDue(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    let day = try DateShorthand.parse(text.trimmingCharacters(in: .whitespaces), today: state.today)
    let changes = StepEdits.reschedule(state.steps.targetIDs, to: day).changes
    state.steps.marked = []
    return commit(
      &state, changes, message: "\(count(changes.count, "step")) due \(day)", oneByOne: true)
  }

  static func edit(_ state: inout AppState) -> [Effect] {
    guard let step = state.steps.selectedStep else { return [] }
    state.prompt = Prompt(purpose: .edit(stepID: step.id), label: "edit", text: quickAddText(step))
    return []
  }

  /// A step written back in quick-add form, so editing it is editing one line.
  static func quickAddText(_ step: Step) -> String {
    var parts = [step.title, "@" + step.owner, "due:" + step.due.description]
    if let success = step.success { parts.append("success:\"\(success)\"") }
    parts += step.tags.map { "#" + $0 }
    return parts.joined(separator: " ")
  }

  static func saveEdit(_ state: inout AppState, id: String, text: String) throws(RhythmError)
    -> [Effect]
  {
    let parsed = try QuickAdd.parse(text, today: state.today)
    state.adoptArchivedSteps([id])
    let changes = try StepEdits.edit(id, StepEdits.Patch(parsed), in: state.data).changes
    return commit(&state, changes, message: "step saved")
  }

  static func addStep(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    var draft = StepEdits.Draft(try QuickAdd.parse(text, today: state.today))
    draft.owner = draft.owner ?? state.person
    var context = state.editContext
    let edit = try StepEdits.add(draft, in: state.data, &context)
    state.ids = context.ids
    return commit(&state, edit.changes, message: "step added for @\(draft.owner ?? "")")
  }

  static func toggleDetail(_ state: inout AppState) -> [Effect] {
    state.steps.showsDetail.toggle()
    guard state.steps.showsDetail, let id = state.steps.selectedStepID else { return [] }
    state.steps.history = nil
    return [.loadHistory(stepID: id)]
  }

  // MARK: - Cadences and metrics

  static func skipOccurrence(_ state: inout AppState) -> [Effect] {
    let cadences = state.sortedCadences
    guard let index = state.cadences.selection, index < cadences.count else { return [] }
    let cadence = cadences[index]
    guard
      let upcoming = state.summary.upcoming.first(where: {
        $0.cadenceID == cadence.id && $0.liveReviewID == nil
      })
    else { return [] }
    let when = TimeText.local(upcoming.occurrence, state.timeZone)
    return perform(&state, message: "\(cadence.title) on \(when) skipped") {
      data, context throws(RhythmError) in
      try ReviewEdits.mark(cadence.id, occurrence: upcoming.occurrence, in: data, &context)
    }
  }

  /// Asks for this period's value of the selected metric: on the Metrics screen, or on the
  /// live review's scorecard section.
  static func enterValue(_ state: inout AppState) -> [Effect] {
    let metric: Metric
    if state.screen == .review {
      guard let session = state.review, session.phase != .concluded,
        state.sectionKind(of: session) == .scorecard
      else { return [] }
      let metrics = state.scorecardMetrics(for: session)
      guard metrics.indices.contains(session.metricSelection) else { return [] }
      metric = metrics[session.metricSelection]
    } else {
      // On the priorities view, enter edits the selected priority.
      guard !state.metricsShowsPriorities else { return editOnMetrics(&state) }
      let metrics = state.sortedMetrics
      guard let index = state.metrics.selection, index < metrics.count else { return [] }
      metric = metrics[index]
    }
    let period = metric.periodStart(containing: state.today)
    let current = metric.values[period.description].map { ScreenText.number($0) } ?? ""
    state.prompt = Prompt(
      purpose: .metricValue(metricID: metric.id),
      label: "\(metric.name) for \(period) (\(metric.unit))", text: current)
    return []
  }

  static func saveValue(_ state: inout AppState, metricID: String, text: String)
    throws(RhythmError) -> [Effect]
  {
    guard let metric = state.data.metrics[metricID] else { return [] }
    let value = try MetricEdits.value(text, field: metric.name)
    let period = metric.periodStart(containing: state.today)
    let changes = try MetricEdits.setValue(value, of: metricID, on: state.today, in: state.data)
      .changes
    return commit(
      &state, changes,
      message: "\(metric.name): \(ScreenText.number(value)) \(metric.unit) for \(period)")
  }
}
