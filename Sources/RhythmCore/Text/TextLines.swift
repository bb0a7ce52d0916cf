import Foundation

/// Text of several lines (a note written in `$EDITOR`) shown where one line is wanted, or as a
/// Markdown block. Callers still pass each line through ``InertText`` before showing it.
public enum TextLines {
  /// What stands between the lines of text shown on one line.
  public static let separator = " / "

  /// The lines of `text`, split at its line breaks: LF and CRLF, which a note may hold
  /// (``EditRules/multilineText(_:field:)``). A lone CR, a form feed or U+2028 stays in its
  /// line, for ``InertText`` to show.
  public static func lines(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
  }

  /// `text` on one line: its lines that are not blank, trimmed, joined by ``separator``
  /// (`line one / line two`). Text of one line is returned as it is.
  public static func oneLine(_ text: String) -> String {
    guard text.contains(where: { $0 == "\n" || $0 == "\r\n" }) else { return text }
    return lines(text).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .joined(separator: separator)
  }

  /// `text` as one Markdown list item: its first line after `bullet`, the others indented as
  /// far as the bullet so they continue the item (a blank line kept empty; trailing blank
  /// lines dropped).
  public static func listItem(_ text: String, bullet: String = "- ") -> [String] {
    var lines = lines(text).map(trimmingTrailingSpace)
    while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
    let indent = String(repeating: " ", count: bullet.count)
    return lines.enumerated().map { index, line in
      index == 0 ? bullet + line : (line.isEmpty ? "" : indent + line)
    }
  }

  /// `line` without the spaces and tabs at its end.
  private static func trimmingTrailingSpace(_ line: String) -> String {
    guard let last = line.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    return String(line[...last])
  }
}
