import Foundation

/// Adding, changing and removing cadences.
public enum CadenceEdits {
  /// A cadence as someone described it; rules and agendas already read.
  public struct Draft: Sendable {
    public var title: String
    public var rule: CompiledRule
    /// The first possible occurrence's wall time (the rule's time fills in a missing one).
    public var start: LocalDateTime
    public var timeZone: TimeZone
    /// Minutes; the agenda's total when `nil` (60 without an agenda).
    public var durationMinutes: Int?
    public var facilitator: String?
    public var participants: [String]
    public var team: String?
    public var agenda: [AgendaSection]

    /// A draft from its parts.
    public init(
      title: String, rule: CompiledRule, start: LocalDateTime, timeZone: TimeZone,
      durationMinutes: Int? = nil, facilitator: String? = nil, participants: [String] = [],
      team: String? = nil, agenda: [AgendaSection] = []
    ) {
      self.title = title
      self.rule = rule
      self.start = start
      self.timeZone = timeZone
      self.durationMinutes = durationMinutes
      self.facilitator = facilitator
      self.participants = participants
      self.team = team
      self.agenda = agenda
    }
  }

  /// Adds a cadence. Its facilitator and participants must be people of the store, its team a
  /// known team.
  /// With `addingFacilitator`, a facilitator who is not in the store yet is added as a person.
  public static func add(
    _ draft: Draft, addingFacilitator: Bool = false, in reader: some RecordReader,
    _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let title = try EditRules.text(draft.title, field: "title")
    try checkAgenda(draft.agenda)
    var changes: [Change] = []
    var known: [String: Person] = [:]
    if let typed = draft.facilitator, addingFacilitator,
      try reader.live(Person.self, id: EditRules.handle(typed)) == nil
    {
      let handle = EditRules.handle(typed)
      changes += try PeopleEdits.add(handle: handle, in: reader).changes
      known[handle] = Person(handle: handle, name: handle)
    }
    let withAdded = AddedPeople(reader: reader, added: known)
    let facilitator = try draft.facilitator.map { (typed) throws(RhythmError) in
      try EditRules.person(typed, in: withAdded)
    }
    let participants = try people(draft.participants, in: withAdded)
    let cadence = Cadence(
      id: context.newID(), title: title, rule: draft.rule.rule.description,
      start: draft.rule.start(on: draft.start).description,
      timeZone: draft.timeZone.identifier,
      durationMinutes: draft.durationMinutes ?? total(draft.agenda) ?? 60,
      facilitator: facilitator, participants: participants,
      team: try draft.team.map { (name) throws(RhythmError) in try EditRules.team(name, in: reader)
      },
      agenda: draft.agenda)
    return Edit(changes + [.create(cadence)], created: cadence.id)
  }

  /// What an edit of a cadence may change; `nil` leaves a field as it is.
  public struct Patch: Sendable {
    public var title: String?
    /// A new rule keeps the start's day.
    public var rule: CompiledRule?
    /// A new zone keeps the wall-clock time.
    public var timeZone: TimeZone?
    public var durationMinutes: Int?
    public var facilitator: String?
    public var participants: [String]?
    public var team: String?
    /// A new agenda; without a new duration the duration becomes its total.
    public var agenda: [AgendaSection]?

    /// A patch of the given fields.
    public init(
      title: String? = nil, rule: CompiledRule? = nil, timeZone: TimeZone? = nil,
      durationMinutes: Int? = nil, facilitator: String? = nil, participants: [String]? = nil,
      team: String? = nil, agenda: [AgendaSection]? = nil
    ) {
      self.title = title
      self.rule = rule
      self.timeZone = timeZone
      self.durationMinutes = durationMinutes
      self.facilitator = facilitator
      self.participants = participants
      self.team = team
      self.agenda = agenda
    }
  }

  /// Changes what `patch` sets and differs from the cadence.
  public static func edit(_ id: String, _ patch: Patch, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    guard let cadence = try reader.live(Cadence.self, id: id) else {
      throw .notFound(kind: "cadence", reference: id)
    }
    var edits: [FieldEdit<Cadence>] = []
    if let title = patch.title {
      let title = try EditRules.text(title, field: "title")
      if title != cadence.title { edits.append(.set(\.title, title)) }
    }
    if let compiled = patch.rule, compiled.rule.description != cadence.rule {
      guard let old = LocalDateTime.parse(cadence.start) else {
        throw .invalidValue(field: "start", value: cadence.start, expected: "YYYY-MM-DDTHH:MM:SS")
      }
      edits += [
        .set(\.rule, compiled.rule.description), .set(\.start, compiled.start(on: old).description),
      ]
    }
    if let zone = patch.timeZone, zone.identifier != cadence.timeZone {
      edits.append(.set(\.timeZone, zone.identifier))
    }
    if let agenda = patch.agenda, agenda != cadence.agenda {
      try checkAgenda(agenda)
      edits.append(.set(\.agenda, agenda))
      if patch.durationMinutes == nil, let minutes = total(agenda) {
        edits.append(.set(\.durationMinutes, minutes))
      }
    }
    if let minutes = patch.durationMinutes, minutes != cadence.durationMinutes {
      edits.append(.set(\.durationMinutes, minutes))
    }
    if let facilitator = patch.facilitator {
      let handle = try EditRules.person(facilitator, in: reader)
      if handle != cadence.facilitator { edits.append(.set(\.facilitator, handle)) }
    }
    if let participants = patch.participants {
      let handles = try people(participants, in: reader)
      if handles != cadence.participants { edits.append(.set(\.participants, handles)) }
    }
    if let name = patch.team {
      let team = try EditRules.team(name, in: reader)
      if team != cadence.team { edits.append(.set(\.team, team)) }
    }
    return Edit(edits.isEmpty ? [] : [.update(Cadence.self, id: id, edits)])
  }

  /// Removes a cadence (its reviews stay; undo brings it back).
  public static func remove(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Edit
  {
    guard try reader.live(Cadence.self, id: id) != nil else {
      throw .notFound(kind: "cadence", reference: id)
    }
    return Edit([.update(Cadence.self, id: id, [.set(\.deleted, true)])])
  }

  /// Known people's handles, each once, in the order given.
  private static func people(_ typed: [String], in reader: some RecordReader)
    throws(RhythmError) -> [String]
  {
    var handles: [String] = []
    for word in typed where !word.trimmingCharacters(in: .whitespaces).isEmpty {
      let handle = try EditRules.person(word, in: reader)
      if !handles.contains(handle) { handles.append(handle) }
    }
    return handles
  }

  private static func checkAgenda(_ agenda: [AgendaSection]) throws(RhythmError) {
    for section in agenda { _ = try EditRules.text(section.title, field: "agenda section") }
  }

  private static func total(_ agenda: [AgendaSection]) -> Int? {
    agenda.isEmpty ? nil : agenda.reduce(0) { $0 + $1.minutes }
  }
}

/// A reader that also knows people an edit is adding in the same commit.
private struct AddedPeople<Base: RecordReader>: RecordReader {
  let reader: Base
  let added: [String: Person]

  func live<R: Record>(_ type: R.Type, id: String) throws(RhythmError) -> R? {
    if R.self == Person.self, let person = added[id] as? R { return person }
    return try reader.live(R.self, id: id)
  }

  func all<R: Record>(_ type: R.Type) throws(RhythmError) -> [String: R] {
    try reader.all(R.self)
  }
}
