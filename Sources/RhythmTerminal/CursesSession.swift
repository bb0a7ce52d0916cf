import CNCurses
import Foundation

/// The ncurses lifetime: locale, `newterm`, modes and colours on start; `endwin` on end; and
/// the signals in between.
///
/// Signal handlers only record what arrived (``TerminalSignals``); the event loop acts on it:
/// SIGINT, SIGTERM and SIGHUP become ``TerminalEvent/quitRequested``, so the loop returns and
/// the `defer` around it restores the terminal (``TerminalApp/exitIfEndedBySignal()`` then gives
/// the process the status the signal implies); ctrl+z (SIGTSTP) ends curses, stops the process
/// and, once it is continued, repaints everything (``handleSuspendAndContinue()``). An `atexit`
/// hook restores the terminal as a last resort if the process exits while curses is active.
/// Swift traps cannot be caught; after one, `reset` or `stty sane` repairs the terminal.
public final class CursesSession {
  /// Colour pairs for this terminal (monochrome when colour is off).
  public internal(set) var colors: ColorPairAllocator
  /// The options the session started with.
  public let options: TerminalOptions

  /// True when cells are drawn with ASCII stand-ins (``ASCIIFallback``): no UTF-8 locale could
  /// be set, or the options ask for it.
  public let drawsASCII: Bool

  private let screen: OpaquePointer
  private var isEnded = false

  /// Tried in order when the user's locale is not UTF-8 (STYLE.md 4.4).
  static let fallbackLocales = ["C.UTF-8", "en_US.UTF-8"]

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
    // Under LANG=C, wget_wch stalls on "é" (STYLE.md 4.4); terminals are UTF-8 nearly always.
    for fallback in CursesSession.fallbackLocales where cw_locale_is_utf8() == 0 {
      setlocale(LC_CTYPE, fallback)
    }
    let drawsASCII = cw_locale_is_utf8() == 0 || options.drawsASCII(environment: environment)

    // Before newterm, so that ncurses does not install handlers of its own.
    TerminalSignals.install()
    guard let screen = cw_newterm_stdio(nil) else {
      TerminalSignals.uninstall()
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
    // ncurses 6.4 writes its buffer out at every cursor move of a refresh until curses mode
    // has been left and resumed once (it flushes while the screen is "initial"): a 160x48
    // frame went to the terminal in ~60 writes. Leaving now, before anything is drawn, and
    // resuming with the first refresh (as after ctrl+z) sends each frame in one write.
    def_prog_mode()
    endwin()

    self.screen = screen
    self.options = options
    self.colors = allocator
    self.drawsASCII = drawsASCII
  }

  deinit {
    end()
  }

  /// True once SIGINT, SIGTERM or SIGHUP arrived (or ``requestQuit()`` was called).
  public var isQuitRequested: Bool {
    TerminalSignals.quit.load(ordering: .sequentiallyConsistent) != 0
  }

  /// The signal that asked the event loop to stop, if one did.
  public var quitSignal: Int32? { TerminalSignals.quitSignal }

  /// Asks the event loop to stop, as a signal would.
  public func requestQuit() {
    TerminalSignals.requestQuit()
  }

  /// Restores the terminal (`endwin`) and the default signal actions; safe to call twice.
  public func end() {
    guard !isEnded else { return }
    isEnded = true
    endwin()
    delscreen(screen)
    TerminalSignals.uninstall()
  }

  /// Acts on ctrl+z and on a continue; call it from the event loop.
  ///
  /// After ctrl+z (SIGTSTP) it leaves curses mode (the shell gets its screen and cooked mode
  /// back), stops the process as SIGTSTP would, and once continued (`fg`) repaints the whole
  /// screen. After a SIGCONT it did not ask for (`kill -STOP`, then `kill -CONT`) it repaints
  /// too. Either way it then has ncurses check the window size, which may have changed while
  /// another program had the terminal: a change arrives as a resize event.
  /// - Returns: true when the screen was repainted.
  public func handleSuspendAndContinue() -> Bool {
    var repainted = false
    if TerminalSignals.suspend.exchange(false, ordering: .sequentiallyConsistent) {
      def_prog_mode()
      endwin()
      cw_raise_default(SIGTSTP)  // returns once continued
      repaint()
      repainted = true
    }
    if TerminalSignals.continued.exchange(false, ordering: .sequentiallyConsistent) {
      if !repainted { repaint() }
      repainted = true
    }
    return repainted
  }

  /// Back to curses mode and everything drawn again from what the screen should hold.
  func repaint() {
    reset_prog_mode()
    clearok(cw_stdscr(), true)
    wrefresh(cw_stdscr())
    // A resize while stopped signalled the shell's process group, not ours: ncurses' own
    // SIGWINCH handler only records it, and the next read compares the size.
    kill(getpid(), SIGWINCH)
  }

  // MARK: - Exit

  /// Registers, once, an exit hook that ends curses if the process exits while it is active.
  private static let registerExitHook: Void = {
    atexit {
      if !isendwin() { endwin() }
    }
  }()
}
