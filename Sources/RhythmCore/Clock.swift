import Foundation

/// Where "now" comes from. The domain never reads the system time itself: it asks a clock,
/// so tests and demos can fix the time with `RHYTHM_NOW`.
public struct Clock: Sendable {
  private let read: @Sendable () -> Date

  /// A clock that reads the given closure each time.
  public init(_ read: @escaping @Sendable () -> Date) {
    self.read = read
  }

  /// The current instant.
  public var now: Date { read() }

  /// The system's wall clock.
  public static let system = Clock { Date() }

  /// A clock stopped at `date`.
  public static func fixed(_ date: Date) -> Clock {
    Clock { date }
  }

  /// `RHYTHM_NOW` when it is set (ISO 8601), else the system clock.
  /// - Throws: `RhythmError.invalidNow` when `RHYTHM_NOW` is set but is not a valid instant.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(RhythmError) -> Clock {
    guard let text = environment["RHYTHM_NOW"], !text.isEmpty else { return .system }
    guard let date = ISOInstant.parse(text) else { throw .invalidNow(text) }
    return .fixed(date)
  }
}
