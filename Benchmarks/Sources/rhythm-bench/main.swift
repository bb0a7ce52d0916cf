import Foundation
import RhythmCore

// rhythm-bench: generates large stores and times whole `rhythm` processes on them, next to
// Taskwarrior 2.6 on the same steps. Run it through Benchmarks/run.sh (release build).

var sizes = [1_000, 10_000, 50_000, 200_000]
var runs = 7
var rhythm = ".build/release/rhythm"
var work = ".bench"
var withTaskwarrior = true
var generateOnly = false
var importOnly = false
var cockpitOnly = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--sizes": sizes = (arguments.next() ?? "").split(separator: ",").compactMap { Int($0) }
  case "--runs": runs = Int(arguments.next() ?? "") ?? runs
  case "--rhythm": rhythm = arguments.next() ?? rhythm
  case "--work": work = arguments.next() ?? work
  case "--no-taskwarrior": withTaskwarrior = false
  case "--generate-only": generateOnly = true
  case "--import-only": importOnly = true
  case "--cockpit-only": cockpitOnly = true
  default:
    FileHandle.standardError.write(
      Data(
        "usage: rhythm-bench [--sizes 1000,50000] [--runs 7] [--rhythm PATH] [--work DIR] [--no-taskwarrior] [--generate-only] [--import-only] [--cockpit-only]\n"
          .utf8))
    exit(2)
  }
}

let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()
let environment = ["RHYTHM_NOW": "2026-11-25T09:00:00Z", "TZ": "UTC", "RHYTHM_USER": "bench"]
let taskProgram = ["/usr/bin/task"].first { FileManager.default.isExecutableFile(atPath: $0) }
func format(_ value: Double) -> String { String(format: "%.1f", value) }

print(
  "rhythm-bench: medians of \(runs) runs, whole processes, \(ProcessInfo.processInfo.activeProcessorCount) cores"
)
if !cockpitOnly {
  print("")
  print(
    "steps    list --owner  list --owner --status open  step done  stats --by owner  when 10k  peak MB (list/done/stats)"
  )
}
var figures: [Int: [String: Double]] = [:]
for size in sizes where !importOnly {
  let folder = work + "/store-\(size)"
  let openPath = folder + "-open.txt"
  if !FileManager.default.fileExists(atPath: openPath) {
    try? FileManager.default.removeItem(atPath: folder)
    let started = Date()
    let generated = try LargeStore(steps: size, decisions: size / 5, years: 10, now: now).write(
      to: folder)
    try generated.openSteps.joined(separator: "\n").write(
      toFile: openPath, atomically: true, encoding: .utf8)
    FileHandle.standardError.write(
      Data("generated \(size) steps in \(format(Date().timeIntervalSince(started)))s\n".utf8))
  }
  if generateOnly || cockpitOnly { continue }
  let openSteps = (try String(contentsOfFile: openPath, encoding: .utf8)).split(separator: "\n")
    .map(String.init)
  let owner = LargeStore.people[7]
  let base = [rhythm, "--store", folder]
  // Warm the page cache and compact any tail left by a previous run.
  _ = ProcessRunner.run(base + ["store", "check"], environment: environment)
  let list = ProcessRunner.median(runs: runs, environment: environment) { _ in
    base + ["step", "list", "--owner", owner]
  }
  let listOpen = ProcessRunner.median(runs: runs, environment: environment) { _ in
    base + ["step", "list", "--owner", owner, "--status", "open"]
  }
  let done = ProcessRunner.median(runs: runs, environment: environment) { run in
    base + ["step", "done", openSteps[run % openSteps.count]]
  }
  // Put the steps back so the next run starts from the same store.
  _ = ProcessRunner.run(
    base + ["step", "reopen"] + openSteps.prefix(runs + 1), environment: environment)
  let stats = ProcessRunner.median(runs: runs, environment: environment) { _ in
    base + ["stats", "--by", "owner"]
  }
  let when = ProcessRunner.median(runs: runs, environment: environment) { _ in
    [
      rhythm, "when", "weekly mon 10:00", "--start", "2026-01-05T10:00", "--tz", "Europe/Berlin",
      "--count", "10000",
    ]
  }
  figures[size] = [
    "list": list.milliseconds, "open": listOpen.milliseconds, "done": done.milliseconds,
    "stats": stats.milliseconds,
  ]
  let failures = list.failures + listOpen.failures + done.failures + stats.failures + when.failures
  print(
    String(size).padding(toLength: 9, withPad: " ", startingAt: 0)
      + (format(list.milliseconds) + " ms").padding(toLength: 14, withPad: " ", startingAt: 0)
      + (format(listOpen.milliseconds) + " ms").padding(toLength: 28, withPad: " ", startingAt: 0)
      + (format(done.milliseconds) + " ms").padding(toLength: 11, withPad: " ", startingAt: 0)
      + (format(stats.milliseconds) + " ms").padding(toLength: 18, withPad: " ", startingAt: 0)
      + (format(when.milliseconds) + " ms").padding(toLength: 10, withPad: " ", startingAt: 0)
      + "\(format(list.peakMegabytes)) / \(format(done.peakMegabytes)) / \(format(stats.peakMegabytes))"
      + (failures > 0 ? "  (\(failures) runs failed!)" : ""))
}

