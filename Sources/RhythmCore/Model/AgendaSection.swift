import Foundation

/// What an agenda section is for, which decides what a live review shows and captures while it
/// is the current section.
public enum SectionKind: String, Codable, Sendable, CaseIterable {
  /// How everyone is, in a word or two.
  case checkin
  /// The participants' metrics, this period's value against target.
  case scorecard
  /// This quarter's priorities and their status.
  case priorities
  /// One-line good or bad news about customers and people.
  case headlines
  /// Last time's next steps, checked in with their owners.
  case steps
  /// The cadence's open topics, ranked and worked one at a time.
  case topics
  /// The quarterly collaboration audit's three questions.
  case audit
  /// Who decides what.
  case decisionRights = "decision-rights"
  /// Attendance, ratings, anything unclear, the recap and the minutes.
  case conclude
  /// Notes and captures only.
  case free

  /// The kind a section called `title` most likely has: `Metrics against targets`, `KPIs` and
  /// `Performance` are a scorecard, `Collaboration audit` an audit, `Next steps` a conclusion, anything else free.
  public static func inferred(from title: String) -> SectionKind {
    let text = title.lowercased()
    let words = text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    /// Whether a word begins with one of `stems`, or the title holds one of `phrases`.
    func has(_ stems: [String], _ phrases: [String] = []) -> Bool {
      words.contains { word in stems.contains { word.hasPrefix($0) } }
        || phrases.contains { text.contains($0) }
    }
    if has(["check-in", "checkin", "warm-up"], ["check in"]) { return .checkin }
    if has(["audit"]) { return .audit }
    if has(["raci"], ["decision right", "who decides"]) { return .decisionRights }
    if has(["scorecard", "metric", "kpi", "numbers", "funnel", "dashboard", "performance"]) {
      return .scorecard
    }
    if has(["priorit", "rocks", "objectives", "okr"]) { return .priorities }
    if has(["headline", "news"]) && !has(["newsletter"]) { return .headlines }
    if has(["conclu", "wrap", "recap"], ["next steps"]) { return .conclude }
    if has(["steps", "to-do", "todo"], ["action items"]) { return .steps }
    if has(["topic", "issues", "discussion", "problems"], ["course correction"]) { return .topics }
    return .free
  }
}

/// One timeboxed part of a review's agenda, and what it is for.
public struct AgendaSection: Codable, Hashable, Sendable {
  public var title: String
  public var minutes: Int
  public var kind: SectionKind

  /// A section called `title` lasting `minutes`; its kind is inferred from the title when not
  /// given.
  public init(_ title: String, minutes: Int, kind: SectionKind? = nil) {
    self.title = title
    self.minutes = minutes
    self.kind = kind ?? SectionKind.inferred(from: title)
  }

  private enum CodingKeys: String, CodingKey {
    case title, minutes, kind
  }

  /// Reads a section; one stored before sections had kinds gets the kind of its title.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let title = try container.decode(String.self, forKey: .title)
    // A kind this version does not know is read as the title's.
    let kind = try container.decodeIfPresent(String.self, forKey: .kind)
    self.init(
      title, minutes: try container.decode(Int.self, forKey: .minutes),
      kind: kind.flatMap(SectionKind.init(rawValue:)))
  }
}
