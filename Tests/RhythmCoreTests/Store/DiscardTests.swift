import Foundation
import Testing

@testable import RhythmCore

/// Where a value was freed: the thread its deinit ran on, handed back through a semaphore.
private final class FreedOn: @unchecked Sendable {
  private let lock = NSLock()
  private var thread: pthread_t?
  let done = DispatchSemaphore(value: 0)

  func record() {
    lock.withLock { thread = pthread_self() }
    done.signal()
  }

  var recorded: pthread_t? { lock.withLock { thread } }
}

/// A value that says where it was freed.
private final class Tracked {
  let freedOn: FreedOn
  init(_ freedOn: FreedOn) { self.freedOn = freedOn }
  deinit { freedOn.record() }
}

@Suite("Discard: a large value is freed on another thread")
struct DiscardTests {
  @Test("the value is never freed on the thread that let go of it, however fast the other is")
  func freedElsewhere() throws {
    let caller = pthread_self()
    for _ in 0..<300 {
      let freedOn = FreedOn()
      Discard.inBackground([Tracked(freedOn)])
      #expect(freedOn.done.wait(timeout: .now() + 10) == .success)
      let thread = try #require(freedOn.recorded)
      #expect(pthread_equal(thread, caller) == 0)
    }
  }
}
