import Foundation

/// A file's bytes made on another thread (the stamps and index of a snapshot being written,
/// which only read what the snapshot is written from), waited for when they are to be written.
final class BackgroundBytes: @unchecked Sendable {
  private let done = DispatchGroup()
  /// Set once on the other thread before `done` is left; read only after waiting on it.
  private var bytes: [UInt8]?

  /// Starts `make` now (it gives `nil` when there is to be no file).
  init(_ make: @escaping @Sendable () -> [UInt8]?) {
    done.enter()
    DispatchQueue.global().async {
      self.bytes = make()
      self.done.leave()
    }
  }

  /// The bytes (`nil`: no file), once the other thread is done.
  func result() -> [UInt8]? {
    done.wait()
    return bytes
  }
}
