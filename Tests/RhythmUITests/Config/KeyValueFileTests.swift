import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("KeyValueFile")
struct KeyValueFileTests {
  @Test("key = value lines, with comments, blank lines and spaces around the parts")
  func entries() {
    let file = KeyValueFile(
      text: "# settings\n\n  theme =  light  # easier on paper\r\nempty =\nurl = a=b\n",
      path: "config")
    #expect(
      file.entries == [
        KeyValueFile.Entry(key: "theme", value: "light", line: 3),
        KeyValueFile.Entry(key: "empty", value: "", line: 4),
        KeyValueFile.Entry(key: "url", value: "a=b", line: 5),
      ])
    #expect(file.readEntries { _ in nil }.isEmpty)
  }

  @Test("problems name the file and the line, in line order: malformed lines and refused entries")
  func problems() {
    let file = KeyValueFile(
      text: "a = 1\nsteps.dne = z\nno equals sign\n= no key\n", path: "/home/u/.config/rhythm/keys",
      form: "binding.id = key, key")
    var read: [String] = []
    let problems = file.readEntries { entry in
      read.append(entry.key)
      return entry.key == "a" ? nil : "unknown action '\(entry.key)'"
    }
    #expect(read == ["a", "steps.dne"])
    #expect(
      problems.map(\.description) == [
        "/home/u/.config/rhythm/keys:2: unknown action 'steps.dne'",
        "/home/u/.config/rhythm/keys:3: expected `binding.id = key, key`",
        "/home/u/.config/rhythm/keys:4: expected `binding.id = key, key`",
      ])
  }

  @Test("load: nil without a file, the file's path in problems with one")
  func load() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("rhythm-kv-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try KeyValueFile.load(url) == nil)
    try "oops\n".write(to: url, atomically: true, encoding: .utf8)
    let file = try #require(try KeyValueFile.load(url))
    #expect(
      file.readEntries { _ in nil } == [
        .invalidLine(path: url.path, line: 1, reason: "expected `key = value`")
      ])
  }
}
