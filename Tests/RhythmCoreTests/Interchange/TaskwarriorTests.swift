import Foundation
import Testing

@testable import RhythmCore

private let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)
private let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current

@Suite("Taskwarrior import")
struct TaskwarriorTests {
  static let export = """
    [
    {"id":1,"description":"Write launch plan","entry":"20261120T101500Z","status":"pending",
     "uuid":"u1","due":"20261130T230000Z","tags":["maria","launch"],"project":"Q4 plan"},
    {"id":0,"description":"Old thing","entry":"20261101T101500Z","end":"20261110T120000Z",
     "status":"completed","uuid":"u2","due":"20261112T000000Z"},
    {"id":0,"description":"Gone","entry":"20261101T101500Z","end":"20261105T120000Z",
     "status":"deleted","uuid":"u3"},
    {"id":0,"description":"Weekly report","status":"recurring","uuid":"u4","due":"20261201T000000Z"},
    {"id":2,"description":"Later","status":"waiting","uuid":"u5","tags":["sam"],"success":"done well"}
    ]
    """

  @Test func statusesOwnersDatesAndTagsMap() throws {
    let steps = try Taskwarrior.parse(
      Self.export, handles: ["maria", "sam"], defaultOwner: "lea", defaultDue: today,
      timeZone: berlin)
    #expect(steps.map(\.title) == ["Write launch plan", "Old thing", "Gone", "Later"])
    #expect(steps.map(\.status) == [.open, .done, .dropped, .open])
    #expect(steps.map(\.owner) == ["maria", "lea", "lea", "sam"])
    // Local midnight in Berlin, written in UTC, is the 1st of December there.
    #expect(steps[0].due == Day.parse("2026-12-01"))
    #expect(steps[0].tags == ["launch", "Q4-plan"])
    #expect(steps[0].createdAt == ISOInstant.parse("2026-11-20T10:15:00Z"))
    #expect(steps[0].completedAt == nil)
    #expect(steps[1].completedAt == ISOInstant.parse("2026-11-10T12:00:00Z"))
    #expect(steps[2].completedAt == ISOInstant.parse("2026-11-05T12:00:00Z"))
    #expect(steps[2].due == today)
    #expect(steps[3].success == "done well")
  }

  @Test func withoutADefaultOwnerTheOwnerIsNil() throws {
    let steps = try Taskwarrior.parse(
      Self.export, handles: [], defaultOwner: nil, defaultDue: today, timeZone: berlin)
    #expect(steps.allSatisfy { $0.owner == nil })
    #expect(steps[3].tags == ["sam"])
  }

  @Test func aTaskWithoutDueNeedsADefault() {
    #expect(throws: RhythmError.self) {
      try Taskwarrior.parse(
        Self.export, handles: [], defaultOwner: nil, defaultDue: nil, timeZone: berlin)
    }
  }

  @Test func badInputIsAnError() {
    for text in [
      "{not json", "42", "[{\"status\":\"pending\"}]",
      "[{\"description\":\"x\",\"status\":\"odd\"}]",
      "[{\"description\":\"x\",\"due\":\"tomorrow\"}]",
    ] {
      #expect(throws: RhythmError.self, "\(text)") {
        try Taskwarrior.parse(
          text, handles: [], defaultOwner: nil, defaultDue: today, timeZone: berlin)
      }
    }
  }

  @Test func importedStepBecomesAStep() {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let imported = ImportedStep(
      title: "T", owner: nil, due: today, tags: ["a"], status: .done, origin: "task 1")
    let step = imported.step(id: "01x", owner: "maria", now: now)
    #expect(step.owner == "maria")
    #expect(step.status == .done)
    #expect(step.completedAt == now)
    #expect(step.createdAt == now)
    #expect(step.tags == ["a"])
  }
}
