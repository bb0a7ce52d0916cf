import Foundation
import Testing

/// `rhythm stats --json` and `step list --status overdue` on a small store whose figures are
/// worked out by hand. Now is 2026-11-25 09:00 UTC; the default window (13w) is
/// 2026-08-27 … 2026-11-25.
///
/// | owner | due        | outcome                        | counts as                         |
/// | ----- | ---------- | ------------------------------ | --------------------------------- |
/// | maria | 2026-11-10 | done 11-09 12:00               | due, done, on time                |
/// | maria | 2026-11-10 | done 11-12 08:00               | due, done (late)                  |
/// | maria | 2026-11-20 | open                           | due, overdue                      |
/// | maria | 2026-12-01 | open                           | nothing (not due yet)             |
/// | li    | 2026-11-15 | dropped                        | nothing                           |
/// | li    | 2026-11-25 | open                           | due (due today: not overdue)      |
/// | li    | 2026-11-24 | done 11-24 23:59:59            | due, done, on time                |
/// | li    | 2026-08-27 | done 08-27 10:00               | due, done, on time (first day)    |
/// | li    | 2026-08-26 | done 08-26 10:00               | nothing (before the window)       |
/// | ben   | 2026-08-01 | open                           | overdue only (before the window)  |
/// | ben   | 2026-12-15 | done 11-20 10:00               | nothing (due after the window)    |
///
/// Teams: maria in marketing; li in marketing and sales; ben in none.
@Suite("Stats and overdue contracts")
struct StatsContractTests {
  /// The store above, built through the command line.
  static func handBuiltStore() throws -> CLIFixture {
    let fixture = try CLIFixture()
    try fixture.succeed("init")
    try fixture.succeed("person", "add", "maria", "--team", "marketing")
    try fixture.succeed("person", "add", "li", "--team", "marketing", "--team", "sales")
    try fixture.succeed("person", "add", "ben")
    func step(_ owner: String, _ due: String, done: String? = nil, dropped: Bool = false) throws {
      let short = try fixture.addStep("\(owner) due \(due) @\(owner)", "--due", due)
      if let done { try fixture.succeed("step", "done", short, env: ["RHYTHM_NOW": done]) }
      if dropped { try fixture.succeed("step", "drop", short) }
    }
    try step("maria", "2026-11-10", done: "2026-11-09T12:00:00Z")
    try step("maria", "2026-11-10", done: "2026-11-12T08:00:00Z")
    try step("maria", "2026-11-20")
    try step("maria", "2026-12-01")
    try step("li", "2026-11-15", dropped: true)
    try step("li", "2026-11-25")
    try step("li", "2026-11-24", done: "2026-11-24T23:59:59Z")
    try step("li", "2026-08-27", done: "2026-08-27T10:00:00Z")
    try step("li", "2026-08-26", done: "2026-08-26T10:00:00Z")
    try step("ben", "2026-08-01")
    try step("ben", "2026-12-15", done: "2026-11-20T10:00:00Z")
    return fixture
  }

  /// A stats row as numbers; a rate of `nil` stands for JSON null.
  struct Row: Equatable, CustomStringConvertible {
    var key: String
    var due, done, onTime, overdue: Int
    var completionRate, onTimeRate: Double?

    init(_ key: String, _ due: Int, _ done: Int, _ onTime: Int, _ overdue: Int) {
      self.key = key
      (self.due, self.done, self.onTime, self.overdue) = (due, done, onTime, overdue)
      completionRate = due > 0 ? Double(done) / Double(due) : nil
      onTimeRate = due > 0 ? Double(onTime) / Double(due) : nil
    }

    init(json: Any) throws {
      let fields = try object(json)
      #expect(
        Set(fields.keys) == [
          "key", "due", "done", "onTime", "overdue", "completionRate", "onTimeRate", "given",
          "received",
        ])
      key = try #require(fields["key"] as? String)
      due = try #require(fields["due"] as? Int)
      done = try #require(fields["done"] as? Int)
      onTime = try #require(fields["onTime"] as? Int)
      overdue = try #require(fields["overdue"] as? Int)
      for name in ["completionRate", "onTimeRate"] {
        #expect(fields[name] is NSNull || fields[name] is Double, "\(name): \(fields)")
      }
      completionRate = fields["completionRate"] as? Double
      onTimeRate = fields["onTimeRate"] as? Double
    }

