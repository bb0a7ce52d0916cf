import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// The cockpit at scale (issue 10): a working state (open and recent steps in full) with the
/// rest as a compact archive lists, sorts and filters exactly as a view over every step does,
/// and stays right through edits, its own and other processes'.
@Suite("Steps archive: the working state and its archive list what every step lists")
struct StepArchiveTests {
  private let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("rhythm-archive-tests-\(UUID().uuidString)").path
  private static let today = Day(containing: Fixtures.now, in: Fixtures.utc)
  private static let owners = ["ana", "ben", "li", "maria", "sam"]

  /// A compacted store of `count` steps over two years, from a seed: most are finished, some
  /// open, some tagged, some with non-ASCII titles, some dropped, a few deleted.
  private func makeStore(count: Int, seed: UInt64) throws -> Store {
    let clock = Clock.fixed(Fixtures.now)
    let store = try Store.create(at: folder, clock: clock, person: "maria")
    store.compactsAutomatically = false
    var random = SplitMix64(seed: seed)
    var ids = RecordIDGenerator(seed: seed)
    var changes: [Change] = Self.owners.map { .create(Person(handle: $0, name: $0.capitalized)) }
    let words = ["plan", "launch", "Review", "budget", "café", "Ünïcode", "hire", "ship"]
    for number in 0..<count {
      let created = Fixtures.now.addingTimeInterval(-Double(random.next() % 730) * 86_400)
      let due = Day(containing: created, in: Fixtures.utc).adding(
        days: Int(random.next() % 40) - 5)
      var step = Step(
        id: ids.next(at: created),
        title: "\(words[Int(random.next() % 8)]) \(words[Int(random.next() % 8)]) \(number)",
        owner: Self.owners[Int(random.next() % 5)], due: due,
        success: random.next() % 3 == 0 ? nil : "signed off \(random.next() % 4)",
        createdAt: number % 7 == 0 ? Fixtures.now.addingTimeInterval(-86_400) : created,
        tags: random.next() % 4 == 0 ? ["launch"] : (random.next() % 5 == 0 ? ["q1", "ops"] : []))
      switch random.next() % 10 {
      case 0, 1: break
      case 2: step.status = .dropped
      case 3: step.deleted = true
      default: step.status = .done
      }
      if step.status != .open { step.completedAt = created.addingTimeInterval(86_400) }
      changes.append(.create(step))
    }
    try store.commit(changes)
    try store.compact()
    return try Store.open(at: folder, clock: clock, person: "maria")
  }

  /// The cockpit's state as `runCockpit` makes it, with its archive built.
  private func workingState(_ store: Store) throws -> AppState {
    let (data, source) = try store.workingState(
      stepsFrom: Program.workingCutoff(today: Self.today))
    var state = AppState(
      data: data, now: Fixtures.now, timeZone: Fixtures.utc, person: "maria",
      archiveSource: source)
    if let source { state.takeArchive(source.build()) }
    return state
  }

  private func view(_ steps: [String: Step], sort: StepSort, filter: String) -> StepsView {
    var view = StepsView(today: Self.today)
    view.setSort(sort)
    view.reload(steps, today: Self.today)
    view.setFilter(filter)
    return view
  }

  private func visibleIDs(_ view: StepsView) -> [String] {
    view.visible.map { view.facts(atRow: $0).id }
  }

