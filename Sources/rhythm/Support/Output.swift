import Foundation
import RhythmCore
import RhythmUI

/// Printing results: JSON for programs, lines and aligned columns for people.
///
/// Everything a command prints goes through here. Text for people is inert
/// (`InertText.visible`): store text can come from anyone whose journal reaches this machine,
/// so a control character in it shows as `^[` or `<U+202E>` instead of reaching the terminal.
/// JSON is printed as it is (it escapes control characters and its data is never altered).
enum Output {
  /// Prints a JSON value on one line.
  static func json(_ value: JSONValue) {
    print(value.serialized())
  }

  /// Prints one line for people; a line break inside `text` shows as `^J`.
  static func line(_ text: String = "") {
    print(InertText.visible(text))
  }

  /// Prints a block of lines for people, keeping its line breaks (and adding none).
  static func lines(_ text: String) {
    print(InertText.visibleLines(text), terminator: "")
  }

  /// Prints a document meant for other programs (CSV, iCalendar): as it is into a file or a
  /// pipe, but as ``lines(_:)`` does when standard output is a terminal, where a control
  /// character in it would act.
  static func document(_ text: String) {
    if isatty(STDOUT_FILENO) == 1 {
      lines(text)
    } else {
      print(text, terminator: "")
    }
  }

  /// Prints rows as columns separated by two spaces; the last column is not padded. Cells are
  /// inert, a tab in one shows as a space, and columns are aligned by display width (a wide
  /// character takes two columns).
  static func table(_ rows: [[String]]) {
    guard let columns = rows.map(\.count).max() else { return }
    // Widths of every column but the last, which is not padded.
    let rows = rows.map { row in
      row.enumerated().map { column, cell in
        let text = shown(cell)
        return (text: text, width: column < columns - 1 ? width(text) : 0)
      }
    }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (column, cell) in row.enumerated() {
        widths[column] = max(widths[column], cell.width)
      }
    }
    var text = ""
    for row in rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column > 0 { line += "  " }
        line += cell.text
        if column < columns - 1 {
          line += String(repeating: " ", count: max(0, widths[column] - cell.width))
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      text += line + "\n"
    }
    print(text, terminator: "")
  }

  /// A table cell as shown: inert, a tab as a space.
  private static func shown(_ cell: String) -> String {
    let text = InertText.visible(cell)
    guard text.utf8.contains(UInt8(ascii: "\t")) else { return text }
    return String(text.unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
  }

  /// The columns `text` takes on a terminal (ASCII counted without the width table).
  private static func width(_ text: String) -> Int {
    for byte in text.utf8 where byte >= 0x80 { return DisplayWidth.of(text) }
    return text.utf8.count
  }

  /// A rate as a whole percentage, or a dash when there is none.
  static func percent(_ rate: Double?) -> String {
    rate.map { String(Int(($0 * 100).rounded())) + "%" } ?? "-"
  }
}
