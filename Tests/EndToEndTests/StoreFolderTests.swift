import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders a store lives in are private, and the demo's cannot be guessed or planted.
@Suite("Store folders")
struct StoreFolderTests {
  @Test("init on a folder that is already there makes it 0700 and says so in one line")
  func initTightens() throws {
    let fixture = try CLIFixture()
    try FileManager.default.createDirectory(
      atPath: fixture.store, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o755])
    #expect(chmod(fixture.store, 0o755) == 0)  // whatever the umask made of it
    let result = try fixture.run("init")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "created an empty store in \(fixture.store)\n", "\(result)")
    #expect(
      result.stderrLines == ["rhythm: note: made \(fixture.store) private (0700; it was 0755)"],
      "\(result)")
    #expect(try mode(fixture.store) == 0o700)
    // A new folder is made 0700 in the first place: nothing to say.
    let fresh = fixture.root + "/fresh"
    let created = try fixture.run("init", "--store", fresh)
    #expect(created.status == 0 && created.stderr.isEmpty, "\(created)")
    #expect(try mode(fresh) == 0o700)
  }

  @Test("the demo store is a new private folder with an unpredictable name, removed after")
  func demoFolder() throws {
    let fixture = try CLIFixture()
    let temporary = fixture.root + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    for keep in [true, false] {
      let pidFile = fixture.root + "/demo-\(keep).pid"
      var environment = fixture.environment
      environment["PATH"] = nil
      environment["TMPDIR"] = temporary
      let command =
        ["sh", "-c", "echo $$ > \"$0\"; exec \"$@\"", pidFile, fixture.binary, "demo"]
        + (keep ? ["--keep"] : [])
      let tmux = try TmuxSession(command, environment: environment)
      defer { tmux.close() }
      try tmux.waitFor("Next reviews")
      let pid = try waitForPID(in: pidFile)
      let made = try FileManager.default.contentsOfDirectory(atPath: temporary)
        .filter { $0.hasPrefix("rhythm-demo-") }
      #expect(made.count == 1, "\(made)")
      let folder = temporary + "/" + (made.first ?? "")
      #expect(made.first != "rhythm-demo-\(pid)", "named by the process id")
      var info = stat()
      #expect(lstat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR, "not a folder")
      #expect(try mode(folder) == 0o700)
      try tmux.send(keys: "q")
      #expect(try tmux.waitForExit() == 0)
      if keep {
        #expect(FileManager.default.fileExists(atPath: folder + "/journal"))
        try FileManager.default.removeItem(atPath: folder)
      } else {
        #expect(!FileManager.default.fileExists(atPath: folder), "the demo store was left behind")
      }
    }
  }

  private func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }
}
