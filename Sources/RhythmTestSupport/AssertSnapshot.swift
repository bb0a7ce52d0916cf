import Foundation
import RhythmUI
import Testing

/// Compares `surface`'s snapshot text with a golden file next to the calling test.
///
/// The file is `Tests/<Target>/__Snapshots__/<Suite>/<name>.txt`, where `<Target>` is the
/// test target folder holding the calling file and `<Suite>` defaults to the calling file's
/// name without `.swift`. When the file is missing, or `RECORD_SNAPSHOTS=1` is set, the
/// snapshot is written and the test fails saying so (re-run to compare). Otherwise a mismatch
/// is recorded as an issue with a line diff.
/// - Parameters:
///   - surface: The rendered surface.
///   - name: The snapshot's file name, without `.txt`.
///   - suite: The folder under `__Snapshots__`; the calling file's name when nil.
public func assertSnapshot(
  _ surface: Surface, named name: String, suite: String? = nil,
  fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
  column: Int = #column
) {
  let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
  let actual = surface.snapshotText()
  let testFile = URL(fileURLWithPath: filePath)
  let suiteName = suite ?? testFile.deletingPathExtension().lastPathComponent
  guard let targetFolder = SnapshotFile.targetFolder(of: testFile) else {
    Issue.record(
      "assertSnapshot: \(filePath) is not under a Tests/<Target>/ folder",
      sourceLocation: location)
    return
  }
  let golden = targetFolder.appendingPathComponent("__Snapshots__")
    .appendingPathComponent(suiteName).appendingPathComponent("\(name).txt")
  let isRecording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  let expected = try? String(contentsOf: golden, encoding: .utf8)
  guard let expected, !isRecording else {
    record(actual, to: golden, location: location)
    return
  }
  guard expected != actual else { return }
  let diff = SnapshotFile.lineDiff(expected: expected, actual: actual)
  let message =
    "Snapshot \(name) differs from \(golden.path) (- expected, + actual):\n\(diff)\n"
    + "Re-run with RECORD_SNAPSHOTS=1 to accept the new rendering."
  Issue.record(Comment(rawValue: message), sourceLocation: location)
}

/// Writes a snapshot and records the issue that says so.
private func record(_ text: String, to golden: URL, location: SourceLocation) {
  do {
    try FileManager.default.createDirectory(
      at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: golden, atomically: true, encoding: .utf8)
    Issue.record(
      "Recorded snapshot \(golden.path); check it, then re-run without RECORD_SNAPSHOTS",
      sourceLocation: location)
  } catch {
    Issue.record("Could not record snapshot \(golden.path): \(error)", sourceLocation: location)
  }
}

/// Path and diff helpers for ``assertSnapshot(_:named:suite:fileID:filePath:line:column:)``.
enum SnapshotFile {
  /// The `Tests/<Target>` folder above `file`, if any.
  static func targetFolder(of file: URL) -> URL? {
    var folder = file.deletingLastPathComponent()
    while folder.pathComponents.count > 1 {
      if folder.deletingLastPathComponent().lastPathComponent == "Tests" { return folder }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// The lines that differ, numbered, as `-` expected and `+` actual; equal lines omitted.
  static func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    for index in 0..<max(old.count, new.count) {
      let before = index < old.count ? String(old[index]) : nil
      let after = index < new.count ? String(new[index]) : nil
      guard before != after else { continue }
      let number = String(index + 1)
      let gutter = String(repeating: " ", count: max(0, 4 - number.count)) + number
      if let before { output.append("\(gutter) - \(before)") }
      if let after { output.append("\(gutter) + \(after)") }
    }
    return output.joined(separator: "\n")
  }
}
