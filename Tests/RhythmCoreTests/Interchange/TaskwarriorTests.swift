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

  private func parse(_ text: String) throws(RhythmError) -> [ImportedStep] {
    try Taskwarrior.parse(
      Array(text.utf8), source: "tasks.json", handles: ["maria"], defaultOwner: nil,
      defaultDue: today, timeZone: berlin)
  }

  private func message(_ text: String) -> String {
    do {
      _ = try parse(text)
      return "no error"
    } catch {
      return error.description
    }
  }

  @Test func malformedLinesNameFileLineAndColumn() {
    let good = #"{"description":"ok","status":"pending"}"#
    let cases: [(String, String)] = [
      (
        "[\n\(good),\n{\"description\":\"b\" \"due\":1}\n]",
        "tasks.json:3: column 20: expected ',' or '}'"
      ),
      (
        "[\n\(good),\n\(good),\n{\"description\":\"never closed}\n]",
        "tasks.json:4: column 30: control character"
      ),
      ("[\n\(good),\n]", "tasks.json:3: column 1: expected a value"),
      ("[\n\(good)\n\(good)\n]", "tasks.json:3: column 1: expected ',' or ']'"),
      ("[\(good)", "tasks.json:1: column 41: unexpected end of data"),
      ("[\(good)]\n[]", "tasks.json:2: column 1: unexpected text after the array"),
      ("\(good)\n\(good)\n42", "tasks.json:3: column 1: expected a task"),
      ("[{\"description\":\"a\\qb\"}]", "tasks.json:1: column 20: unknown escape"),
      ("[{\"description\":\"a\",\"x\":tru}]", "tasks.json:1: column 25: expected true"),
      ("[{\"description\":\"a\",\"x\":\"\\ud800\"}]", "lone surrogate"),
      ("[{\"x\":" + String(repeating: "[", count: 300) + "}]", "nested too deeply"),
      ("", "tasks.json:1: column 1: the export is empty"),
      ("\"tasks\"", "tasks.json:1: column 1: expected the JSON array"),
      ("[\n\(good),\n1\n]", "tasks.json:3: task 2 'not an object'"),
      (
        "[\n\(good),\n{\"description\":\"b\",\"status\":\"odd\"}\n]",
        "tasks.json:3: task 2 status 'odd'"
      ),
      ("[\n\(good),\n\n  {\"description\":\" \"}\n]", "tasks.json:4: task 2 description"),
      ("[{\"description\":\"b\",\n \"due\":\"soon\"}]", "tasks.json:1: task 1 due 'soon'"),
    ]
    for (text, expected) in cases {
      let found = message(text)
      #expect(found.contains(expected), "\(text): \(found)")
    }
  }

  @Test func objectsOneALineAsTaskImportReadsThem() throws {
    let text = """
      {"description":"One","tags":["maria"],"due":"20261201T000000Z"}
      {"description":"Two","status":"completed","end":"20261110T120000Z"}

      """
    let steps = try parse(text)
    #expect(steps.map(\.title) == ["One", "Two"])
    #expect(steps.map(\.owner) == ["maria", nil])
    #expect(steps[1].completedAt == ISOInstant.parse("2026-11-10T12:00:00Z"))
  }

  @Test func escapesByteOrderMarkAndUnmappedAttributes() throws {
    let text =
      "\u{FEFF}[{\"desc\\u0072iption\":\"Caf\\u00e9 \\\"x\\\" \\ud83d\\ude00\","
      + "\"annotations\":[{\"entry\":\"20261101T000000Z\",\"description\":\"note\"}],"
      + "\"urgency\":-1.5e+2,\"imask\":null,\"flag\":true,\"tags\":[\"a\",7,\"maria\"],"
      + "\"status\":7,\"project\":\"Q4 big plan\",\"success\":\"ok\"}]"
    let steps = try parse(text)
    #expect(steps.count == 1)
    #expect(steps[0].title == "Café \"x\" 😀")
    #expect(steps[0].status == .open)  // a status that is not a string counts as pending
    #expect(steps[0].owner == "maria")
    #expect(steps[0].tags == ["a", "Q4-big-plan"])
    #expect(steps[0].success == "ok")
  }

  /// What the reader passes over is judged as `JSONParser` judges it.
  @Test func passedOverValuesAreCheckedLikeJSONParser() {
    let values = [
      "0", "-0", "01", "1.5", "1.", ".5", "1e5", "1E+5", "1e", "-", "--1", "true", "tru", "null",
      "nul", "false", "\"a\"", "\"\\u00e9\"", "\"\\u00g9\"", "\"\\/\"", "\"\\x\"", "[]", "[1,]",
      "[1 2]", "{}", "{\"a\":1}", "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "[[[[]]]]",
      "\"\\ud83d\\ude00\"",
      "\"\\udc00\"", "\"\t\"", "\"é\"", "{\"k\":[{\"k\":\"v\"}]}",
    ]
    for value in values {
      let object = "{\"x\":\(value),\"description\":\"a\"}"
      let json = (try? JSONParser.parse(object)) != nil
      let read = (try? parse("[" + object + "]")) != nil
      #expect(json == read, "\(value): JSONParser \(json), reader \(read)")
    }
  }
}
