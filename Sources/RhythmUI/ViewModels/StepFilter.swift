import Foundation
import RhythmCore

/// The steps filter, parsed from what was typed after `/`: every term must match (AND).
///
/// Terms: words (in the title, any case), `@owner` and `#tag` (prefixes), `due<DAY`,
/// `due<=DAY`, `due>DAY`, `due>=DAY` (any date form: `fri`, `+2w`, `2026-12-01`), `overdue`,
/// and `status:open|done|dropped|all`. Without a status term only open steps match.
public struct StepFilter: Hashable, Sendable {
  /// One condition.
  public enum Term: Hashable, Sendable {
    /// The lower-cased title contains the word.
    case word(String)
    /// The owner's handle starts with this.
    case owner(String)
    /// A tag starts with this.
    case tag(String)
    /// Due before (or on, when `inclusive`) the day.
    case dueBefore(Day, inclusive: Bool)
    /// Due after (or on, when `inclusive`) the day.
    case dueAfter(Day, inclusive: Bool)
    /// Open and past its due day.
    case overdue
  }

  /// The conditions, all of which must hold.
  public var terms: [Term]
  /// The statuses that match; empty means any.
  public var statuses: Set<Step.Status>
  /// Words that could not be read (a date that is not one), shown as a hint.
  public var problems: [String]

  /// Parses filter text relative to `today`.
  public init(_ text: String, today: Day) {
    terms = []
    statuses = [.open]
    problems = []
    for rawWord in text.split(whereSeparator: \.isWhitespace) {
      let word = String(rawWord)
      let lower = word.lowercased()
      if lower.hasPrefix("@"), lower.count > 1 {
        terms.append(.owner(String(lower.dropFirst())))
      } else if lower.hasPrefix("#"), lower.count > 1 {
        terms.append(.tag(String(lower.dropFirst())))
      } else if lower == "overdue" {
        terms.append(.overdue)
      } else if lower.hasPrefix("status:") {
        let value = lower.dropFirst(7)
        if value == "all" || value == "any" {
          statuses = []
        } else {
          let matching = Step.Status.allCases.filter { $0.rawValue.hasPrefix(value) }
          if value.isEmpty || matching.isEmpty {
            problems.append(word)
          } else {
            statuses = Set(matching)
          }
        }
      } else if lower.hasPrefix("due"), let term = StepFilter.dueTerm(lower, today: today) {
        if let term { terms.append(term) } else { problems.append(word) }
      } else {
        terms.append(.word(lower))
      }
    }
  }

  /// Whether the filter keeps everything that is open (nothing typed).
  public var isEmpty: Bool { terms.isEmpty && statuses == [.open] }

  /// Whether the step of `row` (held, or in `archive`) matches. Words are looked for in the
  /// row's lower-cased title and success criterion as bytes (the list asks this of thousands
  /// of rows per key typed).
  public func matches(_ row: TriageRow, in archive: StepArchive, today: Day) -> Bool {
    let status = row.status(in: archive)
    if !statuses.isEmpty && !statuses.contains(status) { return false }
    for term in terms {
      switch term {
      case .word(let word):
        if !TriageRow.contains(row.searchText(in: archive), word) { return false }
      case .owner(let prefix):
        if !row.owner(in: archive).hasPrefix(prefix) { return false }
      case .tag(let prefix):
        if !row.tags(in: archive).contains(where: { $0.lowercased().hasPrefix(prefix) }) {
          return false
        }
      case .dueBefore(let day, let inclusive):
        let due = row.due(in: archive)
        if inclusive ? due > day : due >= day { return false }
      case .dueAfter(let day, let inclusive):
        let due = row.due(in: archive)
        if inclusive ? due < day : due <= day { return false }
      case .overdue:
        if status != .open || row.due(in: archive) >= today { return false }
      }
    }
    return true
  }

  /// Whether every step `self` matches is also matched by `broader`'s result, so filtering can
  /// start from the previous result: true when `self` only adds or lengthens text terms.
  public func narrows(_ broader: StepFilter) -> Bool {
    guard statuses == broader.statuses, problems.isEmpty, terms.count >= broader.terms.count
    else { return false }
    for (old, new) in zip(broader.terms, terms) {
      switch (old, new) {
      case (.word(let before), .word(let after)):
        if !after.contains(before) { return false }
      case (.owner(let before), .owner(let after)), (.tag(let before), .tag(let after)):
        if !after.hasPrefix(before) { return false }
      default:
        if old != new { return false }
      }
    }
    return true
  }

  /// `due<fri` and friends: `.some(nil)` when it looks like a due term but the day is unreadable,
  /// `nil` when it is just a word starting with "due".
  private static func dueTerm(_ word: String, today: Day) -> Term?? {
    let rest = word.dropFirst(3)
    let operators: [(String, (Day) -> Term)] = [
      ("<=", { .dueBefore($0, inclusive: true) }), (">=", { .dueAfter($0, inclusive: true) }),
      ("<", { .dueBefore($0, inclusive: false) }), (">", { .dueAfter($0, inclusive: false) }),
      (":", { .dueBefore($0, inclusive: true) }),
    ]
    for (symbol, make) in operators where rest.hasPrefix(symbol) {
      let text = String(rest.dropFirst(symbol.count))
      guard !text.isEmpty, let day = try? DateShorthand.parse(text, today: today) else {
        return .some(nil)
      }
      return .some(make(day))
    }
    return nil
  }
}

/// A step as the triage list holds it: a step the cockpit holds in full, or one of its
/// ``StepArchive`` (by position), with the lower-cased search text once a word filter needed it.
public struct TriageRow: Sendable {
  /// Where the row's step is. A held step is boxed, so an archived row takes a few bytes.
  enum Source: Sendable {
    indirect case held(Step)
    case archived(Int)
  }

