import ArgumentParser
import Foundation
import RhythmCore
import RhythmTerminal

/// The entry point: runs the command and turns every error into one line and an exit status
/// (0 ok, 1 a user error, 2 a usage error; 128 + the signal when SIGTERM or SIGHUP ended the
/// cockpit).
@main
enum Main {
  static func main() {
    do {
      var command = try Rhythm.parseAsRoot()
      try command.run()
      // A cockpit ended by SIGTERM or SIGHUP exits as that signal would (143, 129), now that
      // the terminal is restored and the command has cleaned up.
      TerminalApp.exitIfEndedBySignal()
    } catch let error as RhythmError {
      Terminal.fail("rhythm: \(error)", status: 1)
    } catch {
      let code = Rhythm.exitCode(for: error)
      if code == .success {
        Output.lines(Rhythm.fullMessage(for: error) + "\n")
        exit(0)
      }
      Terminal.fail(Rhythm.fullMessage(for: error), status: 2)
    }
  }
}
