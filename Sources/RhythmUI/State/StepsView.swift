import Foundation
import RhythmCore

/// The triage list's state: filter, sort, selection, marks, and the derived arrays (all rows
/// sorted, then the indices that pass the filter), recomputed only when the filter, the sort
/// or the data change, so moving the selection costs nothing at 50,000 steps. Its rows are the
/// steps the cockpit holds in full and those of its ``StepArchive`` (compact columns, a full
/// step decoded only when one is selected), so a large store is not held twice.
public struct StepsView: Sendable {
  /// What was typed after `/`.
  public private(set) var filterText = ""
  /// The parsed filter.
  public private(set) var filter: StepFilter
  /// The order.
  public private(set) var sort: StepSort = .due
  /// Every live step, in `sort` order.
  public private(set) var rows: [TriageRow] = []
  /// The archived steps (those not held in full) the rows include.
  public private(set) var archive = StepArchive()
  /// Indices into `rows` that pass the filter, in order.
  public private(set) var visible: [Int] = []
  /// Where each held step sits in `rows`, by id.
  private var heldPositions: [String: Int] = [:]
  /// Where each archived step sits in `rows`, by its archive position (-1: not listed). An
  /// array, not a dictionary of 200,000 ids: taking the archive in hashes no id.
  private var archivedPositions: [Int32] = []
  /// Each row's status, for the filter's first, cheap check.
  private var statuses: [Step.Status] = []
  /// The day the filter was evaluated for (`overdue`, `due<fri` depend on it).
  private var today: Day
  /// The selection (an index into `visible`) and the scroll offset.
  public var table = TableState(selection: 0)
  /// Steps picked with `v` for a bulk action.
  public var marked: Set<String> = []
  /// Whether the detail pane is shown.
  public var showsDetail = false
  /// The history shown in the detail pane, and whose it is.
  public var history: (stepID: String, entries: [LogEntry])?

  /// An empty view as of `today`.
  public init(today: Day) {
    self.today = today
    filter = StepFilter("", today: today)
  }

  // MARK: - Reading

  /// The selected step, if any.
  public var selectedStep: Step? {
    guard let selection = table.selection, selection < visible.count else { return nil }
    return rows[visible[selection]].step(in: archive)
  }

  /// The full step of `rows[index]` (an archived one is decoded from the snapshot).
  public func step(atRow index: Int) -> Step? {
    rows[index].step(in: archive)
  }

  /// What the row `rows[index]` shows, sorts and filters by, without decoding a step.
  public func facts(atRow index: Int) -> TriageRow.Facts {
    rows[index].facts(in: archive)
  }

  /// The ids of `rows`, in order.
  public var rowIDs: [String] {
    rows.map { $0.id(in: archive) }
  }

  /// The selected step's id (no step is decoded).
  var selectedStepID: String? {
    guard let selection = table.selection, selection < visible.count else { return nil }
    return rows[visible[selection]].id(in: archive)
  }

  /// The steps a bulk action applies to: the marked ones, else the selected one.
  public var targetIDs: [String] {
    if !marked.isEmpty {
      return marked.sorted {
        (position(of: $0) ?? Int.max, $0) < (position(of: $1) ?? Int.max, $1)
      }
    }
    return selectedStepID.map { [$0] } ?? []
  }

  /// The step with `id`, if it is in the list.
  public func step(_ id: String) -> Step? {
    position(of: id).flatMap { rows[$0].step(in: archive) }
  }

  /// Where the step `id` sits in `rows`, if it is listed.
  private func position(of id: String) -> Int? {
    if let held = heldPositions[id] { return held }
    guard let archived = archive.position(of: id), archived < archivedPositions.count else {
      return nil
    }
    let row = archivedPositions[archived]
    return row >= 0 ? Int(row) : nil
  }

