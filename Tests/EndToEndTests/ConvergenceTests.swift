import Foundation
import Testing

/// Clones of one team store, shared through a bare git remote with `rhythm sync`, make random
/// edits of the same records and sync in random orders; once nothing new arrives they must be
/// identical to each other and to a fresh replay, with no merge conflict and one history.
@Suite("Convergence through rhythm sync")
struct ConvergenceTests {
  @Test("3 clones × 40 random edits of the same steps, synced in random orders, converge")
  func threeClonesConverge() throws {
    let seed =
      ProcessInfo.processInfo.environment["RHYTHM_CONVERGENCE_SEED"].flatMap { UInt64($0) }
      ?? UInt64.random(in: 0...UInt64.max)
    var scenario = try ConvergenceScenario(seed: seed, clones: 3)
    try scenario.play(rounds: 4, operationsPerClone: 40)
    try scenario.settle()
    try scenario.checkConverged()
  }

  @Test("records made on two devices at the same instant list in one order on every device and run")
  func tiesListAlike() throws {
    let start = SyncedClones.millis(CLIFixture.now)
    let team = try SyncedClones(
      try CLIFixture(), people: ["maria", "li"], clocks: [start, start])
    try team.succeed(
      0, "cadence", "add", "Weekly", "--rule", "weekly mon 10:00", "--tz", "UTC")
    try team.sync(0)
    try team.sync(1)
    // Each device stores a review of the same occurrence, and decisions made in the same second.
    try team.succeed(0, "cadence", "skip", "Weekly", "2026-11-30")
    try team.succeed(1, "cadence", "move", "Weekly", "2026-11-30", "2026-12-01")
    for number in 1...3 {
      try team.succeed(0, "decision", "add", "Kept \(number)", "--by", "maria")
      try team.succeed(1, "decision", "add", "Changed \(number)", "--by", "li")
    }
    // Both add a cadence and a metric of the same name.
    for clone in [0, 1] {
      try team.succeed(
        clone, "cadence", "add", "Standup", "--rule", "weekly tue 09:00", "--tz", "UTC")
      try team.succeed(clone, "metric", "add", "Leads", "--owner", "maria", "--target", "10")
    }
    for clone in [0, 1, 0] { try team.sync(clone) }
    let reads = [
      ["review", "list", "--json"], ["decision", "list", "--json"], ["cadence", "list", "--json"],
      ["metric", "list", "--json"],
    ]
    for read in reads {
      let first = try team.succeed(0, read)
      // Each run hashes differently: an order left to a dictionary would show.
      for clone in [0, 1, 0, 1, 0, 1] {
        #expect(try team.succeed(clone, read) == first, "clone\(clone + 1): \(read)")
      }
    }
  }
}

/// The random team behind `ConvergenceTests`: what each clone has seen of the steps, and every
/// operation the test made (the trail printed when the clones differ).
private struct ConvergenceScenario {
  static let people = ["maria", "li", "ana"]
  /// The cadence's occurrences that clones skip and move (Mondays), with days to move them to.
  static let mondays = ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"]
  static let movedTo = ["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22"]
  /// What the test reads from every clone to compare them.
  static let reads: [[String]] = [
    ["step", "list", "--json"], ["decision", "list", "--json"],
    ["review", "list", "--json", "--from", "2026-11-01", "--to", "2027-01-31"], ["log", "--json"],
  ]

  /// One step as a clone last saw it.
  struct StepView {
    var id: String
    var owner: String
    var due: String
    var status: String
  }

  /// What a clone does next, with how often it is chosen.
  enum Move: CaseIterable {
    case title, due, owner, success, status, add, undo, decision, skip, move

    var weight: Int {
      switch self {
      case .title, .status: return 14
      case .due, .owner, .undo: return 10
      case .success, .add: return 8
      case .decision, .skip, .move: return 3
      }
    }
  }