    static func == (left: Row, right: Row) -> Bool {
      func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-9
        default: false
        }
      }
      return (left.key, left.due, left.done, left.onTime, left.overdue)
        == (right.key, right.due, right.done, right.onTime, right.overdue)
        && same(left.completionRate, right.completionRate)
        && same(left.onTimeRate, right.onTimeRate)
    }

    var description: String {
      "\(key) due \(due) done \(done) onTime \(onTime) overdue \(overdue) "
        + "rates \(String(describing: completionRate)) \(String(describing: onTimeRate))"
    }
  }

  static func stats(_ fixture: CLIFixture, _ options: String...) throws -> (
    window: [String: Any], rows: [Row]
  ) {
    let result = try fixture.run(["stats", "--json"] + options)
    try #require(result.status == 0 && result.stderr.isEmpty, "\(result)")
    let top = try object(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    #expect(Set(top.keys) == ["window", "rows"])
    return (try object(top["window"]), try array(top["rows"]).map(Row.init(json:)))
  }

  @Test("by owner, by team and by cadence (default 13-week window), and a 4-week window")
  func statsFigures() throws {
    let fixture = try Self.handBuiltStore()

    let byOwner = try Self.stats(fixture)
    #expect(byOwner.window as? [String: String] == ["start": "2026-08-27", "end": "2026-11-25"])
    #expect(
      byOwner.rows == [Row("ben", 0, 0, 0, 1), Row("li", 3, 2, 2, 0), Row("maria", 3, 2, 1, 1)])
    #expect(byOwner.rows.first?.completionRate == nil && byOwner.rows.first?.onTimeRate == nil)
    #expect(try Self.stats(fixture, "--by", "owner").rows == byOwner.rows)

    let byTeam = try Self.stats(fixture, "--by", "team")
    #expect(byTeam.window as? [String: String] == ["start": "2026-08-27", "end": "2026-11-25"])
    #expect(byTeam.rows == [Row("marketing", 6, 4, 3, 1), Row("sales", 3, 2, 2, 0)])

    // No step here came from a review, so no cadence has a row.
    let byCadence = try Self.stats(fixture, "--by", "cadence")
    #expect(byCadence.window as? [String: String] == ["start": "2026-08-27", "end": "2026-11-25"])
    #expect(byCadence.rows.isEmpty)

    // 4 weeks: 2026-10-29 … 2026-11-25; li's August steps fall out.
    let fourWeeks = try Self.stats(fixture, "--window", "4w")
    #expect(fourWeeks.window as? [String: String] == ["start": "2026-10-29", "end": "2026-11-25"])
    #expect(
      fourWeeks.rows == [Row("ben", 0, 0, 0, 1), Row("li", 2, 1, 1, 0), Row("maria", 3, 2, 1, 1)])
  }

  @Test("on time is judged in TZ: done 23:59:59 UTC on the due day is late in Berlin")
  func onTimeFollowsTimeZone() throws {
    let fixture = try Self.handBuiltStore()
    let result = try fixture.run(["stats", "--json"], env: ["TZ": "Europe/Berlin"])
    try #require(result.status == 0, "\(result)")
    let top = try object(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    let rows = try array(top["rows"]).map(Row.init(json:))
    #expect(rows == [Row("ben", 0, 0, 0, 1), Row("li", 3, 2, 1, 0), Row("maria", 3, 2, 1, 1)])
  }

  @Test("step list --status overdue lists open steps past due, by due date")
  func overdueList() throws {
    let fixture = try Self.handBuiltStore()
    let overdue = try fixture.steps("--status", "overdue")
    #expect(overdue.map(\.due) == ["2026-08-01", "2026-11-20"])
    #expect(overdue.map(\.owner) == ["ben", "maria"])
    #expect(overdue.allSatisfy { $0.status == "open" && $0.completedAt == nil })
    #expect(
      try fixture.steps("--status", "overdue", "--owner", "maria").map(\.due) == ["2026-11-20"])
    #expect(try fixture.steps("--status", "dropped").map(\.due) == ["2026-11-15"])
    let done = try fixture.steps("--status", "done", "--owner", "li")
    #expect(
      done.map(\.completedAt) == [
        "2026-08-26T10:00:00Z", "2026-08-27T10:00:00Z", "2026-11-24T23:59:59Z",
      ])
    #expect(try fixture.steps("--team", "sales").count == 5)
  }

  @Test(
    "stats --by cadence on the demo organisation: rows are consistent, rates null when nothing is due"
  )
  func cadenceShapeOnDemo() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    let byCadence = try Self.stats(fixture, "--by", "cadence")
    #expect(!byCadence.rows.isEmpty)
    for row in byCadence.rows {
      #expect(row == Row(row.key, row.due, row.done, row.onTime, row.overdue), "\(row)")
      #expect(row.onTime <= row.done && row.done <= row.due, "\(row)")
      #expect(!RecordIDLike.matches(row.key), "a cadence row is keyed by title: \(row)")
    }
  }
}

/// Whether a text looks like a record id (26 base-32 characters).
enum RecordIDLike {
  static func matches(_ text: String) -> Bool {
    text.count == 26 && text.allSatisfy { $0.isLowercase || $0.isNumber }
  }
}
