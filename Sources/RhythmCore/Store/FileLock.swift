import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on the store's `lock` file: shared while reading journal tails,
/// exclusive while appending or writing the snapshot. The kernel drops it when a process dies.
final class FileLock {
  private let path: String
  private var descriptor: Int32 = -1
  private var depth = 0

  init(path: String) {
    self.path = path
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Runs `body` holding the lock; nested calls reuse the lock already held.
  func withLock<T>(exclusive: Bool, _ body: () throws(RhythmError) -> T) throws(RhythmError) -> T {
    if depth > 0 {
      depth += 1
      defer { depth -= 1 }
      return try body()
    }
    if descriptor < 0 {
      descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
      if descriptor < 0 {
        // A read-only store folder: reading still works, without a lock.
        guard !exclusive else {
          throw .io(
            path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        return try body()
      }
    }
    while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
      guard errno == EINTR else {
        throw .io(path: path, reason: "cannot lock: \(String(cString: strerror(errno)))")
      }
    }
    depth = 1
    defer {
      depth = 0
      flock(descriptor, LOCK_UN)
    }
    return try body()
  }
}
