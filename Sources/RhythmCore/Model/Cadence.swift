import Foundation

/// A recurring review: when it happens (a rule in a time zone), who runs it, and its agenda.
public struct Cadence: Record, Hashable {
  public static let kind = RecordKind.cadence
  public var id: String
  public var title: String
  /// The canonical RRULE text, e.g. `FREQ=WEEKLY;BYDAY=MO`.
  public var rule: String
  /// The first occurrence's wall time in `timeZone` (`DTSTART`), as `YYYY-MM-DDTHH:MM:SS`.
  public var start: String
  /// IANA time zone name.
  public var timeZone: String
  public var durationMinutes: Int
  public var facilitator: String?
  public var participants: [String]
  public var team: String?
  public var agenda: [AgendaSection]
  /// Ids of the metrics this review looks at.
  public var metrics: [String]
  public var deleted: Bool?

  /// A cadence with no facilitator, participants or metrics yet.
  public init(
    id: String, title: String, rule: String, start: String, timeZone: String,
    durationMinutes: Int = 60, facilitator: String? = nil, participants: [String] = [],
    team: String? = nil, agenda: [AgendaSection] = [], metrics: [String] = []
  ) {
    self.id = id
    self.title = title
    self.rule = rule
    self.start = start
    self.timeZone = timeZone
    self.durationMinutes = durationMinutes
    self.facilitator = facilitator
    self.participants = participants
    self.team = team
    self.agenda = agenda
    self.metrics = metrics
  }
}
