import Foundation
import RhythmCore
import RhythmDemo
import Testing

@testable import RhythmUI

@Suite("The run loop over a MemoryBackend and a real store")
struct ProgramTests {
  private let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("rhythm-app-tests-\(UUID().uuidString)").path

  private func makeStore(_ clock: Clock) throws -> Store {
    let store = try Store.create(at: folder, clock: clock, person: "maria")
    try store.commit(DemoOrganisation.build(now: Fixtures.now, timeZone: Fixtures.utc))
    return store
  }

  private func makeProgram(_ store: Store, _ backend: MemoryBackend, _ clock: Clock) throws
    -> Program
  {
    let state = AppState(
      data: try store.loadState(), now: clock.now, timeZone: Fixtures.utc, person: "maria",
      ids: RecordIDGenerator(seed: 7))
    return Program(state: state, backend: backend, store: store, clock: clock)
  }

  @Test("keys become durable commits; u undoes one step of a bulk action in the store")
  func commitAndUndo() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clock = Clock.fixed(Fixtures.now)  // stopped, as under RHYTHM_NOW
    let store = try makeStore(clock)
    let backend = MemoryBackend(size: Size(width: 120, height: 40))
    let program = try makeProgram(store, backend, clock)
    backend.enqueueKeys("3", "v", "v", "x")
    program.run(maxEvents: 4)
    let done = program.state.data.steps.values.filter { $0.completedAt == Fixtures.now }
    #expect(done.count == 2)
    // A second process opening the store sees them: they were committed, not just shown.
    let other = try Store.open(at: folder, clock: clock, person: "tom")
    for step in done { #expect(try other.loadState().steps[step.id]?.status == .done) }

    backend.enqueueKeys("u")
    program.run(maxEvents: 1)
    let reopened = done.filter { program.state.data.steps[$0.id]?.status == .open }
    #expect(reopened.count == 1)
    #expect(program.state.message?.text == "1 change undone")
    let reloaded = try Store.open(at: folder, clock: clock).loadState()
    #expect(done.filter { reloaded.steps[$0.id]?.status == .done }.count == 1)
    backend.enqueueKeys("u")
    program.run(maxEvents: 1)
    for step in done { #expect(program.state.data.steps[step.id]?.status == .open) }
  }

  @Test("live sharing: a step another process adds shows up on the next poll")
  func liveSharing() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clock = Clock.fixed(Fixtures.now)  // stopped, as under RHYTHM_NOW
    let store = try makeStore(clock)
    let backend = MemoryBackend(size: Size(width: 120, height: 40))
    let program = try makeProgram(store, backend, clock)
    backend.enqueueKeys("3")
    program.run(maxEvents: 1)

    let other = try Store.open(at: folder, clock: clock, person: "tom")
    let step = Step(
      id: "01kaaaaaaaaaaaaaaaaaaaaaaa", title: "Added by another process", owner: "tom",
      due: Day(year: 2026, month: 11, day: 1)!, createdAt: Fixtures.now)
    try other.commit([.create(step)])

    program.run(maxEvents: 1)  // no input: an idle tick, which polls, whatever the clock says
    #expect(program.state.data.steps[step.id] != nil)
    let screen = try #require(backend.lastSurface).lines.joined(separator: "\n")
    #expect(screen.contains("Added by another process"))
  }

  @Test("the detail pane shows the step's history from the store")
  func history() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clock = Clock.fixed(Fixtures.now)  // stopped, as under RHYTHM_NOW
    let store = try makeStore(clock)
    let backend = MemoryBackend(size: Size(width: 120, height: 40))
    let program = try makeProgram(store, backend, clock)
    backend.enqueueKeys("3", "s", "k", "<enter>")
    program.run(maxEvents: 4)
    let entries = try #require(program.state.steps.history?.entries)
    #expect(entries.first?.summary == "created")
    #expect(entries.last?.summary.hasPrefix("due ") == true)
    #expect(entries.last?.person == "maria")
  }

  @Test("quitRequested from the backend (a signal) ends the loop")
  func quitRequested() throws {
    let backend = MemoryBackend(size: Size(width: 80, height: 24), events: [.quitRequested])
    let program = Program(
      state: Fixtures.demoState(width: 80, height: 24), backend: backend, store: nil,
      clock: .fixed(Fixtures.now))
    program.run(maxEvents: 10)
    #expect(program.state.isQuitting)
    #expect(backend.drawnSurfaces.count == 1)
  }

  @Test("a resize re-renders at the new size, down to the too-small message")
  func resize() throws {
    let backend = MemoryBackend(
      size: Size(width: 120, height: 40), events: [.resized(Size(width: 40, height: 10))])
    let program = Program(
      state: Fixtures.demoState(), backend: backend, store: nil, clock: .fixed(Fixtures.now))
    program.run(maxEvents: 1)
    let last = try #require(backend.lastSurface)
    #expect(last.size == Size(width: 40, height: 10))
    #expect(last.lines.contains { $0.contains("this terminal is 40x10") })
  }
}
