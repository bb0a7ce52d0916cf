import Foundation

/// A large value (a replayed state: 50,000 records) freed on another thread: freeing it takes
/// tens of ms that a command need not wait for, and a process that exits first need not spend.
/// The value is taken out of the box on that thread, so it is freed there even when the block
/// finishes before this thread lets go of the box (freeing the value on whichever thread let
/// go of it last would free it here as often as not).
final class Discard<Value>: @unchecked Sendable {
  /// Written once, on the thread that frees it.
  private var value: Value?

  private init(_ value: consuming Value) {
    self.value = value
  }

  /// Frees `value` on another thread.
  static func inBackground(_ value: consuming Value) {
    let box = Discard(value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
  }
}