  let seed: UInt64
  let team: SyncedClones
  var random: SeededGenerator
  /// Every step's id → the order the test made it in: choices go by that number, not by the
  /// random ids, so a seed replays the same choices.
  var numbers: [String: Int] = [:]
  /// Each clone's steps by number, as it last listed them, kept current for its own edits.
  var views: [[Int: StepView]]
  /// How many of its own operations each clone can still undo.
  var undoable: [Int]
  /// Operations in the journals, as the test counts them.
  var operations = 0
  /// Makes every title, success criterion and decision unique.
  var serial = 0
  var trail: [String] = []
  var note: String { "seed \(seed) (run again with RHYTHM_CONVERGENCE_SEED=\(seed)):" }

  /// The remote, `clones` clones with clocks up to three minutes apart, a cadence, and four
  /// steps everyone has.
  init(seed: UInt64, clones: Int) throws {
    self.seed = seed
    random = SeededGenerator(seed: seed)
    let start = SyncedClones.millis(CLIFixture.now)
    var clocks = [start]
    for _ in 1..<clones {
      clocks.append(start + Int64.random(in: -180_000...180_000, using: &random))
    }
    team = try SyncedClones(try CLIFixture(), people: Self.people, clocks: clocks)
    views = Array(repeating: [:], count: clones)
    undoable = Array(repeating: 0, count: clones)
    team.note = note
    try team.succeed(
      0, "cadence", "add", "Weekly", "--rule", "weekly mon 10:00", "--tz", "UTC",
      "--facilitator", "maria")
    for number in 0..<4 {
      try team.succeed(
        0, "step", "add", "Step \(number)", "--owner", Self.people[number % 3], "--due",
        "2026-12-0\(number + 1)")
    }
    try team.sync(0)
    operations = try logEntries(0).count
    for clone in 0..<clones {
      if clone > 0 { try team.sync(clone) }
      try look(clone)
    }
  }

  // MARK: - Playing

  /// `rounds` rounds; in each, every clone makes its share of operations and syncs once or
  /// twice, all interleaved at random.
  mutating func play(rounds: Int, operationsPerClone: Int) throws {
    for round in 1...rounds {
      var actions: [(clone: Int, sync: Bool)] = []
      for clone in views.indices {
        let share =
          operationsPerClone / rounds + (round <= operationsPerClone % rounds ? 1 : 0)
        actions += Array(repeating: (clone, false), count: share) + [(clone, true)]
        if Bool.random(using: &random) { actions.append((clone, true)) }
      }
      actions.shuffle(using: &random)
      for action in actions {
        if action.sync {
          try sync(action.clone, round: round)
        } else {
          try operate(action.clone, round: round)
        }
      }
    }
  }

  /// Every clone syncs, in a random order each pass, until a pass brings nothing new.
  mutating func settle() throws {
    for _ in 1...6 {
      var quiet = true
      for clone in views.indices.shuffled(using: &random) {
        let report = try sync(clone, round: 0)
        if report != "nothing to commit; up to date; nothing to push" { quiet = false }
      }
      if quiet { return }
    }
    Issue.record("\(note) the clones still exchanged operations after 6 passes of sync")
  }

  @discardableResult
  private mutating func sync(_ clone: Int, round: Int) throws -> String {
    let report = try team.sync(clone)
    trail.append("round \(round) clone\(clone + 1): sync: \(report)")
    try look(clone)
    return report
  }

