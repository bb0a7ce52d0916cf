import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// Setting up an empty store from the cockpit alone, through the real run loop.
@Suite("Setting up from the cockpit, from an empty store")
struct SetupFlowTests {
  private typealias F = SetupFixtures

  @Test(
    "People: a adds a person with a name and a team, T a team, e edits a person or renames a team")
  func people() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "5", "a")
    #expect(program.state.prompt?.purpose == .addPerson)
    F.type(program, backend, "maria | Maria Lopez | marketing")
    F.press(program, backend, "<enter>")
    let maria = try #require(program.state.data.people["maria"])
    #expect(maria.name == "Maria Lopez")
    #expect(maria.teams == ["marketing"])
    #expect(program.state.data.teams["marketing"] != nil)
    #expect(program.state.message?.text == "@maria added")

    F.press(program, backend, "T")
    F.type(program, backend, "sales")
    F.press(program, backend, "<enter>")
    #expect(program.state.data.teams["sales"] != nil)
    #expect(
      program.state.peopleRows.map(\.label) == ["Maria Lopez", "team marketing", "team sales"])

    F.press(program, backend, "g", "e")
    #expect(program.state.prompt?.field.value == "Maria Lopez | marketing")
    F.press(program, backend, "ctrl+u")
    F.type(program, backend, "Maria L. | marketing, sales")
    F.press(program, backend, "<enter>")
    #expect(program.state.data.people["maria"]?.name == "Maria L.")
    #expect(program.state.data.people["maria"]?.teams == ["marketing", "sales"])

    // e on a team renames it; its people follow.
    F.press(program, backend, "G", "e")
    #expect(program.state.prompt?.purpose == .renameTeam(name: "sales"))
    #expect(program.state.prompt?.field.value == "sales")
    F.press(program, backend, "ctrl+u")
    F.type(program, backend, "marketing")
    F.press(program, backend, "<enter>")
    #expect(program.state.prompt?.error?.contains("already a team 'marketing'") == true)
    F.press(program, backend, "ctrl+u")
    F.type(program, backend, "revenue")
    F.press(program, backend, "<enter>")
    #expect(program.state.data.people["maria"]?.teams == ["marketing", "revenue"])
    #expect(program.state.data.teams["sales"] == nil)
    #expect(
      program.state.peopleRows.map(\.label) == ["Maria L.", "team marketing", "team revenue"])
  }

  @Test("a person already there, or a handle that cannot be one, keeps the line open")
  func badPeople() {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "5", "a")
    F.type(program, backend, "Maria Lopez | x")
    F.press(program, backend, "<enter>")
    #expect(program.state.prompt?.error?.contains("handle") == true)
    #expect(program.state.data.people.isEmpty)
    F.press(program, backend, "ctrl+u")
    F.type(program, backend, "maria")
    F.press(program, backend, "<enter>", "a")
    F.type(program, backend, "maria")
    F.press(program, backend, "<enter>")
    #expect(program.state.prompt?.error?.contains("maria") == true)
    #expect(program.state.data.people.count == 1)
  }

  @Test("Cadences: a new cadence's facilitator is the cockpit's user, added as a person")
  func cadenceFromEmptyStore() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "4", "a")
    F.type(program, backend, "Weekly ops | weekly mon 10:00 | weekly")
    F.press(program, backend, "<enter>")
    let cadence = try #require(program.state.data.cadences.values.first)
    #expect(cadence.title == "Weekly ops")
    #expect(cadence.facilitator == "tester")
    #expect(cadence.participants == ["tester"])
    #expect(program.state.data.people["tester"] != nil)
    #expect(program.state.data.people["someone"] == nil)
    #expect(program.state.summary.upcoming.first?.cadenceID == cadence.id)
  }

  @Test("Cadences: e edits the participants; an unknown one is offered as a person")
  func cadenceParticipants() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "4", "a")
    F.type(program, backend, "Weekly ops | weekly mon 10:00 | weekly")
    F.press(program, backend, "<enter>", "e")
    let text = try #require(program.state.prompt?.field.value)
    #expect(text.hasSuffix(" | @tester"))
    F.type(program, backend, " @ben")
    F.press(program, backend, "<enter>")
    #expect(program.state.prompt?.purpose == .confirmPerson(handle: "ben"))
    F.press(program, backend, "y")
    #expect(program.state.prompt == nil)
    #expect(program.state.data.people["ben"] != nil)
    #expect(program.state.data.cadences.values.first?.participants == ["tester", "ben"])
  }

  @Test("Metrics: a adds a metric with owner, target and unit; e edits it")
  func metrics() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "6", "a")
    F.type(program, backend, "Win rate | @tester | >=25 | %")
    F.press(program, backend, "<enter>")
    // The cockpit's user is not a person yet: one key adds them, and the metric is saved.
    #expect(program.state.prompt?.purpose == .confirmPerson(handle: "tester"))
    F.press(program, backend, "y")
    let metric = try #require(program.state.data.metrics.values.first)
    #expect(metric.name == "Win rate")
    #expect(metric.owner == "tester")
    #expect(metric.target == 25)
    #expect(metric.unit == "%")
    #expect(metric.direction == .higherIsBetter)
    #expect(program.state.data.people["tester"] != nil)

    F.press(program, backend, "e")
    #expect(program.state.prompt?.field.value == "Win rate | @tester | >=25 | %")
    F.press(program, backend, "ctrl+u")
    F.type(program, backend, "Churn | @tester | <=3 | %")
    F.press(program, backend, "<enter>")
    let edited = try #require(program.state.data.metrics[metric.id])
    #expect(edited.name == "Churn")
    #expect(edited.target == 3)
    #expect(edited.direction == .lowerIsBetter)
  }

  @Test("a target that is no number keeps the metric line open")
  func badTarget() {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "6", "a")
    F.type(program, backend, "Win rate | | lots")
    F.press(program, backend, "<enter>")
    #expect(program.state.prompt?.error?.contains("target") == true)
    #expect(program.state.data.metrics.isEmpty)
  }

  @Test("Priorities: P shows them, a adds one with owner and quarter, e edits title and owner")
  func priorities() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "5", "a")
    F.type(program, backend, "maria")
    F.press(program, backend, "<enter>", "6", "P", "a")
    #expect(program.state.prompt?.purpose == .addPriority)
    F.type(program, backend, "Launch partners | @maria | 2027-Q1")
    F.press(program, backend, "<enter>")
    let priority = try #require(program.state.data.priorities.values.first)
    #expect(priority.title == "Launch partners")
    #expect(priority.owner == "maria")
    #expect(priority.quarter == "2027-Q1")

    F.press(program, backend, "e")
    #expect(program.state.prompt?.field.value == "Launch partners | @maria | 2027-Q1")
    F.press(program, backend, "ctrl+u")
    F.type(program, backend, "Launch the partner programme | @maria")
    F.press(program, backend, "<enter>")
    #expect(program.state.data.priorities[priority.id]?.title == "Launch the partner programme")
    #expect(program.state.data.priorities[priority.id]?.quarter == "2027-Q1")

    // Without a quarter: this one (2026-Q4 on Fixtures.now).
    F.press(program, backend, "a")
    F.type(program, backend, "Hire an SDR")
    F.press(program, backend, "<enter>", "y")
    let second = try #require(
      program.state.data.priorities.values.first { $0.title == "Hire an SDR" })
    #expect(second.quarter == "2026-Q4")
    #expect(second.owner == "tester")
  }

  @Test("Topics: t raises one in the review, e renames the selected one")
  func topics() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "4", "a")
    F.type(program, backend, "Weekly ops | weekly mon 10:00 | weekly")
    F.press(program, backend, "<enter>", "2", "s", "t")
    F.type(program, backend, "Pricing page")
    F.press(program, backend, "<enter>")
    let topic = try #require(program.state.data.topics.values.first)
    // Check-in, Scorecard, Priorities, Headlines, Last steps, Topics.
    F.press(program, backend, "n", "n", "n", "n", "n", "e")
    #expect(program.state.prompt?.purpose == .editTopic(topicID: topic.id))
    #expect(program.state.prompt?.field.value == "Pricing page")
    F.type(program, backend, " v2")
    F.press(program, backend, "<enter>")
    #expect(program.state.data.topics[topic.id]?.title == "Pricing page v2")
  }

  @Test("an unknown @newbie in a capture: y adds them and saves the step")
  func unknownHandle() throws {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "4", "a")
    F.type(program, backend, "Weekly ops | weekly mon 10:00 | weekly")
    F.press(program, backend, "<enter>", "2", "s", "a")
    F.type(program, backend, "Call the venue @newbie due:fri")
    F.press(program, backend, "<enter>")
    #expect(program.state.prompt?.purpose == .confirmPerson(handle: "newbie"))
    #expect(program.state.prompt?.label == "@newbie is not a person here")
    #expect(program.state.data.steps.isEmpty)
    // Other keys ring the bell and change nothing.
    let bells = backend.bellCount
    F.press(program, backend, "x")
    #expect(backend.bellCount == bells + 1)
    #expect(program.state.prompt?.purpose == .confirmPerson(handle: "newbie"))
    F.press(program, backend, "y")
    #expect(program.state.prompt == nil)
    #expect(program.state.data.people["newbie"]?.name == "newbie")
    let step = try #require(program.state.data.steps.values.first)
    #expect(step.title == "Call the venue")
    #expect(step.owner == "newbie")
    #expect(step.review == program.state.review?.reviewID)
    // Two actions: u undoes the step, then the person.
    #expect(program.state.undoSizes.suffix(2) == [1, 1])
  }

  @Test("esc on the offer goes back to the line as typed; nothing is added")
  func unknownHandleBack() {
    let (program, backend) = F.emptyProgram()
    F.press(program, backend, "4", "a")
    F.type(program, backend, "Weekly ops | weekly mon 10:00 | weekly")
    F.press(program, backend, "<enter>", "2", "s", "a")
    F.type(program, backend, "Call the venue @newbie")
    F.press(program, backend, "<enter>", "<esc>")
    #expect(program.state.prompt?.purpose == .capture)
    #expect(program.state.prompt?.field.value == "Call the venue @newbie")
    #expect(program.state.data.people["newbie"] == nil)
    #expect(program.state.data.steps.isEmpty)
  }
}
