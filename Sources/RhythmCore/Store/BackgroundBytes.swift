import Foundation

/// A stamps file encoded on another thread (while the snapshot and index are written, which
/// only read the same state), waited for when it is to be written.
final class StampsEncoding: @unchecked Sendable {
  private let done = DispatchGroup()
  /// Set once on the other thread before `done` is left; read only after waiting on it.
  private var bytes: [UInt8]?

  /// Starts `encode` now (it gives `nil` when there is to be no file).
  init(_ encode: @escaping @Sendable () -> [UInt8]?) {
    done.enter()
    DispatchQueue.global().async {
      self.bytes = encode()
      self.done.leave()
    }
  }

  /// The file's bytes (`nil`: no file), once the other thread is done.
  func result() -> [UInt8]? {
    done.wait()
    return bytes
  }
}