  /// Notes that `rows[index]` sits at `index`.
  private mutating func place(_ index: Int) {
    switch rows[index].source {
    case .held(let step): heldPositions[step.id] = index
    case .archived(let position): archivedPositions[position] = Int32(index)
    }
  }

  /// Forgets where `rows[index]` sat (it is about to be replaced or removed).
  private mutating func unplace(_ index: Int) {
    switch rows[index].source {
    case .held(let step): heldPositions[step.id] = nil
    case .archived(let position): archivedPositions[position] = -1
    }
  }

  // MARK: - Recomputing

  /// Rebuilds every row from `steps` (new data) and the archived steps they do not hold,
  /// keeping the selected step selected.
  public mutating func reload(
    _ steps: [String: Step], archive: StepArchive = StepArchive(), today: Day
  ) {
    let selected = selectedStepID
    self.today = today
    self.archive = archive
    filter = StepFilter(filterText, today: today)
    var held: [TriageRow] = []
    held.reserveCapacity(steps.count)
    // Archived steps also held in full (taken in for an edit) are listed once, as held.
    var alsoHeld = Set<Int>()
    for step in steps.values {
      if step.isLive { held.append(TriageRow(step)) }
      if archive.count > 0, let position = archive.position(of: step.id) {
        alsoHeld.insert(position)
      }
    }
    func listed(_ position: Int) -> Bool {
      archive.lists(position) && !alsoHeld.contains(position)
    }
    if sort == .due, let order = archive.dueOrder {
      // The archive came sorted by due day (off the main thread): sort the few held rows and
      // merge, so taking in 200,000 archived steps sorts none of them.
      rows = held
      sortRows()
      rows = StepsView.merge(sortedHeld: rows, archive: archive, order: order, listed: listed)
      reindex()
    } else {
      for position in 0..<archive.count where listed(position) {
        held.append(TriageRow(archived: position))
      }
      rows = held
      sortRows()
    }
    marked = marked.filter { position(of: $0) != nil }
    refilter(keeping: selected, from: nil)
  }

  /// The held rows (sorted by due) and the listed archived steps (in `order`, by due) merged
  /// into one list in due order, as `StepSort.due` sorts them: due day, creation, id.
  private static func merge(
    sortedHeld: [TriageRow], archive: StepArchive, order: [Int32], listed: (Int) -> Bool
  ) -> [TriageRow] {
    var merged: [TriageRow] = []
    merged.reserveCapacity(sortedHeld.count + order.count)
    var next = 0
    for raw in order {
      let position = Int(raw)
      guard listed(position) else { continue }
      let due = archive.due(at: position).ordinal
      let createdAt = archive.createdAt(at: position)
      while next < sortedHeld.count, let step = sortedHeld[next].heldStep,
        (step.due.ordinal, step.createdAt) < (due, createdAt)
          || (step.due.ordinal, step.createdAt) == (due, createdAt)
            && step.id < archive.ids[position]
      {
        merged.append(sortedHeld[next])
        next += 1
      }
      merged.append(TriageRow(archived: position))
    }
    merged.append(contentsOf: sortedHeld[next...])
    return merged
  }

  /// Replaces the given steps in place (local edits): a step whose order changed moves to its
  /// sorted place (found by binary search, not a sort of every row), then the rows re-filter.
  /// At 50,000 steps this costs a few milliseconds, not a sort.
  public mutating func update(_ steps: [Step]) {
    let selected = selectedStepID
    for step in steps {
      let removed = position(of: step.id)
      if let position = removed {
        let old = rows[position].facts(in: archive)
        let keepsPlace =
          old.due == step.due && old.owner == step.owner && old.status == step.status
          && old.createdAt == step.createdAt
        unplace(position)
        if step.isLive && keepsPlace {
          rows[position] = TriageRow(step)
          place(position)
          continue
        }
        rows.remove(at: position)
        statuses.remove(at: position)
      }
      var changed = removed.map { $0..<min($0 + 1, rows.count) } ?? rows.count..<rows.count
      if step.isLive {
        let place = insertionPoint(for: step)
        rows.insert(TriageRow(step), at: place)
        statuses.insert(step.status, at: place)
        changed = removed.map { min($0, place)..<(max($0, place) + 1) } ?? place..<rows.count
      } else if let removed {
        changed = removed..<rows.count
      }
      // Only the rows between the old and the new place moved.
      for index in changed.clamped(to: 0..<rows.count) { place(index) }
    }
    refilter(keeping: selected, from: nil)
  }

