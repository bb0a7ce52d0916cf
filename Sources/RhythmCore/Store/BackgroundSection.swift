import Foundation

/// A snapshot section decoded on another thread, waited for when its records are needed.
final class BackgroundSection<R: Record>: @unchecked Sendable {
  private let done = DispatchGroup()
  /// Set once on the other thread before `done` is left; read only after waiting on it.
  private var result: Result<[[R]], RhythmError> = .success([])

  /// Starts `decode` now.
  init(_ decode: @escaping @Sendable () throws(RhythmError) -> [[R]]) {
    done.enter()
    DispatchQueue.global().async {
      self.result = Result { () throws(RhythmError) in try decode() }
      self.done.leave()
    }
  }

  /// The decoded records (in runs), once the other thread is done.
  func runs() throws(RhythmError) -> [[R]] {
    done.wait()
    return try result.get()
  }
}
