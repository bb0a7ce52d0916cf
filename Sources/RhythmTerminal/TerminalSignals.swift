import CNCurses
import Foundation
import Synchronization

/// The signals the cockpit handles while curses is active, and what arrived that the event loop
/// has not dealt with yet.
///
/// The handler only stores into atomics (async-signal-safe); ending curses, stopping and
/// repainting happen on the event loop's thread. Not `DispatchSource`: on Linux, libdispatch
/// reroutes a signal that lands on the main thread by blocking *every* signal on that thread,
/// SIGWINCH included, so after a first ctrl+z ncurses would never hear of a resize again.
/// Installing handlers before `newterm` also keeps ncurses from installing its own, which end
/// curses from inside the signal on whatever thread it lands on.
enum TerminalSignals {
  /// Signals that end the cockpit. SIGINT is ctrl+c, the quit key (status 0); SIGTERM and
  /// SIGHUP end it as they end any program (status 128 + the signal).
  static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// Every signal handled while curses is active: ctrl+z (SIGTSTP) suspends to the shell, and a
  /// SIGCONT (`fg`, or `kill -CONT` after `kill -STOP`) repaints the screen.
  static let handled: [Int32] = quitSignals + [SIGTSTP, SIGCONT]

  /// The first quit signal that arrived; 0 for none, -1 for a quit asked for by the program.
  static let quit = Atomic<Int32>(0)
  /// True once ctrl+z (SIGTSTP) arrived and the process has not stopped yet.
  static let suspend = Atomic<Bool>(false)
  /// True once SIGCONT arrived and the screen has not been repainted yet.
  static let continued = Atomic<Bool>(false)

  /// Forgets earlier signals and installs the handler for every signal in ``handled``.
  static func install() {
    quit.store(0, ordering: .sequentiallyConsistent)
    suspend.store(false, ordering: .sequentiallyConsistent)
    continued.store(false, ordering: .sequentiallyConsistent)
    for number in handled { _ = cw_catch_signal(number, recordSignal) }
  }

  /// Gives every signal in ``handled`` its default action back (what is recorded stays).
  static func uninstall() {
    for number in handled { cw_default_signal(number) }
  }

  /// Records a quit asked for without a signal, unless a signal came first.
  static func requestQuit() {
    _ = quit.compareExchange(expected: 0, desired: -1, ordering: .sequentiallyConsistent)
  }

  /// The quit signal that arrived, if one did.
  static var quitSignal: Int32? {
    let value = quit.load(ordering: .sequentiallyConsistent)
    return value > 0 ? value : nil
  }
}

/// The signal handler: records the signal and returns (nothing else is safe in a handler).
private func recordSignal(_ number: Int32) {
  switch number {
  case SIGTSTP:
    TerminalSignals.suspend.store(true, ordering: .sequentiallyConsistent)
  case SIGCONT:
    TerminalSignals.continued.store(true, ordering: .sequentiallyConsistent)
  default:
    _ = TerminalSignals.quit.compareExchange(
      expected: 0, desired: number, ordering: .sequentiallyConsistent)
  }
}
