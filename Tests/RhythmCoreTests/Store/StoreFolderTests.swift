import Foundation
import Testing

@testable import RhythmCore

/// A store's folder is private (0700), also when it was there before the store.
@Suite("Store folder")
struct StoreFolderTests {
  @Test("creating a store in a folder that is already there makes it 0700, with a note")
  func existingFolderTightened() throws {
    let folder = NSTemporaryDirectory() + "rhythm-folder-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    let store = try Store.create(at: folder, clock: .fixed(Date(timeIntervalSince1970: 0)))
    #expect(store.warnings == ["note: made \(folder) private (0700; it was 0755)"])
    let attributes = try FileManager.default.attributesOfItem(atPath: folder)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
  }

  @Test("a file where the folder should be is an error, and the file is left alone")
  func fileInTheWay() throws {
    let path = NSTemporaryDirectory() + "rhythm-folder-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("not a folder".utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    #expect(throws: RhythmError.self) {
      try Store.create(at: path, clock: .fixed(Date(timeIntervalSince1970: 0)))
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
  }
}
