import Foundation

/// A named agenda that `cadence add --agenda NAME` can use: ordered, timeboxed sections.
public struct AgendaTemplate: Hashable, Sendable {
  public var name: String
  public var sections: [AgendaSection]

  /// A template called `name`.
  public init(name: String, sections: [AgendaSection]) {
    self.name = name
    self.sections = sections
  }

  /// The sum of the sections' minutes.
  public var totalMinutes: Int { sections.reduce(0) { $0 + $1.minutes } }

  /// The weekly review (90 minutes).
  public static let weekly = AgendaTemplate(
    name: "weekly",
    sections: [
      AgendaSection("Check-in", minutes: 5, kind: .checkin),
      AgendaSection("Scorecard", minutes: 5, kind: .scorecard),
      AgendaSection("Priorities", minutes: 5, kind: .priorities),
      AgendaSection("Headlines", minutes: 5, kind: .headlines),
      AgendaSection("Last steps", minutes: 5, kind: .steps),
      AgendaSection("Topics", minutes: 60, kind: .topics),
      AgendaSection("Conclude", minutes: 5, kind: .conclude),
    ])

  /// The sales pipeline review (45 minutes).
  public static let pipeline = AgendaTemplate(
    name: "pipeline",
    sections: [
      AgendaSection("Funnel numbers", minutes: 10, kind: .scorecard),
      AgendaSection("What converted, what did not", minutes: 15, kind: .free),
      AgendaSection("Last steps", minutes: 5, kind: .steps),
      AgendaSection("Topics", minutes: 10, kind: .topics),
      AgendaSection("Conclude", minutes: 5, kind: .conclude),
    ])

  /// The monthly review (60 minutes): its course corrections are worked as topics, and its
  /// next steps conclude it.
  public static let monthly = AgendaTemplate(
    name: "monthly",
    sections: [
      AgendaSection("Metrics against targets", minutes: 15, kind: .scorecard),
      AgendaSection("Campaign results", minutes: 20, kind: .free),
      AgendaSection("Course corrections", minutes: 15, kind: .topics),
      AgendaSection("Next steps", minutes: 10, kind: .conclude),
    ])

  /// The quarterly review (180 minutes).
  public static let quarterly = AgendaTemplate(
    name: "quarterly",
    sections: [
      AgendaSection("Last quarter's priorities", minutes: 30, kind: .priorities),
      AgendaSection("Collaboration audit", minutes: 30, kind: .audit),
      AgendaSection("Next 90 days: priorities and owners", minutes: 60, kind: .priorities),
      AgendaSection("Decision rights", minutes: 30, kind: .decisionRights),
      AgendaSection("Conclude", minutes: 30, kind: .conclude),
    ])

  /// Every shipped template, in the order lists show them.
  public static let all: [AgendaTemplate] = [weekly, pipeline, monthly, quarterly]

  /// The shipped template called `name` (case-insensitive), if any.
  public static func named(_ name: String) -> AgendaTemplate? {
    let key = name.trimmingCharacters(in: .whitespaces).lowercased()
    return all.first { $0.name == key }
  }

  /// A template's sections by name, or a custom agenda `Check-in:5,Metrics:10,Steps:10`.
  /// - Throws: `RhythmError.invalidValue` when it is neither.
  public static func sections(for text: String) throws(RhythmError) -> [AgendaSection] {
    if let template = named(text) { return template.sections }
    return try parseSections(text)
  }

  /// Reads a custom agenda of comma-separated `Title:minutes` or `Title:minutes:kind` items.
  ///
  /// For example `Check-in:5,Metrics:10,Open questions:20:topics`. Minutes are whole numbers
  /// from 1 to 600; a section without a kind gets the one its title suggests
  /// (`SectionKind.inferred(from:)`). A title may hold colons (`Next 90 days: plan:30`).
  /// - Throws: `RhythmError.invalidValue` naming the first bad section.
  public static func parseSections(_ text: String) throws(RhythmError) -> [AgendaSection] {
    let kinds = SectionKind.allCases.map(\.rawValue).joined(separator: ", ")
    let expected =
      "a template (weekly, pipeline, monthly, quarterly) or Title:minutes[:kind],… "
      + "such as Check-in:5,Metrics:10,Open questions:20:topics (kinds: \(kinds))"
    var sections: [AgendaSection] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      var rest = Substring(item)
      var kind: SectionKind?
      // `Title:minutes:kind`: a last part that is not a number, after one that is.
      if let colon = rest.lastIndex(of: ":"),
        case let last = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces),
        Int(last) == nil, let before = rest[..<colon].lastIndex(of: ":"),
        Int(rest[rest.index(after: before)..<colon].trimmingCharacters(in: .whitespaces)) != nil
      {
        guard let named = SectionKind(rawValue: last.lowercased()) else {
          throw .invalidValue(field: "agenda section kind", value: last, expected: kinds)
        }
        kind = named
        rest = rest[..<colon]
      }
      guard let colon = rest.lastIndex(of: ":") else {
        throw .invalidValue(field: "agenda", value: String(item), expected: expected)
      }
      let title = rest[..<colon].trimmingCharacters(in: .whitespaces)
      let minutesText = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard !title.isEmpty, let minutes = Int(minutesText), (1...600).contains(minutes) else {
        throw .invalidValue(field: "agenda", value: String(item), expected: expected)
      }
      sections.append(AgendaSection(title, minutes: minutes, kind: kind))
    }
    return sections
  }
}
