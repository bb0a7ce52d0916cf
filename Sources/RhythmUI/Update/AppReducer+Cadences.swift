import Foundation
import RhythmCore

// MARK: - Adding and editing cadences

extension AppReducer {
  static func editCadence(_ state: inout AppState) -> [Effect] {
    let cadences = state.sortedCadences
    guard let index = state.cadences.selection, index < cadences.count else { return [] }
    let cadence = cadences[index]
    let agenda = cadence.agenda.map { "\($0.title):\($0.minutes)" }.joined(separator: ",")
    let participants = cadence.participants.map { "@" + $0 }.joined(separator: " ")
    state.prompt = Prompt(
      purpose: .editCadence(cadenceID: cadence.id), label: "edit cadence",
      text: "\(cadence.title) | \(cadence.rule) | \(agenda) | \(participants)")
    return []
  }

  /// Creates (`id` nil) or updates a cadence from `title | rule | agenda | @participants`: the
  /// rule in either syntax, the agenda a template name or `Title:minutes,…` (optional), the
  /// participants handles (optional; a new cadence's facilitator, the cockpit's user, is one).
  static func saveCadence(_ state: inout AppState, id: String?, text: String)
    throws(RhythmError) -> [Effect]
  {
    let parts = text.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw .invalidValue(
        field: "cadence", value: text,
        expected: "title | rule | agenda | @participants, such as "
          + "Weekly ops review | weekly mon 10:00 | weekly | @maria @ben")
    }
    let compiled = try Rule.compile(parts[1])
    let agenda =
      parts.count > 2 && !parts[2].isEmpty
      ? try AgendaTemplate.sections(for: parts[2]) : AgendaTemplate.weekly.sections
    let listed: [String]? =
      parts.count > 3
      ? parts[3].split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) : nil
    if let id, state.data.cadences[id] != nil {
      let patch = CadenceEdits.Patch(
        title: parts[0], rule: compiled, participants: listed, agenda: agenda)
      return try performing(&state, message: "cadence saved") { data, _ throws(RhythmError) in
        try CadenceEdits.edit(id, patch, in: data)
      }
    }
    // The cockpit's user runs what they make; someone not yet in the store is added.
    let facilitator = state.person.map(EditRules.handle).flatMap {
      Person.isValidHandle($0) ? $0 : nil
    }
    let draft = CadenceEdits.Draft(
      title: parts[0], rule: compiled,
      start: LocalDateTime(day: state.today, time: TimeOfDay(secondOfDay: 9 * 3600)),
      timeZone: state.timeZone, facilitator: facilitator,
      participants: (facilitator.map { [$0] } ?? []) + (listed ?? []), agenda: agenda)
    return try performing(&state, message: "cadence \(parts[0]) added") {
      data, context throws(RhythmError) in
      try CadenceEdits.add(draft, addingFacilitator: true, in: data, &context)
    }
  }
}
