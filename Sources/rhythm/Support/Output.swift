import Foundation
import RhythmCore

/// Printing results: JSON for programs, aligned columns for people.
enum Output {
  /// Prints a JSON value on one line.
  static func json(_ value: JSONValue) {
    print(value.serialized())
  }

  /// Prints rows as columns separated by two spaces; the last column is not padded.
  static func table(_ rows: [[String]]) {
    guard let columns = rows.map(\.count).max() else { return }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (column, cell) in row.enumerated() where column < columns - 1 {
        widths[column] = max(widths[column], cell.count)
      }
    }
    var text = ""
    for row in rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column > 0 { line += "  " }
        line += cell
        if column < columns - 1 {
          line += String(repeating: " ", count: max(0, widths[column] - cell.count))
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      text += line + "\n"
    }
    print(text, terminator: "")
  }

  /// A rate as a whole percentage, or a dash when there is none.
  static func percent(_ rate: Double?) -> String {
    rate.map { String(Int(($0 * 100).rounded())) + "%" } ?? "-"
  }
}
