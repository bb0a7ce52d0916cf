import Foundation
import RhythmCore

@testable import RhythmUI

/// An empty store in the cockpit, run by the real ``Program`` over a ``MemoryBackend`` (no
/// store: commits are stamped in memory), so effects such as `.submit` and `.openEditor` run
/// as they do in the terminal.
enum SetupFixtures {
  /// A program over an empty store; the cockpit's user is `tester`.
  static func emptyProgram(
    width: Int = 120, height: Int = 40, environment: [String: String] = ["EDITOR": "ed"]
  ) -> (Program, MemoryBackend) {
    let backend = MemoryBackend(size: Size(width: width, height: height))
    let state = AppState(
      data: StoreState(), now: Fixtures.now, timeZone: Fixtures.utc,
      size: Size(width: width, height: height), person: "tester",
      ids: RecordIDGenerator(seed: 9))
    let program = Program(
      state: state, backend: backend, store: nil, clock: .fixed(Fixtures.now),
      environment: environment)
    return (program, backend)
  }

  /// Presses `keys` (canonical strings) and types `text`s, in order, through the program.
  static func press(_ program: Program, _ backend: MemoryBackend, _ keys: String...) {
    for key in keys {
      backend.enqueueKeys(key)
      program.run(maxEvents: 1)
    }
  }

  /// Types `text` character by character through the program.
  static func type(_ program: Program, _ backend: MemoryBackend, _ text: String) {
    for character in text { backend.enqueue(.key(.character(character))) }
    program.run(maxEvents: text.count)
  }
}
