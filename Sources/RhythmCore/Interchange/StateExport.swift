import Foundation

/// The whole state as one JSON document: what `rhythm export json` prints.
///
/// `{"schemaVersion": 1, "exportedAt": …, "people": […], "teams": […], "cadences": […],
/// "reviews": […], "steps": […], "decisions": […], "notes": […], "metrics": […],
/// "priorities": […], "exchanges": […], "topics": […], "headlines": […], "rights": […]}`; each list sorted by id, each record with the fields
/// the store writes. Removed records are left out.
public enum StateExport {
  /// The version of this document's layout.
  public static let schemaVersion = 1

  /// The document for `state`, exported at `now`.
  public static func json(_ state: StoreState, now: Date) -> JSONValue {
    func section<R: Record>(_ records: [String: R]) -> JSONValue {
      .array(
        records.values.filter(\.isLive).sorted { $0.id < $1.id }.map {
          .object(R.schema.fields(of: $0))
        })
    }
    return .object([
      "schemaVersion": .number(Double(schemaVersion)),
      "exportedAt": JSONValue(now),
      "people": section(state.people),
      "teams": section(state.teams),
      "cadences": section(state.cadences),
      "reviews": section(state.reviews),
      "steps": section(state.steps),
      "decisions": section(state.decisions),
      "notes": section(state.notes),
      "metrics": section(state.metrics),
      "priorities": section(state.priorities),
      "exchanges": section(state.exchanges),
      "topics": section(state.topics),
      "headlines": section(state.headlines),
      "rights": section(state.rights),
    ])
  }
}
