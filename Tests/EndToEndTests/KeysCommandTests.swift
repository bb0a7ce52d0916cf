import Foundation
import Testing

/// `rhythm keys` lists the bindings the cockpit runs with, and reports a bad keys file as the
/// cockpit does: each problem as `path:line: reason`.
@Suite("rhythm keys")
struct KeysCommandTests {
  /// Writes `text` as the user's keys file (`$HOME/.config/rhythm/keys`) and returns its path.
  private func writeKeys(_ text: String, in fixture: CLIFixture) throws -> String {
    let folder = fixture.root + "/home/.config/rhythm"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/keys"))
    return folder + "/keys"
  }

  @Test("without a keys file: the defaults, exit 0, nothing on stderr")
  func defaults() throws {
    let fixture = try CLIFixture()
    let result = try fixture.run("keys")
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(result.stdoutLines.contains { $0.hasPrefix("  x") && $0.hasSuffix("[steps.done]") })
  }

  @Test("a good override shows in the list")
  func override() throws {
    let fixture = try CLIFixture()
    _ = try writeKeys("# mine\nsteps.done = D, ctrl+d\n", in: fixture)
    let result = try fixture.run("keys")
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(
      result.stdoutLines.contains { $0.hasPrefix("  D/ctrl+d") && $0.hasSuffix("[steps.done]") })
  }

  @Test("a bad line: the list the cockpit would use, then file:line problems on stderr, exit 1")
  func badLines() throws {
    let fixture = try CLIFixture()
    let path = try writeKeys("steps.done = D\nsteps.dne = z\nhelp\n", in: fixture)
    let result = try fixture.run("keys")
    #expect(result.status == 1, "\(result)")
    #expect(result.stdoutLines.contains { $0.hasPrefix("  D") && $0.hasSuffix("[steps.done]") })
    #expect(
      result.stderrLines == [
        "rhythm: \(path):2: no binding 'steps.dne' (`rhythm keys` lists the ids)",
        "rhythm: \(path):3: expected `binding.id = key, key`",
      ])
  }

  @Test("the cockpit reports the same problems, as warnings, before it starts")
  func cockpitAgrees() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    let path = try writeKeys("steps.dne = z\n", in: fixture)
    // Without a terminal the cockpit stops after reading the settings, which is enough here.
    let result = try fixture.run("cockpit")
    #expect(result.status == 1, "\(result)")
    #expect(
      result.stderrLines.first
        == "rhythm: warning: \(path):1: no binding 'steps.dne' (`rhythm keys` lists the ids)")
  }
}
