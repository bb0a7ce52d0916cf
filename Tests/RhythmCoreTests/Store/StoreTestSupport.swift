import Foundation
import RhythmCore

/// A fresh store in a temporary folder, removed when the test ends.
final class TemporaryStore {
  let folder: String
  let clock: Clock
  private(set) var store: Store

  init(now: String = "2026-11-25T09:00:00Z") throws {
    folder = NSTemporaryDirectory() + "rhythm-test-" + UUID().uuidString
    let date = ISOInstant.parse(now) ?? Date(timeIntervalSince1970: 0)
    clock = Clock.fixed(date)
    store = try Store.create(at: folder, clock: clock, person: "tester")
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Opens the store again, as a new process would.
  func reopen() throws -> Store {
    store = try Store.open(at: folder, clock: clock, person: "tester")
    return store
  }

  var layout: StoreLayout { StoreLayout(folder: folder) }

  func step(_ title: String, owner: String = "maria", due: String = "2026-12-01") -> Step {
    Step(
      id: store.newID(), title: title, owner: owner, due: Day.parse(due) ?? Day(ordinal: 0),
      createdAt: clock.now)
  }

  /// The lines of this store's only journal.
  func journalLines() throws -> [String] {
    let devices = try FileManager.default.contentsOfDirectory(atPath: layout.journalFolder)
    var lines: [String] = []
    for name in devices.sorted() {
      let text = try String(contentsOfFile: layout.journalFolder + "/" + name, encoding: .utf8)
      lines += text.split(separator: "\n").map(String.init)
    }
    return lines
  }
}
