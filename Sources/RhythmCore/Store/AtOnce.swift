import Foundation

/// Two pieces of work done at once, one per core, when neither needs the other's result.
enum AtOnce {
  /// Runs `first` and `second` at the same time and returns both results; throws the first
  /// one's error, else the second one's, once both are done.
  static func run<First, Second>(
    _ first: @Sendable () throws(RhythmError) -> First,
    _ second: @Sendable () throws(RhythmError) -> Second
  ) throws(RhythmError) -> (First, Second) {
    let results = Results<First, Second>()
    DispatchQueue.concurrentPerform(iterations: 2) { task in
      if task == 0 {
        let result = Result { () throws(RhythmError) in try first() }
        results.lock.withLock { results.first = result }
      } else {
        let result = Result { () throws(RhythmError) in try second() }
        results.lock.withLock { results.second = result }
      }
    }
    let (first, second) = results.lock.withLock { (results.first, results.second) }
    guard let first, let second else {
      throw .io(path: "", reason: "work done at once gave no result")
    }
    return (try first.get(), try second.get())
  }

  /// Where the two tasks leave their results (each written once, under `lock`).
  private final class Results<First, Second>: @unchecked Sendable {
    let lock = NSLock()
    var first: Result<First, RhythmError>?
    var second: Result<Second, RhythmError>?
  }
}
