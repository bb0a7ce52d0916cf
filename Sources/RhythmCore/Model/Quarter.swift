import Foundation

/// A calendar quarter, written `2026-Q4`: what priorities are set for and audits look back on.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  /// 1 to 4.
  public var number: Int

  /// The quarter `number` (1–4) of `year`.
  public init?(year: Int, number: Int) {
    guard (1...4).contains(number), (1...9999).contains(year) else { return nil }
    self.year = year
    self.number = number
  }

  /// The quarter that holds `day`.
  public init(containing day: Day) {
    let (year, month, _) = day.components
    self.year = year
    number = (month - 1) / 3 + 1
  }

  /// Reads `2026-Q4`, `2026Q4`, `2026 q4`, or `Q4` (of the year of `today`).
  public init?(parsing text: String, today: Day) {
    let compact = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
    guard let q = compact.firstIndex(of: "Q"), let number = Int(compact[compact.index(after: q)...])
    else { return nil }
    let yearText = compact[..<q]
    let year = yearText.isEmpty ? Quarter(containing: today).year : Int(yearText)
    guard let year, yearText.isEmpty || yearText.count == 4 else { return nil }
    self.init(year: year, number: number)
  }

  /// The first day of the quarter.
  public var start: Day { Day(year: year, month: number * 3 - 2, day: 1) ?? Day(ordinal: 0) }

  /// The last day of the quarter.
  public var end: Day { next.start.adding(days: -1) }

  /// The quarter after this one.
  public var next: Quarter {
    number == 4
      ? Quarter(year: year + 1, number: 1) ?? self : Quarter(year: year, number: number + 1) ?? self
  }

  /// The quarter before this one.
  public var previous: Quarter {
    number == 1
      ? Quarter(year: year - 1, number: 4) ?? self : Quarter(year: year, number: number - 1) ?? self
  }

  /// Whether `day` falls in the quarter.
  public func contains(_ day: Day) -> Bool { start <= day && day <= end }

  public var description: String { "\(year)-Q\(number)" }

  public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
    (lhs.year, lhs.number) < (rhs.year, rhs.number)
  }
}
