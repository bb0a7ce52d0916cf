import Foundation
import Testing

extension ProcessResult {
  /// Checks a user error: exit 1, nothing on stdout, exactly one line `rhythm: …` on stderr that
  /// contains every one of `fragments`.
  func expectUserError(
    _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(status == 1, "exit status: \(self)", sourceLocation: sourceLocation)
    #expect(stdout.isEmpty, "stdout: \(self)", sourceLocation: sourceLocation)
    #expect(stderrLines.count == 1, "one line on stderr: \(self)", sourceLocation: sourceLocation)
    #expect(stderr.hasPrefix("rhythm: "), "stderr prefix: \(self)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(
        stderr.contains(fragment), "'\(fragment)' in: \(self)", sourceLocation: sourceLocation)
    }
  }

  /// Checks a usage error: exit 2, nothing on stdout, something on stderr.
  func expectUsageError(sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(status == 2, "exit status: \(self)", sourceLocation: sourceLocation)
    #expect(stdout.isEmpty, "stdout: \(self)", sourceLocation: sourceLocation)
    #expect(!stderr.isEmpty, "stderr: \(self)", sourceLocation: sourceLocation)
  }
}

/// Reads a JSON object out of `Any` (what `JSONSerialization` gives).
func object(_ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String:
  Any]
{
  try #require(
    value as? [String: Any], "not a JSON object: \(String(describing: value))",
    sourceLocation: sourceLocation)
}

/// Reads a JSON array out of `Any`.
func array(_ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Any] {
  try #require(
    value as? [Any], "not a JSON array: \(String(describing: value))",
    sourceLocation: sourceLocation)
}
