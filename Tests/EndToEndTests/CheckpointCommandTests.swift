import Foundation
import Testing

/// `rhythm store checkpoint` writes this device's checkpoint into the shared journal folder,
/// and a fresh clone (its journal folder only) starts from it.
@Suite("store checkpoint")
struct CheckpointCommandTests {
  @Test("a checkpoint written, then a fresh clone of journal/ lists the same steps")
  func checkpointThenClone() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore()
    for title in ["one", "two", "three"] { try fixture.addStep("\(title) @maria due:fri") }
    let output = try fixture.succeed("store", "checkpoint")
    #expect(output.hasPrefix("checkpoint \(fixture.store)/journal/checkpoints/"), "\(output)")
    #expect(output.hasSuffix(".json: 4 journal lines\n"), "\(output)")
    let names = try FileManager.default.contentsOfDirectory(
      atPath: fixture.store + "/journal/checkpoints"
    ).sorted()
    #expect(
      names.count == 3 && names[0].hasSuffix(".idx") && names[1].hasSuffix(".json")
        && names[2].hasSuffix(".stamps"), "\(names)")
    try fixture.addStep("four, past the checkpoint @maria due:fri")

    // What `git clone` gives: journal/ (checkpoints included) and nothing else.
    let clone = fixture.root + "/clone"
    try FileManager.default.createDirectory(atPath: clone, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: fixture.store + "/journal", toPath: clone + "/journal")
    let listed = try fixture.succeed("step", "list", "--json", env: ["RHYTHM_STORE": clone])
    #expect(listed == (try fixture.succeed("step", "list", "--json")))
    #expect(listed.contains("four, past the checkpoint"))
    #expect(try fixture.succeed("store", "check", env: ["RHYTHM_STORE": clone]).contains("agree"))
  }
}