  /// One random operation in `clone`, its clock moved on by up to 1.5 s first (so clones often
  /// write in the same second, and their clocks stay apart).
  private mutating func operate(_ clone: Int, round: Int) throws {
    team.advance(clone, by: Int64.random(in: 0...1_500, using: &random))
    var move = pick()
    if views[clone].isEmpty && [.title, .due, .owner, .success, .status].contains(move) {
      move = .add
    }
    if move == .undo && undoable[clone] == 0 { move = .title }
    serial += 1
    let numbers = views[clone].keys.sorted()
    // Most edits go to the four oldest steps the clone has, so clones meet on the same fields.
    let hot = Array(numbers.prefix(4))
    let number =
      (Int.random(in: 0..<10, using: &random) < 7 ? hot : numbers).randomElement(using: &random)
      ?? 0
    let step = views[clone][number]
    let id = step?.id ?? ""
    let arguments: [String]
    switch move {
    case .title:
      arguments = ["step", "edit", id, "--title", "Title \(serial) by clone\(clone + 1)"]
    case .success:
      arguments = ["step", "edit", id, "--success", "Success \(serial)"]
    case .due:
      let days = (1...31).map { String(format: "2026-12-%02d", $0) }.filter { $0 != step?.due }
      let due = days.randomElement(using: &random) ?? "2026-12-31"
      arguments = ["step", "edit", id, "--due", due]
      views[clone][number]?.due = due
    case .owner:
      let owner =
        Self.people.filter { $0 != step?.owner }.randomElement(using: &random) ?? "maria"
      arguments = ["step", "edit", id, "--owner", owner]
      views[clone][number]?.owner = owner
    case .status:
      let verbs: [String: String] = ["open": "reopen", "done": "done", "dropped": "drop"]
      let status =
        verbs.keys.sorted().filter { $0 != step?.status }.randomElement(using: &random) ?? "open"
      let verb = verbs[status] ?? "done"
      arguments = ["step", verb, id]
      views[clone][number]?.status = status
    case .add:
      let due = String(format: "2026-12-%02d", Int.random(in: 1...31, using: &random))
      let owner = Self.people.randomElement(using: &random) ?? "maria"
      arguments = [
        "step", "add", "New \(serial) by clone\(clone + 1)", "--owner", owner, "--due", due,
      ]
    case .undo:
      arguments = ["undo"]
    case .decision:
      let by = Self.people.randomElement(using: &random) ?? "maria"
      arguments = ["decision", "add", "Decision \(serial)", "--by", by]
    case .skip:
      arguments = ["cadence", "skip", "Weekly", Self.mondays.randomElement(using: &random) ?? ""]
    case .move:
      let week = Int.random(in: 0..<Self.mondays.count, using: &random)
      arguments = ["cadence", "move", "Weekly", Self.mondays[week], Self.movedTo[week]]
    }
    let at = SyncedClones.instant(team.clones[clone].millis)
    trail.append(
      "round \(round) clone\(clone + 1) at \(at): rhythm \(arguments.joined(separator: " "))")
    try team.succeed(clone, arguments)
    operations += 1
    undoable[clone] += move == .undo ? -1 : 1
    if move == .add || move == .undo { try look(clone) }
  }

  private mutating func pick() -> Move {
    var roll = Int.random(in: 0..<Move.allCases.reduce(0) { $0 + $1.weight }, using: &random)
    for move in Move.allCases {
      if roll < move.weight { return move }
      roll -= move.weight
    }
    return .title
  }

  /// Reads `clone`'s steps again (after a sync, an added step, an undo); a step the test has
  /// not seen before gets the next number.
  private mutating func look(_ clone: Int) throws {
    let output = try team.succeed(clone, "step", "list", "--json")
    let steps = try JSONDecoder().decode([StepJSON].self, from: Data(output.utf8))
    views[clone] = [:]
    for step in steps {
      let number = numbers[step.id] ?? numbers.count
      numbers[step.id] = number
      views[clone][number] = StepView(
        id: step.id, owner: step.owner, due: step.due, status: step.status)
    }
  }

  // MARK: - Checking

