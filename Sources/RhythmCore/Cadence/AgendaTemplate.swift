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
      AgendaSection("Check-in", minutes: 5), AgendaSection("Scorecard", minutes: 5),
      AgendaSection("Priorities", minutes: 5), AgendaSection("Headlines", minutes: 5),
      AgendaSection("Last steps", minutes: 5), AgendaSection("Topics", minutes: 60),
      AgendaSection("Conclude", minutes: 5),
    ])

  /// The sales pipeline review (45 minutes).
  public static let pipeline = AgendaTemplate(
    name: "pipeline",
    sections: [
      AgendaSection("Funnel numbers", minutes: 10),
      AgendaSection("What converted, what did not", minutes: 15),
      AgendaSection("Last steps", minutes: 5), AgendaSection("Topics", minutes: 10),
      AgendaSection("Conclude", minutes: 5),
    ])

  /// The monthly review (60 minutes).
  public static let monthly = AgendaTemplate(
    name: "monthly",
    sections: [
      AgendaSection("Metrics against targets", minutes: 15),
      AgendaSection("Campaign results", minutes: 20),
      AgendaSection("Course corrections", minutes: 15), AgendaSection("Next steps", minutes: 10),
    ])

  /// The quarterly review (180 minutes).
  public static let quarterly = AgendaTemplate(
    name: "quarterly",
    sections: [
      AgendaSection("Last quarter's priorities", minutes: 30),
      AgendaSection("Collaboration audit", minutes: 30),
      AgendaSection("Next 90 days: priorities and owners", minutes: 60),
      AgendaSection("Decision rights", minutes: 30), AgendaSection("Conclude", minutes: 30),
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

  /// Reads a custom agenda of comma-separated `Title:minutes` pairs.
  ///
  /// For example `Check-in:5,Metrics:10,Steps:10`. Minutes are whole numbers from 1 to 600.
  /// - Throws: `RhythmError.invalidValue` naming the first bad section.
  public static func parseSections(_ text: String) throws(RhythmError) -> [AgendaSection] {
    let expected =
      "a template (weekly, pipeline, monthly, quarterly) or Title:minutes,… "
      + "such as Check-in:5,Metrics:10,Steps:10"
    var sections: [AgendaSection] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let colon = item.lastIndex(of: ":") else {
        throw .invalidValue(field: "agenda", value: text, expected: expected)
      }
      let title = item[..<colon].trimmingCharacters(in: .whitespaces)
      let minutesText = item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard !title.isEmpty, let minutes = Int(minutesText), (1...600).contains(minutes) else {
        throw .invalidValue(field: "agenda", value: String(item), expected: expected)
      }
      sections.append(AgendaSection(title, minutes: minutes))
    }
    return sections
  }
}
