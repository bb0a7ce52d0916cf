import Foundation

/// Finds the built `rhythm` executable that the end-to-end tests run.
///
/// In order: `RHYTHM_BINARY`; `rhythm` next to the running test bundle (so
/// `swift test --scratch-path .build-x` uses the binary of the same build); then
/// `<package root>/.build/debug/rhythm`, the package root found from this file's path.
enum RhythmBinary {
  /// No binary where one was looked for.
  struct Missing: Error, CustomStringConvertible {
    let searched: [String]

    var description: String {
      "build first: swift build (no rhythm executable at \(searched.joined(separator: ", ")))"
    }
  }

  /// The package root: three folders up from `Tests/EndToEndTests/Support/RhythmBinary.swift`.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The path of the binary.
  /// - Throws: `Missing` when there is none (the message says to build first).
  static func path() throws -> String {
    try located.get()
  }

  private static let located: Result<String, Missing> = {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["RHYTHM_BINARY"], !explicit.isEmpty {
      return isExecutable(explicit) ? .success(explicit) : .failure(Missing(searched: [explicit]))
    }
    let candidates = [
      besideTests(), packageRoot.appendingPathComponent(".build/debug/rhythm").path,
    ]
    .compactMap { $0 }
    if let found = candidates.first(where: isExecutable) { return .success(found) }
    return .failure(Missing(searched: candidates))
  }()

  /// `rhythm` in the folder of the running test executable, when that is a build folder.
  private static func besideTests() -> String? {
    guard let executable = Bundle.main.executableURL else { return nil }
    var folder = executable.deletingLastPathComponent()
    // On Linux the tests run from `<build>/debug/<Package>PackageTests.xctest`; on macOS the
    // executable sits inside the bundle (`….xctest/Contents/MacOS/`).
    while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
    return folder.appendingPathComponent("rhythm").path
  }

  private static func isExecutable(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      && !isFolder.boolValue && FileManager.default.isExecutableFile(atPath: path)
  }
}
