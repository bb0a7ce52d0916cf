import RhythmTestSupport
import Testing

@testable import RhythmUI

/// Renders `state` and compares it with a golden file under the calling test's suite.
func assertSnapshotOfState(
  _ state: AppState, named name: String, fileID: String = #fileID, filePath: String = #filePath,
  line: Int = #line, column: Int = #column
) {
  assertSnapshot(
    Screen.render(state), named: name, fileID: fileID, filePath: filePath, line: line,
    column: column)
}
