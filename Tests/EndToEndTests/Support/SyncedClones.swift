import Foundation
import Testing

/// A bare git remote and clones of it, each a Rhythm store on its own device with its own
/// clock, for tests of `rhythm sync`.
///
/// The first clone makes the store and publishes it the way `rhythm sync --help` says (`rhythm
/// init`, `git init`, `git remote add origin`, `rhythm sync`); the others take it as a team mate
/// would: `git clone`, then `rhythm … --store CLONE`. Git reads no global or system settings
/// (`HOME` is the fixture's, `GIT_CONFIG_NOSYSTEM`): each repository gets its own `user.name`
/// and `user.email`. Each clone's device id is fixed (`clone1`, …), so a seeded scenario makes
/// the same stamps on every run.
final class SyncedClones {
  /// One clone: its folder, the person working there, and its clock (`RHYTHM_NOW`, in
  /// milliseconds since 1970), which the test moves.
  struct Clone {
    let folder: String
    let person: String
    var millis: Int64
  }

  let fixture: CLIFixture
  /// The bare repository every clone pulls from and pushes to.
  let remote: String
  private(set) var clones: [Clone] = []
  /// Said in every failure (the seed of a randomized test).
  var note = ""

  /// Makes the remote, the first clone's store with `people`, publishes it, and clones it for
  /// the others. `clocks` holds each clone's starting clock; the first clone makes the store.
  init(_ fixture: CLIFixture, people: [String], clocks: [Int64]) throws {
    self.fixture = fixture
    remote = fixture.root + "/origin.git"
    try git(["init", "--quiet", "--bare", remote])
    for (index, millis) in clocks.enumerated() {
      let person = people[index % people.count]
      if index == 0 {
        clones.append(Clone(folder: fixture.root + "/clone1", person: person, millis: millis))
        try succeed(0, "init")
        try setDevice(of: 0)
        for handle in people { try succeed(0, "person", "add", handle) }
        try git(["init", "--quiet", clones[0].folder])
        try configure(0)
        try git(0, "remote", "add", "origin", remote)
        try sync(0)
      } else {
        try cloneRemote(person: person, millis: millis)
      }
    }
  }

  /// A new clone of the remote (`git clone`, its own git identity and device id); returns its
  /// index.
  @discardableResult
  func cloneRemote(person: String, millis: Int64) throws -> Int {
    let index = clones.count
    clones.append(
      Clone(folder: fixture.root + "/clone\(index + 1)", person: person, millis: millis))
    try git(["clone", "--quiet", remote, clones[index].folder])
    try configure(index)
    try setDevice(of: index)
    return index
  }

  /// A copy of clone `index`'s folder, every file as it is (caches included); returns the
  /// copy's index.
  func copy(of index: Int) throws -> Int {
    let original = clones[index]
    let copy = Clone(
      folder: fixture.root + "/copy-of-clone\(index + 1)", person: original.person,
      millis: original.millis)
    try FileManager.default.copyItem(atPath: clones[index].folder, toPath: copy.folder)
    clones.append(copy)
    return clones.count - 1
  }

  /// Moves clone `index`'s clock by `millis` (backwards too).
  func advance(_ index: Int, by millis: Int64) {
    clones[index].millis += millis
  }

  /// Sets every clone's clock to `millis`.
  func setClocks(to millis: Int64) {
    for index in clones.indices { clones[index].millis = millis }
  }

  /// The environment of a `rhythm` run in clone `index`.
  func environment(_ index: Int) -> [String: String] {
    fixture.environment([
      "RHYTHM_NOW": Self.instant(clones[index].millis), "RHYTHM_USER": clones[index].person,
      "RHYTHM_STORE": nil, "GIT_CONFIG_NOSYSTEM": "1",
    ])
  }

  /// Runs `rhythm arguments… --store CLONE` in clone `index`, at its clock.
  func run(_ index: Int, _ arguments: [String]) throws -> ProcessResult {
    try runProcess(
      fixture.binary, arguments + ["--store", clones[index].folder],
      environment: environment(index))
  }

  /// `run`, which must succeed quietly (exit 0, nothing on stderr); returns standard output.
  @discardableResult
  func succeed(
    _ index: Int, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    try succeed(index, arguments, sourceLocation: sourceLocation)
  }

  /// `run`, which must succeed quietly (exit 0, nothing on stderr); returns standard output.
  @discardableResult
  func succeed(
    _ index: Int, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try run(index, arguments)
    try #require(
      result.status == 0 && result.stderr.isEmpty,
      "\(note) clone\(index + 1): rhythm \(arguments.joined(separator: " ")): \(result)",
      sourceLocation: sourceLocation)
    return result.stdout
  }

  /// `rhythm sync` in clone `index`, which must succeed (a merge conflict would fail it);
  /// returns its report.
  @discardableResult
  func sync(_ index: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    try succeed(index, "sync", sourceLocation: sourceLocation)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs git with `arguments`, which must succeed; returns its standard output.
  @discardableResult
  func git(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let result = try runProcess(
      "/usr/bin/env", ["git"] + arguments,
      environment: fixture.environment(["GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"]))
    try #require(
      result.status == 0, "\(note) git \(arguments.joined(separator: " ")): \(result)",
      sourceLocation: sourceLocation)
    return result.stdout
  }

  /// Git run in clone `index`.
  @discardableResult
  func git(
    _ index: Int, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    try git(["-C", clones[index].folder] + arguments, sourceLocation: sourceLocation)
  }

  private func configure(_ index: Int) throws {
    try git(index, "config", "user.name", clones[index].person)
    try git(index, "config", "user.email", clones[index].person + "@example.com")
  }

  /// Fixes the clone's device id (the store makes a random one on its first write otherwise).
  private func setDevice(of index: Int) throws {
    try Data("clone\(index + 1)\n".utf8).write(
      to: URL(fileURLWithPath: clones[index].folder + "/device"))
  }

  /// `2026-11-25T09:00:00.250Z` for milliseconds since 1970.
  static func instant(_ millis: Int64) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
  }

  /// Milliseconds since 1970 of an ISO 8601 instant such as `CLIFixture.now`.
  static func millis(_ instant: String) -> Int64 {
    let formatter = ISO8601DateFormatter()
    return Int64((formatter.date(from: instant)?.timeIntervalSince1970 ?? 0) * 1000)
  }
}
