import Dispatch
import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// The cockpit's start while the store is read on another thread (issue 10, item 6): a frame
/// at once, keys kept and handled in order once the state is there.
@Suite("Starting while the store is read")
struct ProgramStartTests {
  /// A MemoryBackend that opens `gate` the first time it has no event to give: the load is
  /// held until every queued key has been read while loading.
  private final class GatedBackend: TerminalBackend {
    let inner: MemoryBackend
    let gate: DispatchSemaphore
    private var opened = false

    init(_ inner: MemoryBackend, gate: DispatchSemaphore) {
      self.inner = inner
      self.gate = gate
    }

    var size: Size { inner.size }

    func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
      let event = inner.nextEvent(timeout: milliseconds)
      if event == nil && !opened {
        opened = true
        gate.signal()
      }
      return event
    }

    func draw(_ surface: Surface) { inner.draw(surface) }
    func bell() { inner.bell() }
    func runChild(_ arguments: [String]) -> Int32? { inner.runChild(arguments) }
  }

  private static let placeholder = AppState(
    data: StoreState(), now: Fixtures.now, timeZone: Fixtures.utc)

  /// A load that waits for `gate`, then gives the demo state.
  private static func heldLoad(_ gate: DispatchSemaphore) -> StateLoad {
    StateLoad { () throws(RhythmError) -> LoadedCockpit in
      gate.wait()
      return LoadedCockpit(state: Fixtures.demoState())
    }
  }

  @Test("3 then j pressed while loading: the Steps tab at once, then the screen, moved once")
  func keysWhileLoading() throws {
    let gate = DispatchSemaphore(value: 0)
    let memory = MemoryBackend(size: Size(width: 120, height: 40))
    memory.enqueueKeys("3", "j")
    let backend = GatedBackend(memory, gate: gate)
    let program = try #require(
      try Program.start(
        loading: Self.heldLoad(gate), placeholder: Self.placeholder, backend: backend,
        store: nil, clock: .fixed(Fixtures.now)))

    let loading = memory.drawnSurfaces
    #expect(loading.count == 2, "the loading frame, then again with the Steps tab")
    #expect(loading.allSatisfy { $0.lines.joined().contains("reading the store…") })
    let selection = Theme.dark[.selection]
    let tabs = loading[1].lines[0]
    let stepsTab = try #require(tabs.range(of: " 3 Steps "))
    let x = tabs.distance(from: tabs.startIndex, to: stepsTab.lowerBound)
    #expect(loading[0][x, 0].style != selection)
    #expect(loading[1][x, 0].style == selection)

    #expect(program.state.screen == .steps)
    #expect(program.state.steps.table.selection == 1, "j was handled after 3, on the Steps list")
    program.draw()
    #expect(memory.lastSurface?.lines.joined().contains("Steps ·") == true)
  }

  @Test("q while loading ends the start without waiting for the load")
  func quitWhileLoading() throws {
    let gate = DispatchSemaphore(value: 0)
    defer { gate.signal() }
    let memory = MemoryBackend(size: Size(width: 120, height: 40))
    memory.enqueueKeys("q")
    let program = try Program.start(
      loading: Self.heldLoad(gate), placeholder: Self.placeholder,
      backend: memory, store: nil, clock: .fixed(Fixtures.now))
    #expect(program == nil)
  }

  @Test("a load that fails ends the start with its error")
  func failedLoad() {
    let memory = MemoryBackend(size: Size(width: 120, height: 40))
    let load = StateLoad { () throws(RhythmError) -> LoadedCockpit in
      throw .message("the snapshot could not be read")
    }
    #expect(throws: RhythmError.message("the snapshot could not be read")) {
      try Program.start(
        loading: load, placeholder: Self.placeholder, backend: memory, store: nil,
        clock: .fixed(Fixtures.now))
    }
  }
}