  /// Every clone, a copy of one rebuilt from its journals (`rhythm store rebuild`) and a fresh
  /// clone of the remote print the same steps, decisions, reviews and log; the final steps are
  /// what the log's last write of each field says; the clones' histories are linear and clean.
  func checkConverged() throws {
    let clones = views.indices
    let latest = team.clones.map(\.millis).max() ?? 0
    let replayed = try team.copy(of: 0)
    try team.succeed(replayed, "store", "rebuild")
    let fresh = try team.cloneRemote(person: "maria", millis: latest)
    team.setClocks(to: latest + 60_000)

    let expected = try Self.reads.map { try team.succeed(0, $0) }
    let names = clones.map { "clone\($0 + 1)" } + ["a rebuilt copy of clone1", "a fresh clone"]
    for (index, name) in zip(Array(clones) + [replayed, fresh], names) where index != 0 {
      for (read, want) in zip(Self.reads, expected) {
        let got = try team.succeed(index, read)
        #expect(
          got == want,
          """
          \(note) \(name) differs from clone1 in `rhythm \(read.joined(separator: " "))`: \
          \(Self.difference(got, want))
          \(trail.joined(separator: "\n"))
          """)
      }
    }

    let remoteHead = try team.git(["-C", team.remote, "rev-parse", "HEAD"])
    for clone in clones {
      #expect(try team.git(clone, "status", "--porcelain").isEmpty, "\(note) clone\(clone + 1)")
      #expect(
        try team.git(clone, "rev-list", "--merges", "--count", "HEAD") == "0\n",
        "\(note) clone\(clone + 1) made a merge commit")
      #expect(try team.git(clone, "rev-parse", "HEAD") == remoteHead, "\(note) clone\(clone + 1)")
    }

    let log = try logEntries(0)
    #expect(log.count == operations, "\(note) the log holds every operation the test made")
    try checkLastWritesWin(log)
  }

  /// The steps every clone lists are those whose last write (in log order: stamp order) of
  /// `deleted` is not `true`, each field holding its last write; and some write of a field was
  /// made without seeing the one before it (the scenario met concurrent edits).
  private func checkLastWritesWin(_ log: [[String: Any]]) throws {
    var last: [String: [String: String]] = [:]
    var concurrent = 0
    for entry in log where entry["kind"] as? String == "step" {
      let record = try #require(entry["record"] as? String)
      let created = entry["created"] as? Bool == true
      for change in try #require(entry["fields"] as? [[String: Any]]) {
        let field = try #require(change["field"] as? String)
        let new = Self.text(change["new"])
        if !created, let before = last[record]?[field], Self.text(change["old"]) != before {
          concurrent += 1
        }
        last[record, default: [:]][field] = new
      }
    }
    #expect(concurrent > 0, "\(note) no two clones edited the same field concurrently")

    let output = try team.succeed(0, "step", "list", "--json")
    let steps = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
    let live = last.filter { $0.value["deleted"] != "true" }
    #expect(Set(steps.compactMap { $0["id"] as? String }) == Set(live.keys), "\(note) live steps")
    for step in steps {
      let id = try #require(step["id"] as? String)
      for field in ["title", "owner", "due", "status", "success", "completedAt"] {
        #expect(
          Self.text(step[field]) == live[id]?[field] ?? "null",
          "\(note) step \(id) \(field): the last write in the log is \(live[id]?[field] ?? "null")")
      }
    }
  }

  private func logEntries(_ clone: Int) throws -> [[String: Any]] {
    let output = try team.succeed(clone, "log", "--json")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
  }

  /// A JSON value as text, `null` for none.
  private static func text(_ value: Any?) -> String {
    switch value {
    case nil, is NSNull: return "null"
    case let text as String: return text
    case let flag as Bool: return flag ? "true" : "false"
    case let value?: return "\(value)"
    }
  }

  /// Where two outputs part: the text around the first character that differs.
  private static func difference(_ got: String, _ want: String) -> String {
    let common = zip(got, want).prefix { $0 == $1 }.count
    let start = max(0, common - 80)
    return "at character \(common): got …\(got.dropFirst(start).prefix(200))… "
      + "clone1 has …\(want.dropFirst(start).prefix(200))…"
  }
}