if generateOnly { exit(0) }

if !cockpitOnly, let base = figures[50_000], let large = figures[200_000] {
  print("")
  print(
    "200,000 / 50,000: list \(format(large["list", default: 0] / base["list", default: 1]))x, "
      + "done \(format(large["done", default: 0] / base["done", default: 1]))x, "
      + "stats \(format(large["stats", default: 0] / base["stats", default: 1]))x")
}

if !importOnly {
  print("")
  print("cockpit in process (no terminal), 120x40:")
  for size in sizes where size >= 10_000 {
    try CockpitBench.run(folder: work + "/store-\(size)", now: now)
  }
}

if !cockpitOnly, !importOnly, withTaskwarrior, let taskProgram {
  func ratio(_ mine: Double, _ theirs: Double) -> String {
    String(format: "%.2f", mine / max(theirs, 0.001))
  }
  let owner = LargeStore.people[7]
  print("")
  print("Taskwarrior 2.6 on the same steps (same run); ratio = rhythm / Taskwarrior:")
  print(
    "steps    task +\(owner) list        rhythm step list --owner (ratio)  --status open (ratio)  "
      + "task 1 done          rhythm step done (ratio)")
  for size in sizes {
    let store = try Store.open(at: work + "/store-\(size)", clock: .fixed(now), person: "bench")
    let peer = TaskwarriorPeer(folder: work + "/taskwarrior-\(size)", program: taskProgram)
    let started = Date()
    _ = try peer.prepare(from: store)
    FileHandle.standardError.write(
      Data("taskwarrior ready for \(size) in \(format(Date().timeIntervalSince(started)))s\n".utf8))
    _ = ProcessRunner.run(peer.arguments(["+" + owner, "list"]), environment: peer.environment)
    let list = ProcessRunner.median(runs: runs, environment: peer.environment) { _ in
      peer.arguments(["+" + owner, "list"])
    }
    // `task 1 done` as PERF-NOTES measured it: the first pending task, by its working-set id.
    let done = ProcessRunner.median(runs: runs, environment: peer.environment) { _ in
      peer.arguments(["1", "done"])
    }
    let ours = figures[size] ?? [:]
    let mine = (list: ours["list", default: 0], open: ours["open", default: 0])
    print(
      String(size).padding(toLength: 9, withPad: " ", startingAt: 0)
        + "\(format(list.milliseconds)) ms, \(format(list.peakMegabytes)) MB"
        .padding(toLength: 23, withPad: " ", startingAt: 0)
        + "\(format(mine.list)) ms (\(ratio(mine.list, list.milliseconds)))"
        .padding(toLength: 34, withPad: " ", startingAt: 0)
        + "\(format(mine.open)) ms (\(ratio(mine.open, list.milliseconds)))"
        .padding(toLength: 23, withPad: " ", startingAt: 0)
        + "\(format(done.milliseconds)) ms, \(format(done.peakMegabytes)) MB"
        .padding(toLength: 21, withPad: " ", startingAt: 0)
        + "\(format(ours["done", default: 0])) ms (\(ratio(ours["done", default: 0], done.milliseconds)))"
    )
  }
}

if !cockpitOnly {
  try ImportBench.run(
    sizes: sizes, runs: runs, rhythm: rhythm, work: work,
    task: withTaskwarrior ? taskProgram : nil, environment: environment)
}
