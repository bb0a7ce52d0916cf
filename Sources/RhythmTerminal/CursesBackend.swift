import CNCurses
import Dispatch
import RhythmUI

/// The ncurses ``TerminalBackend``: decodes input and draws only the cells that changed.
///
/// Use it from one thread only (ncurses is not thread-safe).
public final class CursesBackend: TerminalBackend {
  /// The running session.
  public let session: CursesSession
  private let decoder = CursesKeyDecoder()
  private var previous: Surface?
  private var needsFullRedraw = true
  private var earlyErrorCount = 0
  /// The style of the last cell written, with its colour pair and attributes.
  private var lastStyle: Style?
  private var lastPair: Int32 = 0
  private var lastAttributes = cw_a_normal()
  /// The grapheme being written, as ncurses takes it: up to `scalarsPerCell` wide
  /// characters, then a zero.
  private var characters = [wchar_t](repeating: 0, count: scalarsPerCell + 1)

  /// The most scalars of a grapheme a cell passes on (ncurses keeps 5 per cell).
  static let scalarsPerCell = 5

  /// After this many reads in a row that fail at once instead of waiting, the terminal is
  /// taken as gone (STYLE.md 4.5: a killed tmux pane made wget_wch return ERR in a loop).
  static let earlyErrorLimit = 100
  /// The longest single wait, so a quit request is seen promptly.
  static let pollSlice = 100

  /// Creates the backend for a started session.
  public init(session: CursesSession) {
    self.session = session
  }

  /// The terminal's current size.
  public var size: Size {
    Size(width: Int(getmaxx(cw_stdscr())), height: Int(getmaxy(cw_stdscr())))
  }

  // MARK: - Input

  /// Waits up to `milliseconds` for input, a resize or a quit request.
  public func nextEvent(timeout milliseconds: Int) -> TerminalEvent? {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, milliseconds)) * 1_000_000
    while true {
      if session.isQuitRequested { return .quitRequested }
      // After a suspend the screen is repainted from what ncurses holds, which is this
      // backend's last frame; a size change arrives as a resize on a later read.
      _ = session.handleSuspendAndContinue()
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline || milliseconds <= 0 else { return nil }
      let wait = milliseconds <= 0 ? 0 : min(Self.pollSlice, Int((deadline - now) / 1_000_000) + 1)
      let started = DispatchTime.now().uptimeNanoseconds
      let input = read(timeout: wait)
      if input == .timeout {
        let waited = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        if wait > 0 && waited < UInt64(wait / 2) {
          earlyErrorCount += 1
          if earlyErrorCount >= Self.earlyErrorLimit { return .quitRequested }
        } else {
          earlyErrorCount = 0
        }
        if milliseconds <= 0 { return nil }
        continue
      }
      earlyErrorCount = 0
      switch decoder.decode(input, readWithoutWaiting: { read(timeout: 0) }) {
      case .key(let key):
        return .key(key)
      case .resize:
        previous = nil
        needsFullRedraw = true
        return .resized(size)
      case .timeout, .unknown:
        continue
      }
    }
  }

  private func read(timeout milliseconds: Int) -> CursesKeyDecoder.RawInput {
    wtimeout(cw_stdscr(), Int32(milliseconds))
    var character: wint_t = 0
    let status = wget_wch(cw_stdscr(), &character)
    switch status {
    case OK: return .character(UInt32(character))
    case KEY_CODE_YES: return .keyCode(Int32(character))
    default: return .timeout
    }
  }

  // MARK: - Output

  /// Draws the cells that differ from the previous frame (all of them after a resize), then
  /// updates the screen once.
  public func draw(_ surface: Surface) {
    let screenSize = size
    let isFull = needsFullRedraw || previous?.size != surface.size
    if isFull {
      werase(cw_stdscr())
      clearok(cw_stdscr(), true)
    }
    let height = min(surface.size.height, screenSize.height)
    let width = min(surface.size.width, screenSize.width)
    for y in 0..<max(0, height) {
      for x in 0..<max(0, width) {
        let cell = surface[x, y]
        if cell.isContinuation && !session.drawsASCII { continue }
        if !isFull, let previous, previous[x, y] == cell { continue }
        write(cell, x: x, y: y)
      }
    }
    previous = surface
    needsFullRedraw = false
    wnoutrefresh(cw_stdscr())
    doupdate()
  }

  /// Writes one cell (in ASCII stand-ins when the session draws ASCII, where the right half of
  /// a wide grapheme is drawn too); the ERR from the bottom-right cell (the cursor cannot wrap)
  /// is expected and ignored, as are the others: a cell that cannot be drawn is left out.
  ///
  /// A frame writes thousands of cells: the grapheme goes through a buffer kept for it (no
  /// array per cell), and a run of cells in one style looks its pair up once.
  private func write(_ cell: Cell, x: Int, y: Int) {
    let style = cell.style
    if style != lastStyle {
      let allocation = session.colors.allocate(
        foreground: style.foreground, background: style.background)
      if allocation.isNew {
        init_extended_pair(allocation.pair, allocation.foreground, allocation.background)
      }
      lastStyle = style
      lastPair = allocation.pair
      lastAttributes = attributes(of: style)
    }
    let shown =
      !session.drawsASCII
      ? cell.text
      : cell.isContinuation ? ASCIIFallback.continuation : ASCIIFallback.text(for: cell.text)
    var count = 0
    for scalar in shown.unicodeScalars.prefix(Self.scalarsPerCell) {
      characters[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    if count == 0 {
      characters[0] = 0x20
      count = 1
    }
    characters[count] = 0
    _ = cw_mvadd_cell(Int32(y), Int32(x), characters, lastAttributes, lastPair)
  }

  private func attributes(of style: Style) -> attr_t {
    var bits = cw_a_normal()
    let attributes = style.attributes
    if attributes.contains(.bold) { bits |= cw_a_bold() }
    if attributes.contains(.dim) { bits |= cw_a_dim() }
    if attributes.contains(.italic) { bits |= cw_a_italic() }
    if attributes.contains(.underline) { bits |= cw_a_underline() }
    if attributes.contains(.reverse) { bits |= cw_a_reverse() }
    return bits
  }

  /// Rings the bell.
  public func bell() {
    beep()
  }

  /// Runs a child process on the terminal (out of curses mode); the next frame is drawn whole.
  public func runChild(_ arguments: [String]) -> Int32? {
    let status = session.runOutside { ChildProcess.run(arguments) }
    previous = nil
    needsFullRedraw = true
    return status
  }
}
