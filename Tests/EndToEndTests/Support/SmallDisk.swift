import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small filesystem of its own (a tmpfs) mounted on a folder for one test: a disk that fills
/// up for real. Unmount it before the folder is removed.
final class SmallDisk {
  let path: String
  private var mounted = true

  /// Mounts a tmpfs of `size` (`600k`) on `path` (made if missing), private (0700). Where this
  /// machine does not permit mounting (not root, no `mount`), the test is cancelled, saying why:
  /// the only test allowed to skip.
  init(at path: String, size: String) throws {
    self.path = path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let result = try runProcess(
      "/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path],
      environment: Self.environment)
    guard result.status == 0 else {
      mounted = false
      let said = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      let reason = "mounting a \(size) tmpfs is not permitted here (\(said)): needs root and mount"
      print("skipped: \(reason)")
      try Test.cancel(Comment(rawValue: reason))
    }
  }

  deinit {
    unmount()
  }

  /// Bytes free for files.
  var free: Int {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else { return 0 }
    return Int(info.f_bavail) * Int(info.f_frsize)
  }

  /// Fills all but `room` bytes with a ballast file (other files on the same disk); returns
  /// its path.
  @discardableResult
  func fill(leaving room: Int) throws -> String {
    let ballast = path + "/ballast"
    let size = max(0, free - room)
    try Data(count: size).write(to: URL(fileURLWithPath: ballast))
    return ballast
  }

  /// Unmounts it (the files on it go with it).
  func unmount() {
    guard mounted else { return }
    mounted = false
    let result = try? runProcess("/usr/bin/env", ["umount", path], environment: Self.environment)
    if result?.status != 0 {
      _ = try? runProcess("/usr/bin/env", ["umount", "-l", path], environment: Self.environment)
    }
  }

  private static let environment = [
    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
  ]
}
