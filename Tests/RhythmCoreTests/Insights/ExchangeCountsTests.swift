import Foundation
import Testing

@testable import RhythmCore

@Suite("Exchange counts per person and team")
struct ExchangeCountsTests {
  private static let utc = TimeZone(identifier: "UTC") ?? .current
  private static func at(_ text: String) -> Date { ISOInstant.parse(text) ?? Date() }

  private let teams = ["maria": ["marketing"], "tom": ["marketing", "ops"], "sam": ["sales"]]
  private let exchanges = [
    Exchange(id: "1", from: "maria", to: "sam", text: "a", createdAt: at("2026-11-20T10:00:00Z")),
    Exchange(id: "2", from: "sales", to: "tom", text: "b", createdAt: at("2026-11-21T10:00:00Z")),
    Exchange(id: "3", from: "tom", to: "maria", text: "c", createdAt: at("2026-11-22T10:00:00Z")),
    Exchange(id: "4", from: "sam", to: "maria", text: "old", createdAt: at("2026-01-05T10:00:00Z")),
  ]
  private let window = InsightWindow(
    start: Day(year: 2026, month: 11, day: 1) ?? Day(ordinal: 0),
    end: Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0))

  @Test("by owner: people only; teams are no owners; the window counts")
  func byOwner() {
    let counts = Insights.exchangeCounts(
      exchanges, by: .owner, window: window, timeZone: Self.utc, teamsByOwner: teams)
    #expect(
      counts.mapValues { [$0.given, $0.received] } == [
        "maria": [1, 1], "sam": [0, 1], "tom": [1, 1],
      ])
  }

  @Test("by team: a person counts for each of their teams, a team for itself")
  func byTeam() {
    let counts = Insights.exchangeCounts(
      exchanges, by: .team, window: window, timeZone: Self.utc, teamsByOwner: teams)
    #expect(
      counts.mapValues { [$0.given, $0.received] } == [
        "marketing": [2, 2], "ops": [1, 1], "sales": [1, 1],
      ])
    #expect(
      Insights.exchangeCounts(
        exchanges, by: .cadence, window: window, timeZone: Self.utc, teamsByOwner: teams
      ).isEmpty)
  }

  @Test("rows gain the counts, and people with only exchanges get a row")
  func merged() {
    let rows = [InsightRow(key: "maria", due: 2, done: 1, onTime: 1, overdue: 0)]
    let merged = Insights.adding(["maria": (1, 2), "sam": (3, 0)], to: rows)
    #expect(
      merged == [
        InsightRow(key: "maria", due: 2, done: 1, onTime: 1, overdue: 0, given: 1, received: 2),
        InsightRow(key: "sam", due: 0, done: 0, onTime: 0, overdue: 0, given: 3, received: 0),
      ])
  }
}
