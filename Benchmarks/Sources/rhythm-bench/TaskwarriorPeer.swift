import Foundation
import RhythmCore

/// Taskwarrior 2.6, the peer: the same generated steps imported with `task import`, measured
/// in the same run as Rhythm.
struct TaskwarriorPeer {
  let folder: String
  let program: String

  var environment: [String: String] {
    ["TASKRC": folder + "/taskrc", "TASKDATA": folder + "/data"]
  }

  /// The base arguments: no confirmations, no garbage collection renumbering, quiet.
  func arguments(_ rest: [String]) -> [String] {
    [program, "rc.confirmation=off", "rc.verbose=nothing", "rc.hooks=off"] + rest
  }

  /// Imports every step of `store` (owner as a tag), once; returns the uuids of open tasks.
  func prepare(from store: Store) throws -> [String] {
    let marker = folder + "/imported"
    let openPath = folder + "/open.txt"
    if FileManager.default.fileExists(atPath: marker),
      let text = try? String(contentsOfFile: openPath, encoding: .utf8)
    {
      return text.split(separator: "\n").map(String.init)
    }
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(
      atPath: folder + "/data", withIntermediateDirectories: true)
    try "".write(toFile: folder + "/taskrc", atomically: true, encoding: .utf8)
    let rows = try store.stepRows()
    let steps = try store.steps(rows)
    var lines: [String] = []
    var open: [String] = []
    for step in steps {
      let uuid = TaskwarriorPeer.uuid(for: step.id)
      let status = step.status == .open ? "pending" : step.status == .done ? "completed" : "deleted"
      if step.status == .open { open.append(uuid) }
      var object: [String: JSONValue] = [
        "uuid": .string(uuid), "description": .string(step.title), "status": .string(status),
        "entry": .string(TaskwarriorPeer.date(step.createdAt)),
        "due": .string(TaskwarriorPeer.date(step.due.start(in: .gmt))),
        "tags": .array([.string(step.owner)]),
      ]
      if let completed = step.completedAt {
        object["end"] = .string(TaskwarriorPeer.date(completed))
      }
      lines.append(JSONValue.object(object).serialized())
    }
    let importPath = folder + "/import.json"
    try lines.joined(separator: "\n").write(toFile: importPath, atomically: true, encoding: .utf8)
    let (result, _) = ProcessRunner.run(
      arguments(["import", importPath]), environment: environment)
    guard result.status == 0 else {
      throw RhythmError.message("task import failed (\(result.status))")
    }
    _ = ProcessRunner.run(arguments(["gc"]), environment: environment)
    try open.joined(separator: "\n").write(toFile: openPath, atomically: true, encoding: .utf8)
    try "ok".write(toFile: marker, atomically: true, encoding: .utf8)
    return open
  }

  /// Taskwarrior's compact date form.
  static func date(_ date: Date) -> String {
    ISOInstant.format(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(
      of: ":", with: "")
  }

  /// A stable UUID made from a step id.
  static func uuid(for id: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x1234_5678_9abc_def0
    for byte in id.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 7
    }
    let hex = String(format: "%016llx%016llx", hash, second)
    let chars = Array(hex)
    return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-4" + String(chars[13..<16]) + "-a"
      + String(chars[17..<20]) + "-" + String(chars[20..<32])
  }
}
