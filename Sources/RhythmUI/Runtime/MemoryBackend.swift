/// A ``TerminalBackend`` for tests: events are queued by the test, frames are recorded.
public final class MemoryBackend: TerminalBackend {
  /// The size reported to the program; a queued `.resized` event updates it when delivered.
  public private(set) var size: Size
  /// Events not delivered yet, first one next.
  public private(set) var pendingEvents: [TerminalEvent]
  /// Every surface drawn, oldest first.
  public private(set) var drawnSurfaces: [Surface] = []
  /// How many times the bell rang.
  public private(set) var bellCount = 0
  /// The timeouts the program asked for, in order (to check tick scheduling).
  public private(set) var requestedTimeouts: [Int] = []

  /// Creates a backend of `size` with `events` queued.
  public init(size: Size = Size(width: 80, height: 24), events: [TerminalEvent] = []) {
    self.size = size
    self.pendingEvents = events
  }

  /// The last surface drawn.
  public var lastSurface: Surface? { drawnSurfaces.last }

  /// Queues more events.
  public func enqueue(_ events: TerminalEvent...) {
    pendingEvents.append(contentsOf: events)
  }

  /// Queues key presses given as canonical strings (`"j"`, `"<enter>"`); unknown strings are
  /// skipped.
  public func enqueueKeys(_ keys: String...) {
    pendingEvents.append(contentsOf: keys.compactMap { KeyEvent(canonical: $0).map { .key($0) } })
  }

  /// Delivers the next queued event at once, or nil (a timeout) when the queue is empty.
  public func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
    requestedTimeouts.append(milliseconds)
    guard !pendingEvents.isEmpty else { return nil }
    let event = pendingEvents.removeFirst()
    if case .resized(let newSize) = event { size = newSize }
    return event
  }

  /// Records the surface.
  public func draw(_ surface: Surface) {
    drawnSurfaces.append(surface)
  }

  /// Counts the bell.
  public func bell() {
    bellCount += 1
  }

  /// The child processes the program asked to run, oldest first.
  public private(set) var childRuns: [[String]] = []
  /// Stands in for a child process: gets its arguments, returns its status (nil: it could not
  /// start). Without one, a child exits 0 at once.
  public var childHandler: (([String]) -> Int32?)?

  /// Records the run and lets ``childHandler`` play the child.
  public func runChild(_ arguments: [String]) -> Int32? {
    childRuns.append(arguments)
    return childHandler.map { $0(arguments) } ?? 0
  }
}
