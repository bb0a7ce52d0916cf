import Foundation

/// One-character ASCII stand-ins for what the cockpit draws, for a terminal that cannot show
/// Unicode (no UTF-8 locale can be set, or `RHYTHM_ASCII`): frames become `+`, `-` and `|`,
/// bars `#`, marks look-alike letters and signs, accented letters lose their accents, and
/// anything else is `?`. Pure, so the table is tested without a terminal.
public enum ASCIIFallback {
  /// What to draw for `grapheme` (one cell's text): itself when it is ASCII already.
  public static func text(for grapheme: String) -> String {
    let scalars = grapheme.unicodeScalars
    if scalars.allSatisfy(\.isASCII) { return grapheme }
    if scalars.count == 1, let scalar = scalars.first, let stand = standIns[scalar] {
      return String(stand)
    }
    let folded = grapheme.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    if folded.unicodeScalars.count == 1, folded.unicodeScalars.allSatisfy(\.isASCII) {
      return folded
    }
    return "?"
  }

  /// What to draw in the right half of a wide grapheme (its left half became one `?`).
  public static let continuation = " "

  /// Each stand-in and the characters it replaces.
  static let groups: [(Character, String)] = [
    ("-", "─━═╌┄╍┅–—‒―"),
    ("|", "│┃║╎┆╏┇▎▏"),
    ("+", "┌┐└┘┏┓┗┛╔╗╚╝╭╮╰╯├┤┬┴┼┣┫┳┻╋╠╣╦╩╬"),
    ("#", "█▉▊▋▌▍▇▓"),
    ("=", "▅▆"),
    ("-", "▃▄"),
    ("_", "▁▂"),
    (":", "▒░"),
    (">", "▶►▸→›»≥"),
    ("<", "◀◄◂←‹«≤"),
    ("^", "▲▴↑"),
    ("v", "▼▾↓✓✔"),
    ("x", "✗✘×"),
    ("*", "●•◆◉★"),
    ("o", "○◇◦☆"),
    (".", "·…"),
    ("~", "↻↺≈"),
    ("\"", "“”„"),
    ("'", "‘’‚"),
  ]

  /// The stand-in for each character of ``groups``.
  static let standIns: [Unicode.Scalar: Character] = {
    var table: [Unicode.Scalar: Character] = [:]
    for (stand, characters) in groups {
      for scalar in characters.unicodeScalars { table[scalar] = stand }
    }
    return table
  }()
}
