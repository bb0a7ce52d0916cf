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
}
