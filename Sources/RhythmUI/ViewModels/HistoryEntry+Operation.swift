import Foundation
import RhythmCore

// MARK: - From store operations

extension HistoryEntry {
  /// An entry describing `operation`: `created`, `status open → done`, `undo: due …`.
  public init(_ operation: RhythmCore.Operation) {
    var summary: String
    if operation.prior.isEmpty && operation.undoes == nil {
      summary = "created"
    } else {
      summary = operation.fields.keys.sorted().map { key in
        let before = operation.prior[key].map(HistoryEntry.text) ?? "–"
        let after = operation.fields[key].map(HistoryEntry.text) ?? "–"
        return "\(key) \(before) → \(after)"
      }.joined(separator: ", ")
    }
    if operation.undoes != nil { summary = "undo: " + summary }
    if operation.redoes != nil { summary = "redo: " + summary }
    self.init(at: operation.at, person: operation.person, summary: summary)
  }

  private static func text(_ value: JSONValue) -> String {
    switch value {
    case .null: return "–"
    case .bool(let flag): return flag ? "yes" : "no"
    case .number(let number): return ScreenText.number(number)
    case .string(let text):
      // Instants read better without seconds and zone.
      if text.count == 20, text.hasSuffix("Z"), text.dropFirst(10).first == "T" {
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
      }
      return text
    case .array(let values): return values.map(text).joined(separator: " ")
    case .object: return "{…}"
    }
  }
}
