import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The People screen's exchanges, given and received")
struct CockpitSummaryExchangeTests {
  @Test("a person's exchange counts for them and their teams; a team's for the team; old ones not")
  func countsPerPersonAndTeam() {
    var data = StoreState()
    for person in [
      Person(handle: "maria", name: "Maria", teams: ["marketing"]),
      Person(handle: "sam", name: "Sam", teams: ["sales"]),
    ] {
      data.people[person.handle] = person
    }
    let now = Fixtures.now
    let exchanges = [
      Exchange(id: "x1", from: "maria", to: "sales", text: "a brief", createdAt: now),
      Exchange(
        id: "x2", from: "sam", to: "maria", text: "an intro",
        createdAt: now.addingTimeInterval(-86_400)),
      // Outside the 13 weeks.
      Exchange(
        id: "x3", from: "sam", to: "maria", text: "long ago",
        createdAt: now.addingTimeInterval(-200 * 86_400)),
    ]
    for exchange in exchanges { data.exchanges[exchange.id] = exchange }

    let summary = CockpitSummary(data: data, now: now, timeZone: Fixtures.utc)
    let owners = Dictionary(uniqueKeysWithValues: summary.owners.map { ($0.key, $0) })
    let teams = Dictionary(uniqueKeysWithValues: summary.teams.map { ($0.key, $0) })
    #expect(owners["maria"].map { [$0.given, $0.received] } == [1, 1])
    #expect(owners["sam"].map { [$0.given, $0.received] } == [1, 0])
    #expect(teams["marketing"].map { [$0.given, $0.received] } == [1, 1])
    #expect(teams["sales"].map { [$0.given, $0.received] } == [1, 1])
  }
}