  /// What sorting, filtering and drawing a row read, whichever kind of row it is.
  public struct Facts {
    public var id: String
    public var title: String
    public var owner: String
    public var due: Day
    public var status: Step.Status
    public var createdAt: Date
    public var tags: [String]
  }

  var source: Source {
    didSet { lowered = nil }
  }
  /// The search text, once a word filter needed it.
  private var lowered: String?

  /// A row for a step held in full.
  public init(_ step: Step) {
    source = .held(step)
  }

  /// A row for the archived step at `position`.
  init(archived position: Int) {
    source = .archived(position)
  }

  /// The step, when it is held in full.
  var heldStep: Step? {
    if case .held(let step) = source { return step }
    return nil
  }

  /// The row's facts, from the step or from `archive`'s columns.
  func facts(in archive: StepArchive) -> Facts {
    switch source {
    case .held(let step):
      return Facts(
        id: step.id, title: step.title, owner: step.owner, due: step.due, status: step.status,
        createdAt: step.createdAt, tags: step.tags)
    case .archived(let position):
      return Facts(
        id: archive.ids[position], title: archive.titles[position],
        owner: archive.owner(at: position), due: archive.due(at: position),
        status: archive.status(at: position), createdAt: archive.createdAt(at: position),
        tags: archive.tags(at: position))
    }
  }

  /// The step's id.
  func id(in archive: StepArchive) -> String {
    switch source {
    case .held(let step): return step.id
    case .archived(let position): return archive.ids[position]
    }
  }

  /// The step's status.
  func status(in archive: StepArchive) -> Step.Status {
    switch source {
    case .held(let step): return step.status
    case .archived(let position): return archive.status(at: position)
    }
  }

  /// The owner's handle.
  func owner(in archive: StepArchive) -> String {
    switch source {
    case .held(let step): return step.owner
    case .archived(let position): return archive.owner(at: position)
    }
  }

  /// The due day.
  func due(in archive: StepArchive) -> Day {
    switch source {
    case .held(let step): return step.due
    case .archived(let position): return archive.due(at: position)
    }
  }

  /// The tags.
  func tags(in archive: StepArchive) -> [String] {
    switch source {
    case .held(let step): return step.tags
    case .archived(let position): return archive.tags(at: position)
    }
  }

  /// Whether `text` holds `word`, compared as UTF-8 bytes (both lower-cased already).
  static func contains(_ text: String, _ word: String) -> Bool {
    var text = text
    var word = word
    return text.withUTF8 { haystack in
      word.withUTF8 { needle in
        guard !needle.isEmpty else { return false }
        guard needle.count <= haystack.count, let first = needle.first,
          let haystackBase = haystack.baseAddress, let needleBase = needle.baseAddress
        else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
          guard
            let found = memchr(haystackBase + start, Int32(first), last - start + 1)
          else { return false }
          let offset = haystackBase.distance(
            to: found.assumingMemoryBound(to: UInt8.self))
          if memcmp(haystackBase + offset, needleBase, needle.count) == 0 { return true }
          start = offset + 1
        }
        return false
      }
    }
  }

  /// The full step (an archived one is decoded from its snapshot line).
  func step(in archive: StepArchive) -> Step? {
    switch source {
    case .held(let step): return step
    case .archived(let position): return archive.step(at: position)
    }
  }

  /// Title and success criterion, lower-cased.
  func searchText(in archive: StepArchive) -> String {
    if let lowered { return lowered }
    switch source {
    case .held(let step): return (step.title + " " + (step.success ?? "")).lowercased()
    case .archived(let position):
      return (archive.titles[position] + " " + (archive.success(at: position) ?? "")).lowercased()
    }
  }

  /// Works the search text out and keeps it (the list does this only for rows a word filter
  /// looks at, so opening the cockpit on 50,000 steps lower-cases nothing).
  mutating func prepareSearchText(in archive: StepArchive) {
    if lowered == nil { lowered = searchText(in: archive) }
  }
}

/// The orders the triage list can be sorted in.
public enum StepSort: String, CaseIterable, Hashable, Sendable {
  case due, owner, status, created

  /// Whether the step of `lhs` comes before that of `rhs`; ties fall back to due day, then
  /// creation, then id. Sorting compares keys taken once per step, so no step is copied.
  func precedes(_ lhs: SortKey, _ rhs: SortKey) -> Bool {
    switch self {
    case .due: break
    case .owner: if lhs.owner != rhs.owner { return lhs.owner < rhs.owner }
    case .status: if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
    case .created: if lhs.createdAt != rhs.createdAt { return lhs.createdAt > rhs.createdAt }
    }
    if lhs.due != rhs.due { return lhs.due < rhs.due }
    if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
    return lhs.id < rhs.id
  }

  /// What the orders compare, taken from a step once, with where the step is.
  struct SortKey {
    var due: Int32
    var rank: UInt8
    var createdAt: Date
    var owner: String
    var id: String
    var index: Int

    init(_ facts: TriageRow.Facts, index: Int) {
      due = facts.due.ordinal
      rank = UInt8(StepSort.rank(facts.status))
      createdAt = facts.createdAt
      owner = facts.owner
      id = facts.id
      self.index = index
    }
  }

  /// The next sort in the cycle.
  var next: StepSort {
    let all = StepSort.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + 1) % all.count]
  }

  private static func rank(_ status: Step.Status) -> Int {
    switch status {
    case .open: return 0
    case .done: return 1
    case .dropped: return 2
    }
  }
}
