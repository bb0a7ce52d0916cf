import CNCurses
import Dispatch
import Foundation
import Synchronization

/// The ncurses lifetime: locale, `newterm`, modes and colours on start; `endwin` on end.
///
/// Signals (SIGINT, SIGTERM, SIGHUP) never run code in a raw handler: they are ignored at the
/// C level and observed through `DispatchSource`s, which only set ``isQuitRequested``; the
/// event loop turns that into ``TerminalEvent/quitRequested`` and returns, so the `defer`
/// around the loop restores the terminal. An `atexit` hook restores it as a last resort if the
/// process exits while curses is active. Swift traps cannot be caught; after one, `reset` or
/// `stty sane` repairs the terminal.
public final class CursesSession {
  /// Colour pairs for this terminal (monochrome when colour is off).
  public internal(set) var colors: ColorPairAllocator
  /// The options the session started with.
  public let options: TerminalOptions

  private let screen: OpaquePointer
  private let quitFlag: QuitFlag
  private var signalSources: [any DispatchSourceSignal]
  private var isEnded = false

  private static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Checks, before touching curses, that a full-screen terminal is possible.
  /// - Throws: ``TerminalError`` when stdin or stdout is not a TTY, or TERM is unset or dumb.
  public static func checkEnvironment(
    _ environment: [String: String], isInputTerminal: Bool, isOutputTerminal: Bool
  ) throws(TerminalError) {
    guard isInputTerminal, isOutputTerminal else { throw .notATerminal }
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty else { throw .missingTerminalType }
    guard term != "dumb" else { throw .dumbTerminal }
  }

  /// Starts curses on the process's terminal (STYLE.md 4.3 order).
  /// - Throws: ``TerminalError`` when there is no usable terminal; nothing is left changed then.
  public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
    let environment = ProcessInfo.processInfo.environment
    try CursesSession.checkEnvironment(
      environment, isInputTerminal: isatty(STDIN_FILENO) == 1,
      isOutputTerminal: isatty(STDOUT_FILENO) == 1)

    setlocale(LC_ALL, "")
    if cw_locale_is_utf8() == 0 {
      // Under LANG=C, wget_wch stalls on "é" (STYLE.md 4.4).
      setlocale(LC_CTYPE, "C.UTF-8")
    }

    // Ignoring the signals before newterm also stops ncurses installing its own handlers,
    // which would call endwin and exit from inside the signal.
    let flag = QuitFlag()
    var sources: [any DispatchSourceSignal] = []
    for number in CursesSession.handledSignals {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: CursesSession.signalQueue)
      source.setEventHandler { flag.request() }
      source.resume()
      sources.append(source)
    }

    guard let screen = cw_newterm_stdio(nil) else {
      CursesSession.restoreSignals(sources)
      throw .unknownTerminal(environment["TERM"] ?? "")
    }
    CursesSession.registerExitHook

    cbreak()
    noecho()
    nonl()
    keypad(cw_stdscr(), true)
    curs_set(0)
    set_escdelay(Int32(options.escapeDelay))

    var allocator = ColorPairAllocator(colorCount: 0, pairCount: 0, isColorEnabled: false)
    if options.usesColor(environment: environment) && has_colors() {
      start_color()
      use_default_colors()
      allocator = ColorPairAllocator(
        colorCount: Int(cw_colors()), pairCount: Int(cw_color_pairs()))
    }
    wtimeout(cw_stdscr(), 250)

    self.screen = screen
    self.options = options
    self.colors = allocator
    self.quitFlag = flag
    self.signalSources = sources
  }

  deinit {
    end()
  }

  /// True once SIGINT, SIGTERM or SIGHUP arrived (or ``requestQuit()`` was called).
  public var isQuitRequested: Bool { quitFlag.isRequested }

  /// Asks the event loop to stop, as a signal would.
  public func requestQuit() {
    quitFlag.request()
  }

  /// Restores the terminal (`endwin`) and the default signal actions; safe to call twice.
  public func end() {
    guard !isEnded else { return }
    isEnded = true
    endwin()
    delscreen(screen)
    CursesSession.restoreSignals(signalSources)
    signalSources = []
  }

  // MARK: - Signals and exit

  private static let signalQueue = DispatchQueue(label: "rhythm.terminal.signals")

  private static func restoreSignals(_ sources: [any DispatchSourceSignal]) {
    for source in sources { source.cancel() }
    for number in handledSignals { signal(number, SIG_DFL) }
  }

  /// Registers, once, an exit hook that ends curses if the process exits while it is active.
  private static let registerExitHook: Void = {
    atexit {
      if !isendwin() { endwin() }
    }
  }()
}

/// A flag the signal sources set and the event loop reads.
final class QuitFlag: Sendable {
  private let value = Atomic<Bool>(false)

  /// Sets the flag.
  func request() {
    value.store(true, ordering: .sequentiallyConsistent)
  }

  /// Reads the flag.
  var isRequested: Bool { value.load(ordering: .sequentiallyConsistent) }
}
