import ArgumentParser
import Foundation
import RhythmCore
import RhythmDemo

/// `rhythm demo`: the cockpit on a fresh sample organisation in a temporary store.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the cockpit on a fresh sample organisation in a temporary store.")

  @OptionGroup var cockpitOptions: CockpitOptions
  @Flag(help: "Keep the temporary store afterwards (its path is printed).")
  var keep = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let clock = try Clock.fromEnvironment(environment)
    let timeZone = TimeZone.current
    let folder = try Self.makeFolder()
    let store = try Store.create(at: folder, clock: clock)
    defer {
      if keep {
        Output.line("the demo store is in \(folder)")
      } else {
        try? FileManager.default.removeItem(atPath: folder)
      }
    }
    try store.commit(DemoOrganisation.build(now: clock.now, timeZone: timeZone))
    try runCockpit(store: store, options: cockpitOptions, clock: clock, timeZone: timeZone)
  }

  /// A new, private (0700) folder with an unpredictable name in the temporary directory
  /// (`mkdtemp`): never a folder or link that was there before.
  static func makeFolder() throws(RhythmError) -> String {
    let parent = FileManager.default.temporaryDirectory.path
    var template = Array((parent + "/rhythm-demo-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, let path = mkdtemp(base) else { return nil }
      return String(cString: path)
    }
    guard let made else {
      throw .io(
        path: parent, reason: "cannot make the demo folder: \(String(cString: strerror(errno)))")
    }
    return made
  }
}
