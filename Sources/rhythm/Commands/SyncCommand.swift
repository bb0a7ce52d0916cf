import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm sync`: shares the store through the git repository it is in.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync", abstract: "Commit the journals, pull --rebase and push (git).",
    discussion: """
      The store folder must be in a git repository. Only the journals and the
      store's .gitignore are committed ("rhythm sync"); each device writes its
      own journal, so pulls merge without conflicts. With no remote, sync
      only commits.
      Set up: cd STORE && git init && git remote add origin URL
      """)

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let context = try CommandContext(storeOptions)
    let layout = StoreLayout(folder: URL(fileURLWithPath: context.folder).standardizedFileURL.path)
    guard FileManager.default.fileExists(atPath: layout.journalFolder) else {
      throw RhythmError.noStore(path: layout.folder)
    }
    let git = Git(folder: layout.folder)
    guard (try? git.run(["rev-parse", "--show-toplevel"])) != nil else {
      throw RhythmError.message(
        "\(layout.folder) is not in a git repository: run `git init` in \(layout.folder) "
          + "(and `git remote add origin URL` to share it)")
    }
    var paths = ["journal"]
    if FileManager.default.fileExists(atPath: layout.gitignorePath) { paths.append(".gitignore") }
    try git.run(["add", "--"] + paths)
    var report: [String] = []
    if !git.succeeds(["diff", "--cached", "--quiet", "--"] + paths) {
      // Only the store's paths; a first commit cannot name paths, so it takes the index.
      let born = git.succeeds(["rev-parse", "--verify", "--quiet", "HEAD"])
      try git.run(
        ["commit", "--quiet", "--no-verify", "-m", "rhythm sync"] + (born ? ["--"] + paths : []))
      report.append("committed")
    } else {
      report.append("nothing to commit")
    }
    let remotes = try git.run(["remote"]).split(separator: "\n").map(String.init)
    guard let remote = remotes.contains("origin") ? "origin" : remotes.first else {
      Output.line(
        report.joined(separator: "; ")
          + "; no remote, so nothing pulled or pushed (add one with `git remote add origin URL`)")
      return
    }
    let branch = try git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let hasUpstream = git.succeeds(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
    let remoteHasBranch =
      hasUpstream || git.succeeds(["ls-remote", "--exit-code", "--heads", remote, branch])
    if remoteHasBranch {
      let before = try? git.run(["rev-parse", "HEAD"])
      do {
        try git.run(
          ["pull", "--rebase", "--autostash", "--quiet"] + (hasUpstream ? [] : [remote, branch]))
      } catch {
        _ = try? git.run(["rebase", "--abort"])
        throw error
      }
      report.append(before == (try? git.run(["rev-parse", "HEAD"])) ? "up to date" : "pulled")
    }
    let ahead = try? git.run(["rev-list", "--count", "@{u}..HEAD"])
    if !git.succeeds(["rev-parse", "--verify", "--quiet", "HEAD"]) {
      report.append("nothing to push yet")
    } else if hasUpstream, ahead?.trimmingCharacters(in: .whitespacesAndNewlines) == "0" {
      report.append("nothing to push")
    } else {
      try git.run(["push", "--quiet"] + (hasUpstream ? [] : ["--set-upstream", remote, branch]))
      report.append("pushed to \(remote)/\(branch)")
    }
    // Take in what came from other devices now, so the next command starts fast.
    _ = try context.openStore()
    Output.line(report.joined(separator: "; "))
  }
}

/// Runs git in a folder; a failure is a `RhythmError` with git's own last words.
struct Git {
  let folder: String

  /// Runs `git args…`; returns its standard output.
  /// - Throws: `RhythmError.message` naming the command and git's message when it fails.
  @discardableResult
  func run(_ arguments: [String]) throws(RhythmError) -> String {
    let result = try execute(arguments)
    guard result.status == 0 else {
      let said = result.errors.split(separator: "\n").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      .filter { !$0.isEmpty && !$0.hasPrefix("hint:") }
      let reason =
        said.first(where: { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") }) ?? said.first
      throw .message(
        "git \(arguments.first ?? "") failed in \(folder)" + (reason.map { ": " + $0 } ?? ""))
    }
    return result.output
  }

  /// Whether `git args…` exits with 0.
  func succeeds(_ arguments: [String]) -> Bool {
    (try? execute(arguments).status) == 0
  }

  private func execute(_ arguments: [String]) throws(RhythmError) -> (
    status: Int32, output: String, errors: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    process.environment = environment
    let finished = DispatchSemaphore(value: 0)
    let scratch = FileManager.default.temporaryDirectory
    let outputURL = scratch.appendingPathComponent("rhythm-git-\(UUID().uuidString).out")
    let errorURL = scratch.appendingPathComponent("rhythm-git-\(UUID().uuidString).err")
    defer {
      try? FileManager.default.removeItem(at: outputURL)
      try? FileManager.default.removeItem(at: errorURL)
    }
    do {
      _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
      _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: outputURL)
      process.standardError = try FileHandle(forWritingTo: errorURL)
      process.standardInput = FileHandle.nullDevice
      // Not `waitUntilExit`: on Linux it polls every 50 ms, which was most of a sync's time.
      process.terminationHandler = { _ in finished.signal() }
      try process.run()
    } catch {
      throw .message("cannot run git: \(error.localizedDescription) (is git installed?)")
    }
    finished.wait()
    let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, output, errors)
  }
}
