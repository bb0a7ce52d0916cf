import Foundation

/// Long text written in the user's editor: a temporary file holding the text, the editor run
/// on it as a child process (through the backend, which hands it the terminal), and the file
/// read back.
public struct ExternalEditor: Sendable {
  /// The shell command of the editor (`$EDITOR`, which may hold arguments: `code -w`).
  public var command: String

  /// An editor running `command`.
  public init(command: String) {
    self.command = command
  }

  /// `$EDITOR` when set and not blank, else `vi`.
  public static func command(environment: [String: String]) -> String {
    let editor = environment["EDITOR"]?.trimmingCharacters(in: .whitespaces) ?? ""
    return editor.isEmpty ? "vi" : editor
  }

  /// Writes `text` to a private temporary file, runs the editor on it with `run` (which gets
  /// `/bin/sh -c 'COMMAND "$1"' sh FILE` and returns the exit status, nil when it could not
  /// start), reads the file back and removes it.
  /// - Returns: the text the file holds after a status 0, or why nothing is to be saved.
  public func edit(_ text: String, run: ([String]) -> Int32?) -> EditorOutcome {
    let folder = FileManager.default.temporaryDirectory
    let file = folder.appendingPathComponent("rhythm-\(UUID().uuidString).txt")
    let contents = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    guard
      FileManager.default.createFile(
        atPath: file.path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600])
    else {
      return .failed("could not write a temporary file in \(folder.path)")
    }
    defer { try? FileManager.default.removeItem(at: file) }
    let status = run(["/bin/sh", "-c", command + " \"$1\"", "sh", file.path])
    guard let status else { return .failed("could not start the editor (\(command))") }
    guard status == 0 else {
      return .failed("the editor (\(command)) exited with status \(status)")
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return .failed("the editor (\(command)) removed the file")
    }
    guard let written = String(data: data, encoding: .utf8) else {
      return .failed("the file is not UTF-8 text")
    }
    return .saved(written)
  }
}
