import Foundation
import RhythmCore

/// `rhythm import taskwarrior` and `rhythm import csv` against `task import` of the same
/// generated export, each run into a fresh store (a team of 40 people, nothing else) or a
/// fresh Taskwarrior data folder, so every run does the same work.
enum ImportBench {
  /// Prints one line per size: medians and peak memory of each importer.
  static func run(
    sizes: [Int], runs: Int, rhythm: String, work: String, task: String?,
    environment: [String: String]
  ) throws {
    let folder = work + "/import"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let template = folder + "/team-store"
    if !FileManager.default.fileExists(atPath: template) {
      let store = try Store.create(at: template, clock: .fixed(now), person: "bench")
      try store.commit(LargeStore.people.map { .create(Person(handle: $0, name: $0)) })
      try store.compact()
    }
    print("")
    print(
      "import into a fresh store (40 people) vs `task import` of the same export, same run;"
        + " ratio = task / rhythm:")
    print(
      "tasks    runs  import taskwarrior    task import             ratio   import csv (same steps)"
    )
    for size in sizes {
      let export = folder + "/tasks-\(size).json"
      let csv = folder + "/steps-\(size).csv"
      if !FileManager.default.fileExists(atPath: export) {
        try write(size, export: export, csv: csv)
      }
      // A large import runs for seconds: fewer runs keep the benchmark within minutes.
      let count = size >= 200_000 ? min(runs, 3) : runs
      let store = folder + "/store"
      func fresh(_ arguments: [String]) -> [String] {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.copyItem(atPath: template, toPath: store)
        return [rhythm, "--store", store] + arguments
      }
      let ours = ProcessRunner.median(runs: count, environment: environment) { _ in
        fresh(["import", "taskwarrior", export])
      }
      let fromCSV = ProcessRunner.median(runs: count, environment: environment) { _ in
        fresh(["import", "csv", csv])
      }
      var theirs = "-"
      var ratio = "-"
      if let task {
        let data = folder + "/taskwarrior"
        let peer = ["TASKRC": data + "/taskrc", "TASKDATA": data + "/data"]
        let measured = ProcessRunner.median(runs: count, environment: peer) { _ in
          try? FileManager.default.removeItem(atPath: data)
          try? FileManager.default.createDirectory(
            atPath: data + "/data", withIntermediateDirectories: true)
          _ = FileManager.default.createFile(atPath: data + "/taskrc", contents: Data())
          return [
            task, "rc.confirmation=off", "rc.verbose=nothing", "rc.hooks=off", "import", export,
          ]
        }
        theirs = "\(format(measured.milliseconds)) ms, \(format(measured.peakMegabytes)) MB"
        ratio = format(measured.milliseconds / max(ours.milliseconds, 0.001)) + "x"
        if measured.failures > 0 { theirs += " (\(measured.failures) failed!)" }
      }
      let failures = ours.failures + fromCSV.failures
      print(
        String(size).padding(toLength: 9, withPad: " ", startingAt: 0)
          + String(count).padding(toLength: 6, withPad: " ", startingAt: 0)
          + "\(format(ours.milliseconds)) ms, \(format(ours.peakMegabytes)) MB"
          .padding(toLength: 22, withPad: " ", startingAt: 0)
          + theirs.padding(toLength: 24, withPad: " ", startingAt: 0)
          + ratio.padding(toLength: 8, withPad: " ", startingAt: 0)
          + "\(format(fromCSV.milliseconds)) ms, \(format(fromCSV.peakMegabytes)) MB"
          + (failures > 0 ? "  (\(failures) runs failed!)" : ""))
    }
  }

  /// Writes `size` tasks as `task export` prints them (a JSON array, one task a line, with
  /// the attributes Taskwarrior adds) and the same steps as CSV. Owners are tags naming one
  /// of the 40 people; about 6% are pending, the rest completed or deleted.
  static func write(_ size: Int, export: String, csv: String) throws {
    var random = SplitMix64(seed: UInt64(size))
    var json = "[\n"
    var rows = "title,owner,due,status,tags\n"
    let start = now.addingTimeInterval(-3 * 365 * 86_400)
    for number in 0..<size {
      let owner = LargeStore.people[Int(random.next() % UInt64(LargeStore.people.count))]
      let entry = start.addingTimeInterval(
        (Double(number) / Double(size) * 3 * 365 * 86_400).rounded(.down))
      let due = entry.addingTimeInterval(Double(random.next() % 21 + 3) * 86_400)
      let roll = random.next() % 100
      let status = number * 100 / size >= 94 ? "pending" : roll < 8 ? "deleted" : "completed"
      let title = "Follow up on item \(number) for the \(owner) backlog"
      var task: [String: JSONValue] = [
        "id": .number(Double(status == "pending" ? number + 1 : 0)),
        "description": .string(title), "status": .string(status),
        "uuid": .string(TaskwarriorPeer.uuid(for: "\(size)-\(number)")),
        "entry": .string(TaskwarriorPeer.date(entry)),
        "modified": .string(TaskwarriorPeer.date(entry.addingTimeInterval(3600))),
        "due": .string(TaskwarriorPeer.date(due)),
        "tags": .array(number % 5 == 0 ? [.string(owner), .string("launch")] : [.string(owner)]),
        "project": .string("Q4 plan"), "urgency": .number(Double(random.next() % 100) / 10),
      ]
      if status != "pending" {
        task["end"] = .string(TaskwarriorPeer.date(due.addingTimeInterval(-3600)))
      }
      json += JSONValue.object(task).serialized() + (number == size - 1 ? "\n" : ",\n")
      let rowStatus = status == "pending" ? "open" : status == "completed" ? "done" : "dropped"
      let day = Day(containing: due, in: .gmt).description
      rows += "\(title),\(owner),\(day),\(rowStatus),\(number % 5 == 0 ? "launch" : "")\n"
    }
    json += "]\n"
    try json.write(toFile: export, atomically: true, encoding: .utf8)
    try rows.write(toFile: csv, atomically: true, encoding: .utf8)
  }

  private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
