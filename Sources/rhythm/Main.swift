import ArgumentParser
import Foundation
import RhythmCore

/// The entry point: runs the command and turns every error into one line and an exit status
/// (0 ok, 1 a user error, 2 a usage error).
@main
enum Main {
  static func main() {
    do {
      var command = try Rhythm.parseAsRoot()
      try command.run()
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
