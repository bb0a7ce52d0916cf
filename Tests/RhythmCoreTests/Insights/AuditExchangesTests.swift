import Foundation
import Testing

@testable import RhythmCore

@Suite("The exchanges an audit counts: the 13 weeks before the review")
struct AuditExchangesTests {
  private static let utc = TimeZone(identifier: "UTC") ?? .current
  private static func at(_ text: String) -> Date { ISOInstant.parse(text) ?? Date() }

  @Test("a quarterly review early in January counts last quarter's exchanges, not the new one's")
  func quarterUnderReview() {
    let occurrence = Self.at("2027-01-06T09:30:00Z")
    let window = AuditSummary.exchangeWindow(for: occurrence, in: Self.utc)
    #expect(window.start == Day(year: 2026, month: 10, day: 8))
    #expect(window.end == Day(year: 2027, month: 1, day: 6))
    var dropped = Exchange(
      id: "5", from: "sam", to: "tom", text: "dropped", createdAt: Self.at("2026-12-01T10:00:00Z"))
    dropped.deleted = true
    let exchanges = [
      Exchange(
        id: "1", from: "sam", to: "tom", text: "a", createdAt: Self.at("2026-10-07T23:59:00Z")),
      Exchange(
        id: "2", from: "sam", to: "tom", text: "b", createdAt: Self.at("2026-10-08T00:00:00Z")),
      Exchange(
        id: "3", from: "sam", to: "tom", text: "c", createdAt: Self.at("2026-12-15T10:00:00Z")),
      // Logged during the meeting: counted.
      Exchange(
        id: "4", from: "sam", to: "tom", text: "d", createdAt: Self.at("2027-01-06T10:00:00Z")),
      Exchange(
        id: "6", from: "sam", to: "tom", text: "e", createdAt: Self.at("2027-01-07T10:00:00Z")),
      dropped,
    ]
    #expect(AuditSummary.exchangeCount(for: occurrence, in: exchanges, zone: Self.utc) == 3)
  }

  @Test("the label says which weeks")
  func label() {
    #expect(AuditSummary.exchangeLabel(1) == "1 exchange, last 13 weeks")
    #expect(AuditSummary.exchangeLabel(0) == "0 exchanges, last 13 weeks")
  }
}
