import CNCurses
import Foundation

// MARK: - Handing the terminal to a child process ($EDITOR)

extension CursesSession {
  /// Leaves curses mode (STYLE.md 4.10: `def_prog_mode`, `endwin`), runs `body` (which starts
  /// a child on the terminal and waits for it), then comes back and repaints everything; a
  /// size change meanwhile arrives as a resize on the next read.
  ///
  /// ctrl+c and ctrl+z typed in the child reach our process group too: they were meant for the
  /// child, so the quit and suspend they recorded are forgotten. SIGTERM and SIGHUP still end
  /// the cockpit once the child is done.
  public func runOutside<Result>(_ body: () -> Result) -> Result {
    let quitBefore = TerminalSignals.quit.load(ordering: .sequentiallyConsistent)
    def_prog_mode()
    endwin()
    let result = body()
    if quitBefore == 0 {
      _ = TerminalSignals.quit.compareExchange(
        expected: SIGINT, desired: 0, ordering: .sequentiallyConsistent)
    }
    TerminalSignals.suspend.store(false, ordering: .sequentiallyConsistent)
    repaint()
    return result
  }
}