  @Test("same rows, sort orders and filter results as a view over every step")
  func sameAsFullView() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try makeStore(count: 1500, seed: 10)
    let everything = try Store.open(at: folder, clock: .fixed(Fixtures.now)).loadState().steps
    var state = try workingState(store)
    #expect(state.stepArchive.count > state.data.steps.count, "most steps are archived")
    #expect(state.data.steps.count + state.stepArchive.count == everything.count { $1.isLive })
    Fixtures.press(["3"], &state)
    let filters = [
      "", "status:all", "status:done", "status:dropped @ma", "status:all #launch", "#q",
      "status:all plan", "status:all café", "status:all ünï", "status:all due<2026-01-01",
      "status:all due>=2025-06-01 @li", "overdue", "status:all signed off 2", "launch 1",
    ]
    for sort in StepSort.allCases {
      while state.steps.sort != sort { Fixtures.press(["S"], &state) }
      for filter in filters {
        state.steps.setFilter(filter)
        let full = view(everything, sort: sort, filter: filter)
        #expect(state.steps.rowIDs == full.rowIDs, "rows, sort \(sort)")
        #expect(visibleIDs(state.steps) == visibleIDs(full), "sort \(sort), /\(filter)")
        for index in state.steps.visible.prefix(40) {
          #expect(state.steps.step(atRow: index) == everything[state.steps.facts(atRow: index).id])
        }
      }
    }
  }

  @Test("short ids equal a full load's from the first frame, before the archive is built")
  func shortIDsFromTheFirstFrame() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try makeStore(count: 900, seed: 13)
    let snapshot = try Store.open(at: folder, clock: .fixed(Fixtures.now)).loadState()
    // Ids that share long endings: two more snapshot steps ending as an archived one does,
    // and, past the snapshot, a step and a review ending as others do.
    let archived = try #require(
      snapshot.steps.values.filter { $0.status == .done }.min { $0.due < $1.due })
    func twin(of id: String, keeping count: Int, first: Character) -> String {
      String(String(repeating: first, count: id.count - count) + id.suffix(count))
    }
    var first = archived
    first.id = twin(of: archived.id, keeping: 7, first: "0")
    var second = archived
    second.id = twin(of: archived.id, keeping: 5, first: "1")
    try store.commit([.create(first), .create(second)])
    try store.compact()
    let reopened = try Store.open(at: folder, clock: .fixed(Fixtures.now), person: "maria")
    var fresh = archived
    fresh.id = twin(of: archived.id, keeping: 9, first: "2")
    fresh.status = .open
    let review = Review(
      id: twin(of: archived.id, keeping: 6, first: "3"), cadence: "weekly",
      occurrence: Fixtures.now)
    try reopened.commit([.create(fresh), .create(review)])

    let (data, source) = try reopened.workingState(
      stepsFrom: Program.workingCutoff(today: Self.today))
    let early = AppState(
      data: data, now: Fixtures.now, timeZone: Fixtures.utc, archiveSource: source)
    #expect(early.stepArchive.count == 0, "the archive is not built yet")
    let everything = try Store.open(at: folder, clock: .fixed(Fixtures.now)).loadState()
    let full = AppState(data: everything, now: Fixtures.now, timeZone: Fixtures.utc)
    let ids = Array(everything.steps.keys) + Array(everything.reviews.keys)
    for id in ids { #expect(early.shortID(id) == full.shortID(id), "\(id)") }
    #expect(full.shortID(archived.id).count == 10)
    #expect(full.shortID(review.id).count == 7)
  }

  @Test("the working state's held steps equal a full load's, stamps too")
  func heldStepsEqualFullLoad() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try makeStore(count: 800, seed: 11)
    // A tail past the snapshot: an old finished step edited, a new step added.
    let full = try Store.open(at: folder, clock: .fixed(Fixtures.now)).loadState()
    let old = try #require(full.steps.values.filter { $0.status == .done }.min { $0.due < $1.due })
    try store.commit([.update(Step.self, id: old.id, [.set(\.title, "renamed")])])
    let state = try workingState(store)
    let reloaded = try Store.open(at: folder, clock: .fixed(Fixtures.now)).loadState()
    #expect(state.data.steps[old.id]?.title == "renamed")
    for (id, step) in state.data.steps { #expect(reloaded.steps[id] == step) }
    #expect(state.stepArchive.position(of: old.id) == nil)
  }

  @Test("edits keep the list right: done, reassign of an archived step, a step from elsewhere")
  func editsKeepTheListRight() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clock = Clock.fixed(Fixtures.now)
    let store = try makeStore(count: 600, seed: 12)
    let backend = MemoryBackend(size: Size(width: 120, height: 40))
    let (data, source) = try store.workingState(stepsFrom: Program.workingCutoff(today: Self.today))
    let state = AppState(
      data: data, now: clock.now, timeZone: Fixtures.utc, person: "maria",
      ids: RecordIDGenerator(seed: 7), archiveSource: source)
    let program = Program(
      state: state, backend: backend, store: store, clock: clock, usesWorkingState: true)
    // Wait for the archive (built on another thread), with a deadline.
    let deadline = Date().addingTimeInterval(20)
    while program.state.stepArchive.count == 0, Date() < deadline { program.handle(nil) }
    #expect(program.state.stepArchive.count > 0)

    // Done on the first open step; reassign an archived (done) step.
    backend.enqueueKeys("3", "x")
    program.run(maxEvents: 2)
    backend.enqueueKeys("/")
    program.run(maxEvents: 1)
    for character in "status:done" { backend.enqueueKeys(String(character)) }
    backend.enqueueKeys("<enter>", "g")
    program.run(maxEvents: 13)
    let archived = try #require(program.state.steps.selectedStep)
    #expect(program.state.data.steps[archived.id] == nil, "the oldest done step is archived")
    backend.enqueueKeys("o")
    program.run(maxEvents: 1)
    for character in "ben" { backend.enqueueKeys(String(character)) }
    backend.enqueueKeys("<enter>")
    program.run(maxEvents: 4)
    #expect(program.state.data.steps[archived.id]?.owner == "ben")

    // Another process adds a step; the next poll takes it in.
    let other = try Store.open(at: folder, clock: clock, person: "tom")
    let added = Step(
      id: other.newID(), title: "from elsewhere", owner: "li", due: Self.today,
      createdAt: Fixtures.now)
    try other.commit([.create(added)])
    program.handle(nil)
    #expect(program.state.data.steps[added.id]?.title == "from elsewhere")

    // The list equals a view over every step of a fresh load, in every order and filter.
    let everything = try Store.open(at: folder, clock: clock).loadState().steps
    var view = program.state.steps
    for filter in ["", "status:all", "status:done @be"] {
      view.setFilter(filter)
      let full = self.view(everything, sort: view.sort, filter: filter)
      #expect(view.rowIDs.sorted() == full.rowIDs.sorted())
      #expect(visibleIDs(view) == visibleIDs(full), "/\(filter)")
    }
  }
}
