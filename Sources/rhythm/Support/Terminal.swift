import Foundation
import RhythmCore

/// Writing to the user's terminal from commands.
enum Terminal {
  /// Writes `message` and a newline to standard error, inert (`InertText.visibleLines`): an
  /// error may quote store text.
  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((InertText.visibleLines(message) + "\n").utf8))
  }

  /// Writes `message` to standard error and exits with `status`.
  static func fail(_ message: String, status: Int32) -> Never {
    printError(message)
    exit(status)
  }
}
