import Foundation
import Testing

@testable import RhythmCore

@Suite("Agenda templates")
struct AgendaTemplateTests {
  @Test(arguments: [
    ("weekly", 90, 7), ("pipeline", 45, 5), ("monthly", 60, 4), ("quarterly", 180, 5),
  ])
  func shippedTemplates(_ name: String, _ minutes: Int, _ sections: Int) throws {
    let template = try #require(AgendaTemplate.named(name))
    #expect(template.name == name)
    #expect(template.totalMinutes == minutes)
    #expect(template.sections.count == sections)
  }

  @Test func lookupAndOrder() {
    #expect(AgendaTemplate.named(" Weekly ") == .weekly)
    #expect(AgendaTemplate.named("daily") == nil)
    #expect(AgendaTemplate.weekly.sections.first == AgendaSection("Check-in", minutes: 5))
    #expect(AgendaTemplate.weekly.sections[5] == AgendaSection("Topics", minutes: 60))
    #expect(AgendaTemplate.quarterly.sections[2].title == "Next 90 days: priorities and owners")
    #expect(AgendaTemplate.all.map(\.name) == ["weekly", "pipeline", "monthly", "quarterly"])
  }

  @Test func customAgenda() throws {
    #expect(
      try AgendaTemplate.parseSections("Check-in:5,Metrics:10, Steps : 10") == [
        AgendaSection("Check-in", minutes: 5), AgendaSection("Metrics", minutes: 10),
        AgendaSection("Steps", minutes: 10),
      ])
    #expect(try AgendaTemplate.sections(for: "pipeline") == AgendaTemplate.pipeline.sections)
    #expect(
      try AgendaTemplate.parseSections("Next 90 days: plan:30") == [
        AgendaSection("Next 90 days: plan", minutes: 30)
      ])
    for bad in ["Check-in", "Check-in:five", ":5", "Check-in:0", "Check-in:5,", "A:5,,B:5"] {
      #expect(throws: RhythmError.self, "\(bad)") { try AgendaTemplate.parseSections(bad) }
    }
  }

  @Test("the shipped templates give every section its kind")
  func templateKinds() {
    #expect(
      AgendaTemplate.weekly.sections.map(\.kind) == [
        .checkin, .scorecard, .priorities, .headlines, .steps, .topics, .conclude,
      ])
    #expect(
      AgendaTemplate.pipeline.sections.map(\.kind) == [
        .scorecard, .free, .steps, .topics, .conclude,
      ])
    #expect(AgendaTemplate.monthly.sections.map(\.kind) == [.scorecard, .free, .topics, .conclude])
    #expect(
      AgendaTemplate.quarterly.sections.map(\.kind) == [
        .priorities, .audit, .priorities, .decisionRights, .conclude,
      ])
  }

  @Test(
    "a kind is inferred from a section's name",
    arguments: [
      ("Check-in", SectionKind.checkin), ("Metrics", .scorecard), ("Funnel numbers", .scorecard),
      ("Rocks", .priorities), ("Customer headlines", .headlines), ("Newsletter plan", .free),
      ("Last steps", .steps), ("Action items", .steps), ("Issues", .topics),
      ("Course corrections", .topics), ("Collaboration audit", .audit),
      ("Who decides what", .decisionRights), ("Next steps", .conclude), ("Wrap-up", .conclude),
      ("Campaign results", .free), ("Performance", .scorecard), ("KPIs", .scorecard),
      ("Metrics review", .scorecard),
    ])
  func inference(_ title: String, _ kind: SectionKind) {
    #expect(SectionKind.inferred(from: title) == kind)
    #expect(AgendaSection(title, minutes: 5).kind == kind)
  }

  @Test("a custom agenda takes Name:minutes:kind, and refuses a kind it does not know")
  func customKinds() throws {
    #expect(
      try AgendaTemplate.parseSections("Open questions:20:topics,Check-in:5, Wins : 5 : headlines")
        == [
          AgendaSection("Open questions", minutes: 20, kind: .topics),
          AgendaSection("Check-in", minutes: 5, kind: .checkin),
          AgendaSection("Wins", minutes: 5, kind: .headlines),
        ])
    #expect(
      try AgendaTemplate.parseSections("Plan: next 90 days:30:decision-rights") == [
        AgendaSection("Plan: next 90 days", minutes: 30, kind: .decisionRights)
      ])
    do {
      _ = try AgendaTemplate.parseSections("Wins:5:cheers")
      Issue.record("an unknown kind was accepted")
    } catch {
      #expect(error.description.contains("cheers"))
      #expect(error.description.contains("decision-rights"))
    }
  }

  @Test("a section stored before sections had kinds gets its title's kind, in both readers")
  func oldSections() throws {
    let old = #"{"minutes":5,"title":"Headlines"}"#
    #expect(
      AgendaSection(json: try JSONParser.parse(old))
        == AgendaSection("Headlines", minutes: 5, kind: .headlines))
    let decoded = try RecordCoding.makeDecoder().decode(AgendaSection.self, from: Data(old.utf8))
    #expect(decoded.kind == .headlines)
    let newer = #"{"kind":"mood-board","minutes":5,"title":"Topics"}"#
    let fromNewer = try RecordCoding.makeDecoder().decode(
      AgendaSection.self, from: Data(newer.utf8))
    #expect(fromNewer.kind == .topics)
    #expect(AgendaSection(json: try JSONParser.parse(newer))?.kind == .topics)
    let written = AgendaSection("Numbers", minutes: 5, kind: .free).json
    #expect(
      written
        == .object(["title": .string("Numbers"), "minutes": .number(5), "kind": .string("free")]))
  }
}
