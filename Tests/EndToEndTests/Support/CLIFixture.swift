import Foundation
import Testing

/// One test's world: a temporary folder (removed afterwards) holding a store path, a home and a
/// data folder, and `rhythm` run in a fixed environment: `RHYTHM_NOW=2026-11-25T09:00:00Z`,
/// `TZ=UTC`, `RHYTHM_USER=tester`, `RHYTHM_STORE` pointing at the store. Nothing is inherited
/// from the machine but `PATH`.
final class CLIFixture {
  /// The fixed "now" of every run.
  static let now = "2026-11-25T09:00:00Z"

  /// The temporary folder.
  let root: String
  /// Where the store lives (not created until `rhythm init`).
  let store: String
  let binary: String

  init() throws {
    binary = try RhythmBinary.path()
    root =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("rhythm-e2e-" + UUID().uuidString).path
    store = root + "/store"
    try FileManager.default.createDirectory(
      atPath: root + "/home", withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: root)
  }

  /// The environment every run gets, before a test's changes.
  var environment: [String: String] {
    [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": root + "/home",
      "XDG_DATA_HOME": root + "/data",
      "TZ": "UTC",
      "RHYTHM_NOW": Self.now,
      "RHYTHM_USER": "tester",
      "RHYTHM_STORE": store,
    ]
  }

  /// The environment with `changes` applied (a `nil` value removes the variable).
  func environment(_ changes: [String: String?]) -> [String: String] {
    var environment = environment
    for (key, value) in changes { environment[key] = value }
    return environment
  }

  /// Runs `rhythm arguments…` to its end.
  func run(
    _ arguments: [String], env: [String: String?] = [:], stdin: String? = nil
  ) throws -> ProcessResult {
    try runProcess(binary, arguments, environment: environment(env), stdin: stdin)
  }

  /// Runs `rhythm arguments…` to its end.
  func run(_ arguments: String..., env: [String: String?] = [:]) throws -> ProcessResult {
    try run(arguments, env: env)
  }

  /// Runs `rhythm arguments…`, which must succeed quietly (exit 0, nothing on stderr); returns
  /// its standard output.
  @discardableResult
  func succeed(
    _ arguments: String..., env: [String: String?] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try run(arguments, env: env)
    try #require(
      result.status == 0 && result.stderr.isEmpty,
      "rhythm \(arguments.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// Creates the store and the people given (`rhythm init`, `rhythm person add`).
  func makeStore(people: [String] = ["maria"]) throws {
    try succeed("init")
    for handle in people { try succeed("person", "add", handle) }
  }

  /// Adds a step; returns the short id `rhythm` printed.
  @discardableResult
  func addStep(
    _ text: String, _ options: String..., sourceLocation: SourceLocation = #_sourceLocation
  )
    throws -> String
  {
    let result = try run(["step", "add", text] + options)
    try #require(
      result.status == 0 && result.stderr.isEmpty, "step add \(text): \(result)",
      sourceLocation: sourceLocation)
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `rhythm step list --json` (plus `options`), decoded.
  func steps(_ options: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [StepJSON]
  {
    let result = try run(["step", "list", "--json"] + options)
    try #require(result.status == 0, "step list: \(result)", sourceLocation: sourceLocation)
    return try JSONDecoder().decode([StepJSON].self, from: Data(result.stdout.utf8))
  }

  /// Standard output parsed as JSON (objects as `[String: Any]`, arrays as `[Any]`).
  func json(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Any
  {
    try json(arguments, sourceLocation: sourceLocation)
  }

  /// Standard output parsed as JSON, for arguments built as an array.
  func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any
  {
    let result = try run(arguments)
    try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
    return try JSONSerialization.jsonObject(
      with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
  }

  /// The store's files.
  var snapshotPath: String { store + "/store.json" }
  var journalFolder: String { store + "/journal" }

  /// The journal files (one per device), full paths.
  func journals() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: journalFolder)
      .filter { $0.hasSuffix(".jsonl") }.sorted().map { journalFolder + "/" + $0 }
  }
}

/// One step as `rhythm step list --json` prints it.
struct StepJSON: Decodable, Equatable {
  let id: String
  let short: String
  let title: String
  let owner: String
  let due: String
  let status: String
  let success: String?
  let createdAt: String
  let completedAt: String?
  let review: String?
  let tags: [String]
  let topic: String?
}
