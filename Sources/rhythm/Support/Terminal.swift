import Foundation

/// Writing to the user's terminal from commands.
enum Terminal {
  /// Writes `message` and a newline to standard error.
  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// Writes `message` to standard error and exits with `status`.
  static func fail(_ message: String, status: Int32) -> Never {
    printError(message)
    exit(status)
  }
}