  /// Where `step` goes among the sorted rows.
  private func insertionPoint(for step: Step) -> Int {
    let key = StepSort.SortKey(TriageRow(step).facts(in: archive), index: -1)
    var low = 0
    var high = rows.count
    while low < high {
      let middle = (low + high) / 2
      if sort.precedes(StepSort.SortKey(rows[middle].facts(in: archive), index: middle), key) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// Sets the filter text, filtering from the previous result when the new text only narrows it.
  public mutating func setFilter(_ text: String) {
    guard text != filterText else { return }
    let selected = selectedStepID
    let newFilter = StepFilter(text, today: today)
    let start = newFilter.narrows(filter) ? visible : nil
    filterText = text
    filter = newFilter
    refilter(keeping: selected, from: start)
  }

  /// Sorts by `sort`.
  public mutating func setSort(_ sort: StepSort) {
    let selected = selectedStepID
    self.sort = sort
    sortRows()
    refilter(keeping: selected, from: nil)
  }

  /// Re-evaluates the filter for a new day (`overdue` moves at midnight).
  public mutating func setToday(_ day: Day) {
    guard day != today else { return }
    today = day
    filter = StepFilter(filterText, today: day)
    refilter(keeping: selectedStepID, from: nil)
  }

  /// Puts `rows` in `sort` order (sorting keys, then moving each row once) and reindexes.
  private mutating func sortRows() {
    let sort = self.sort
    let archive = self.archive
    var keys = rows.indices.map { StepSort.SortKey(rows[$0].facts(in: archive), index: $0) }
    keys.sort { sort.precedes($0, $1) }
    rows = keys.map { rows[$0.index] }
    reindex()
  }

  private mutating func reindex() {
    heldPositions = [:]
    archivedPositions = [Int32](repeating: -1, count: archive.count)
    statuses = []
    statuses.reserveCapacity(rows.count)
    for index in rows.indices {
      place(index)
      statuses.append(rows[index].status(in: archive))
    }
  }

  private mutating func refilter(keeping selected: String?, from candidates: [Int]?) {
    let filter = self.filter
    let today = self.today
    // Most steps are done: checking the status from a flat array first means the full match
    // (which touches the row's strings) runs only on the few that can pass.
    let wanted = filter.statuses
    let allowsOpen = wanted.isEmpty || wanted.contains(.open)
    let allowsDone = wanted.isEmpty || wanted.contains(.done)
    let allowsDropped = wanted.isEmpty || wanted.contains(.dropped)
    let searchesText = filter.terms.contains {
      if case .word = $0 { return true } else { return false }
    }
    let archive = self.archive
    var passing: [Int] = []
    for index in candidates ?? Array(rows.indices) {
      let allowed: Bool
      switch statuses[index] {
      case .open: allowed = allowsOpen
      case .done: allowed = allowsDone
      case .dropped: allowed = allowsDropped
      }
      guard allowed else { continue }
      if !filter.terms.isEmpty {
        if searchesText { rows[index].prepareSearchText(in: archive) }
        guard filter.matches(rows[index], in: archive, today: today) else { continue }
      }
      passing.append(index)
    }
    visible = passing
    if let selected, let position = position(of: selected),
      let index = visible.firstIndex(of: position)
    {
      table.selection = index
    } else {
      table.selection = visible.isEmpty ? nil : min(table.selection ?? 0, visible.count - 1)
    }
  }
}
