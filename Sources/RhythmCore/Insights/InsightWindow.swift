import Foundation

/// The days insights look at, both ends included.
public struct InsightWindow: Sendable, Hashable {
  public var start: Day
  public var end: Day

  /// The window from `start` through `end`.
  public init(start: Day, end: Day) {
    self.start = start
    self.end = end
  }

  /// The `weeks` weeks that end on `day` (included): `start = day - 7 × weeks + 1`.
  public static func ending(on day: Day, weeks: Int) -> InsightWindow {
    InsightWindow(start: day.adding(days: 1 - 7 * weeks), end: day)
  }

  /// Reads `4w`, `13w`, `26w`, `52w` or any `Nw` (1–520 weeks), ending on `today`.
  /// - Throws: `RhythmError.invalidValue` for anything else.
  public static func parse(_ text: String, today: Day) throws(RhythmError) -> InsightWindow {
    let word = text.trimmingCharacters(in: .whitespaces).lowercased()
    let digits = word.dropLast()
    guard word.hasSuffix("w"), !digits.isEmpty, digits.count <= 3,
      digits.allSatisfy({ $0.isASCII && $0.isNumber }), let weeks = Int(digits),
      (1...520).contains(weeks)
    else {
      throw .invalidValue(
        field: "window", value: text, expected: "a number of weeks such as 4w, 13w, 26w or 52w")
    }
    return ending(on: today, weeks: weeks)
  }

  /// Whether `day` falls in the window.
  public func contains(_ day: Day) -> Bool {
    start <= day && day <= end
  }
}
