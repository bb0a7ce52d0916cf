import Foundation
import RhythmCore
import RhythmUI

/// The cockpit's own costs on a large store, in this process (no terminal): loading the working
/// state as the cockpit does, building the first frame, building the step archive (off the
/// main thread in the cockpit), and handling one key plus redrawing on the Steps screen.
enum CockpitBench {
  /// Prints the figures for the store in `folder`.
  static func run(folder: String, now: Date, samples: Int = 101) throws {
    let clock = Clock.fixed(now)
    let started = DispatchTime.now().uptimeNanoseconds
    let store = try Store.open(at: folder, clock: clock, person: "bench")
    let opened = DispatchTime.now().uptimeNanoseconds
    let (data, source) = try store.workingState(
      stepsFrom: Program.workingCutoff(today: Day(containing: now, in: .gmt)))
    let loaded = DispatchTime.now().uptimeNanoseconds
    var state = AppState(
      data: data, now: now, timeZone: .gmt, size: Size(width: 120, height: 40),
      archiveSource: source)
    let built = DispatchTime.now().uptimeNanoseconds
    _ = Screen.render(state)
    let drawn = DispatchTime.now().uptimeNanoseconds
    var early = state
    _ = AppReducer.update(&early, .showScreen(.steps))
    _ = Screen.render(early)
    let shown = DispatchTime.now().uptimeNanoseconds
    let archive = source?.build() ?? StepArchive()
    let archived = DispatchTime.now().uptimeNanoseconds
    state.takeArchive(archive)
    _ = AppReducer.update(&state, .showScreen(.steps))
    _ = Screen.render(state)
    let taken = DispatchTime.now().uptimeNanoseconds

    let move = median(samples) {
      _ = AppReducer.update(&state, .key(.character("j")))
      _ = Screen.render(state)
    }
    _ = AppReducer.update(&state, .key(.character("/")))
    let typed = Array("follow up on item 12")
    var position = 0
    let filter = median(typed.count) {
      _ = AppReducer.update(&state, .key(.character(typed[position])))
      _ = Screen.render(state)
      position += 1
    }
    let apply = applyingOneChange(&state, samples: samples)
    let steps = data.steps.count + archive.count
    print(
      "  \(steps) steps (\(data.steps.count) held): open \(ms(opened - started)), load "
        + "\(ms(loaded - opened)), state \(ms(built - loaded)), first frame \(ms(drawn - built)) "
        + "(total \(ms(drawn - started))), Steps screen before the archive \(ms(shown - drawn)), "
        + "archive \(ms(archived - shown)), taken in on the Steps screen \(ms(taken - archived)); "
        + "Steps screen: move \(ms(move)), "
        + "filter character \(ms(filter)), apply one change \(ms(apply))")
  }

  /// What taking one committed change into the cockpit's state costs (a step marked done, as
  /// `x` makes it, stamped as the store would): the store's own write is `step done`'s figure.
  private static func applyingOneChange(_ state: inout AppState, samples: Int) -> UInt64 {
    let ids = Array(state.data.steps.keys.sorted().prefix(samples))
    var stamper = MemoryStamper(device: "bench")
    var position = 0
    return median(ids.count) {
      let id = ids[position]
      position += 1
      let change = Change.update(
        Step.self, id: id, [.set(\.status, .done), .set(\.completedAt, state.now)])
      state.apply(
        stamper.operations(
          for: [change], now: state.now, person: "bench", after: state.data.latestStamp))
    }
  }

  private static func median(_ count: Int, _ body: () -> Void) -> UInt64 {
    var times: [UInt64] = []
    for _ in 0..<max(1, count) {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      times.append(DispatchTime.now().uptimeNanoseconds - start)
    }
    times.sort()
    return times[times.count / 2]
  }

  private static func ms(_ nanoseconds: UInt64) -> String {
    String(format: "%.2f ms", Double(nanoseconds) / 1_000_000)
  }
}
