import Foundation
import RhythmCore

// MARK: - Steps triage

extension AppReducer {
  static func toggleMark(_ state: inout AppState) -> [Effect] {
    guard let step = state.steps.selectedStep else { return [] }
    if state.steps.marked.contains(step.id) {
      state.steps.marked.remove(step.id)
    } else {
      state.steps.marked.insert(step.id)
    }
    return move(&state, by: 1)
  }

  static func setStatus(_ state: inout AppState, _ status: Step.Status) -> [Effect] {
    let targets = state.steps.targetIDs.compactMap { state.data.steps[$0] }
      .filter { $0.status != status }
    guard !targets.isEmpty else { return [] }
    let completedAt: JSONValue = status == .open ? .null : JSONValue(state.now)
    let changes = targets.map {
      Change.update(
        Step.self, id: $0.id, ["status": .string(status.rawValue), "completedAt": completedAt])
    }
    state.steps.marked = []
    let verb = status == .open ? "reopened" : status.rawValue
    return commit(
      &state, changes, message: "\(count(changes.count, "step")) \(verb)", oneByOne: true)
  }

  static func snooze(_ state: inout AppState) -> [Effect] {
    let targets = state.steps.targetIDs.compactMap { state.data.steps[$0] }
    guard !targets.isEmpty else { return [] }
    let changes = targets.map {
      Change.update(Step.self, id: $0.id, ["due": JSONValue($0.due.adding(days: 7))])
    }
    state.steps.marked = []
    return commit(
      &state, changes, message: "\(count(changes.count, "step")) snoozed a week", oneByOne: true)
  }

  static func openStepsPrompt(_ state: inout AppState, _ purpose: Prompt.Purpose, label: String)
    -> [Effect]
  {
    guard !state.steps.targetIDs.isEmpty else { return [] }
    state.prompt = Prompt(purpose: purpose, label: label)
    return []
  }

  static func changeOwner(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    var handle = text.trimmingCharacters(in: .whitespaces).lowercased()
    if handle.hasPrefix("@") { handle.removeFirst() }
    guard state.data.people[handle]?.isLive == true else { throw .unknownPerson(handle) }
    let changes = state.steps.targetIDs.map {
      Change.update(Step.self, id: $0, ["owner": .string(handle)])
    }
    state.steps.marked = []
    return commit(
      &state, changes, message: "\(count(changes.count, "step")) now @\(handle)'s", oneByOne: true)
  }

  static func changeDue(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    let day = try DateShorthand.parse(text.trimmingCharacters(in: .whitespaces), today: state.today)
    let changes = state.steps.targetIDs.map {
      Change.update(Step.self, id: $0, ["due": JSONValue(day)])
    }
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
    guard let step = state.data.steps[id] else { return [] }
    let parsed = try QuickAdd.parse(text, today: state.today)
    var fields: [String: JSONValue] = [:]
    if parsed.title != step.title { fields["title"] = .string(parsed.title) }
    if let owner = parsed.owner, owner != step.owner {
      guard state.data.people[owner]?.isLive == true else { throw .unknownPerson(owner) }
      fields["owner"] = .string(owner)
    }
    if let due = parsed.due, due != step.due { fields["due"] = JSONValue(due) }
    if parsed.success != step.success { fields["success"] = JSONValue(parsed.success) }
    if parsed.tags != step.tags { fields["tags"] = JSONValue(parsed.tags) }
    guard !fields.isEmpty else { return [] }
    return commit(&state, [.update(Step.self, id: id, fields)], message: "step saved")
  }

  static func addStep(_ state: inout AppState, text: String) throws(RhythmError) -> [Effect] {
    let parsed = try QuickAdd.parse(text, today: state.today)
    guard let owner = parsed.owner ?? state.person else {
      throw .message("say who owns it: add @handle")
    }
    guard state.data.people[owner]?.isLive == true else { throw .unknownPerson(owner) }
    let step = Step(
      id: state.ids.next(at: state.now), title: parsed.title, owner: owner,
      due: parsed.due ?? state.today.adding(days: 7), success: parsed.success,
      createdAt: state.now, tags: parsed.tags)
    return commit(&state, [.create(step)], message: "step added for @\(owner)")
  }

  static func toggleDetail(_ state: inout AppState) -> [Effect] {
    state.steps.showsDetail.toggle()
    guard state.steps.showsDetail, let id = state.steps.selectedStep?.id else { return [] }
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
    let review = Review(
      id: state.ids.next(at: state.now), cadence: cadence.id, occurrence: upcoming.occurrence,
      status: .skipped)
    let when = ISOInstant.format(upcoming.occurrence, in: state.timeZone).prefix(16)
      .replacingOccurrences(of: "T", with: " ")
    return commit(&state, [.create(review)], message: "\(cadence.title) on \(when) skipped")
  }

  static func enterValue(_ state: inout AppState) -> [Effect] {
    let metrics = state.sortedMetrics
    guard let index = state.metrics.selection, index < metrics.count else { return [] }
    let metric = metrics[index]
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
    let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    guard let value = Double(trimmed), value.isFinite else {
      throw .invalidValue(field: metric.name, value: trimmed, expected: "a number")
    }
    let period = metric.periodStart(containing: state.today)
    return commit(
      &state,
      [.update(Metric.self, id: metricID, ["values.\(period)": .number(value)])],
      message: "\(metric.name): \(ScreenText.number(value)) \(metric.unit) for \(period)")
  }
}
