import Foundation

// The schema of every record type: its fields as the journal names them. A field missing
// here is never written or read; `RecordSchemaTests` checks every field round-trips.

extension Person {
  public static let section = \StoreState.people
  public static let schema = RecordSchema<Person>(
    blank: { Person(handle: $0, name: "") },
    fields: [
      .required("name", \.name), .optional("teams", \.teams), .optional("email", \.email),
      .optional("deleted", \.deleted),
    ])
}

extension Team {
  public static let section = \StoreState.teams
  public static let schema = RecordSchema<Team>(
    blank: { Team(name: $0) }, fields: [.optional("deleted", \.deleted)])
}

extension Cadence {
  public static let section = \StoreState.cadences
  public static let schema = RecordSchema<Cadence>(
    blank: { Cadence(id: $0, title: "", rule: "", start: "", timeZone: "") },
    fields: [
      .required("title", \.title), .required("rule", \.rule), .required("start", \.start),
      .required("timeZone", \.timeZone), .required("durationMinutes", \.durationMinutes),
      .optional("facilitator", \.facilitator), .optional("participants", \.participants),
      .optional("team", \.team), .optional("agenda", \.agenda), .optional("metrics", \.metrics),
      .optional("deleted", \.deleted),
    ])
}

extension Review {
  public static let section = \StoreState.reviews
  public static let schema = RecordSchema<Review>(
    blank: { Review(id: $0, cadence: "", occurrence: .distantPast) },
    fields: [
      .required("cadence", \.cadence), .required("occurrence", \.occurrence),
      .required("status", \.status), .optional("movedTo", \.movedTo),
      .optional("startedAt", \.startedAt), .optional("endedAt", \.endedAt),
      .optional("rating", \.rating), .map("ratings", \.ratings),
      .optional("attendees", \.attendees), .map("checkins", \.checkins),
      .map("audit", \.audit), .optional("unclear", \.unclear),
      .optional("minutesAt", \.minutesAt), .optional("deleted", \.deleted),
      .optional("section", \.section), .optional("sectionStartedAt", \.sectionStartedAt),
      .map("spent", \.spent), .optional("pausedAt", \.pausedAt),
      .optional("pausedSeconds", \.pausedSeconds), .optional("topic", \.topic),
      .optional("topicStartedAt", \.topicStartedAt), .map("topicSpent", \.topicSpent),
    ])
}

extension Step {
  public static let section = \StoreState.steps
  public static let schema = RecordSchema<Step>(
    blank: { Step(id: $0, title: "", owner: "", due: Day(ordinal: 0), createdAt: .distantPast) },
    fields: [
      .required("title", \.title), .required("owner", \.owner), .required("due", \.due),
      .optional("success", \.success), .required("status", \.status),
      .required("createdAt", \.createdAt), .optional("completedAt", \.completedAt),
      .optional("review", \.review), .optional("tags", \.tags), .optional("topic", \.topic),
      .optional("deleted", \.deleted),
    ])
}

extension Decision {
  public static let section = \StoreState.decisions
  public static let schema = RecordSchema<Decision>(
    blank: { Decision(id: $0, text: "", createdAt: .distantPast) },
    fields: [
      .required("text", \.text), .optional("decidedBy", \.decidedBy),
      .optional("review", \.review), .required("createdAt", \.createdAt),
      .optional("tags", \.tags), .optional("topic", \.topic), .optional("deleted", \.deleted),
    ])
}

extension Note {
  public static let section = \StoreState.notes
  public static let schema = RecordSchema<Note>(
    blank: { Note(id: $0, text: "", createdAt: .distantPast) },
    fields: [
      .required("text", \.text), .optional("review", \.review), .optional("author", \.author),
      .required("createdAt", \.createdAt), .optional("deleted", \.deleted),
    ])
}

extension Metric {
  public static let section = \StoreState.metrics
  public static let schema = RecordSchema<Metric>(
    blank: { Metric(id: $0, name: "", owner: "", unit: "", target: 0) },
    fields: [
      .required("name", \.name), .required("owner", \.owner), .required("unit", \.unit),
      .required("target", \.target), .required("direction", \.direction),
      .required("period", \.period), .map("values", \.values), .optional("deleted", \.deleted),
    ])
}

extension Priority {
  public static let section = \StoreState.priorities
  public static let schema = RecordSchema<Priority>(
    blank: { Priority(id: $0, title: "", owner: "", quarter: "") },
    fields: [
      .required("title", \.title), .required("owner", \.owner), .required("quarter", \.quarter),
      .required("status", \.status), .optional("team", \.team), .optional("deleted", \.deleted),
    ])
}

extension Exchange {
  public static let section = \StoreState.exchanges
  public static let schema = RecordSchema<Exchange>(
    blank: { Exchange(id: $0, from: "", to: "", text: "", createdAt: .distantPast) },
    fields: [
      .required("from", \.from), .required("to", \.to), .required("text", \.text),
      .required("createdAt", \.createdAt), .optional("deleted", \.deleted),
    ])
}

extension Topic {
  public static let section = \StoreState.topics
  public static let schema = RecordSchema<Topic>(
    blank: { Topic(id: $0, title: "", rank: 0, createdAt: .distantPast) },
    fields: [
      .required("title", \.title), .optional("by", \.by), .optional("cadence", \.cadence),
      .required("status", \.status), .required("rank", \.rank),
      .required("createdAt", \.createdAt), .optional("solvedAt", \.solvedAt),
      .optional("review", \.review), .optional("description", \.description),
      .optional("refersTo", \.refersTo), .optional("deleted", \.deleted),
    ])
}

extension Headline {
  public static let section = \StoreState.headlines
  public static let schema = RecordSchema<Headline>(
    blank: { Headline(id: $0, text: "", review: "", createdAt: .distantPast) },
    fields: [
      .required("text", \.text), .optional("by", \.by), .required("review", \.review),
      .required("tone", \.tone), .required("createdAt", \.createdAt),
      .optional("deleted", \.deleted),
    ])
}

extension DecisionRight {
  public static let section = \StoreState.rights
  public static let schema = RecordSchema<DecisionRight>(
    blank: { DecisionRight(id: $0, area: "", decider: "") },
    fields: [
      .required("area", \.area), .required("decider", \.decider),
      .optional("cadence", \.cadence), .optional("deleted", \.deleted),
    ])
}
