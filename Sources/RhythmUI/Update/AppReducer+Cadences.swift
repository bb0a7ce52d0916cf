import Foundation
import RhythmCore

// MARK: - Adding and editing cadences

extension AppReducer {
  static func editCadence(_ state: inout AppState) -> [Effect] {
    let cadences = state.sortedCadences
    guard let index = state.cadences.selection, index < cadences.count else { return [] }
    let cadence = cadences[index]
    let agenda = cadence.agenda.map { "\($0.title):\($0.minutes)" }.joined(separator: ",")
    state.prompt = Prompt(
      purpose: .editCadence(cadenceID: cadence.id), label: "edit cadence",
      text: "\(cadence.title) | \(cadence.rule) | \(agenda)")
    return []
  }

  /// Creates (`id` nil) or updates a cadence from `title | rule | agenda`: the rule in either
  /// syntax, the agenda a template name or `Title:minutes,…` (optional).
  static func saveCadence(_ state: inout AppState, id: String?, text: String)
    throws(RhythmError) -> [Effect]
  {
    let parts = text.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw .invalidValue(
        field: "cadence", value: text,
        expected: "title | rule | agenda, such as "
          + "Weekly ops review | weekly mon 10:00 | weekly")
    }
    let compiled = try Rule.compile(parts[1])
    let agenda =
      parts.count > 2 && !parts[2].isEmpty
      ? try AgendaTemplate.sections(for: parts[2]) : AgendaTemplate.weekly.sections
    let minutes = agenda.reduce(0) { $0 + $1.minutes }
    if let id, let existing = state.data.cadences[id] {
      let old =
        LocalDateTime.parse(existing.start)
        ?? LocalDateTime(state.now, in: state.timeZone)
      var fields: [String: JSONValue] = [:]
      if parts[0] != existing.title { fields["title"] = .string(parts[0]) }
      if compiled.rule.description != existing.rule {
        fields["rule"] = .string(compiled.rule.description)
        fields["start"] = .string(compiled.start(on: old).description)
      }
      if agenda != existing.agenda {
        var changed = existing
        changed.agenda = agenda
        fields["agenda"] = RecordFields.encode(changed)["agenda"] ?? .array([])
        fields["durationMinutes"] = .number(Double(minutes))
      }
      guard !fields.isEmpty else { return [] }
      return commit(&state, [.update(Cadence.self, id: id, fields)], message: "cadence saved")
    }
    let today = LocalDateTime(day: state.today, time: TimeOfDay(secondOfDay: 9 * 3600))
    let cadence = Cadence(
      id: state.ids.next(at: state.now), title: parts[0], rule: compiled.rule.description,
      start: compiled.start(on: today).description, timeZone: state.timeZone.identifier,
      durationMinutes: minutes, facilitator: state.person,
      participants: state.person.map { [$0] } ?? [], agenda: agenda)
    return commit(&state, [.create(cadence)], message: "cadence \(cadence.title) added")
  }
}
