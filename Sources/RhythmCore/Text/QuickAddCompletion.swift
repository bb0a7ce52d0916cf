import Foundation

/// Completion for the capture line: which token the cursor is in, and what could complete it.
public enum QuickAddCompletion {
  /// What a token names.
  public enum Kind: String, Sendable, Hashable {
    case owner, tag, due
  }

  /// The token under the cursor: its kind, the text typed so far (after `@`, `#` or `due:`),
  /// and the character offsets of its whole value, which a chosen candidate replaces.
  public struct Token: Sendable, Hashable {
    public var kind: Kind
    public var prefix: String
    public var range: Range<Int>

    /// A token of `kind` whose value spans `range`.
    public init(kind: Kind, prefix: String, range: Range<Int>) {
      self.kind = kind
      self.prefix = prefix
      self.range = range
    }
  }

  /// Date words offered after `due:`.
  public static let dateWords = [
    "today", "tomorrow", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "+1w", "+2w", "eow",
    "eom", "eoq", "eoy",
  ]

  /// The completable token that the cursor (a character offset, clamped to the text) is in or
  /// just after; `nil` when it is not in an `@owner`, `#tag` or `due:` token.
  public static func token(at cursor: Int, in text: String) -> Token? {
    let characters = Array(text)
    let cursor = min(max(cursor, 0), characters.count)
    var start = cursor
    while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
    var end = cursor
    while end < characters.count, !characters[end].isWhitespace { end += 1 }
    let typed = String(characters[start..<cursor])
    let kind: Kind
    let sigil: Int
    if typed.hasPrefix("@") {
      (kind, sigil) = (.owner, 1)
    } else if typed.hasPrefix("#") {
      (kind, sigil) = (.tag, 1)
    } else if typed.lowercased().hasPrefix("due:") {
      (kind, sigil) = (.due, 4)
    } else {
      return nil
    }
    return Token(kind: kind, prefix: String(typed.dropFirst(sigil)), range: (start + sigil)..<end)
  }

  /// The options that match `prefix`, ignoring case.
  ///
  /// Those that start with it come first, sorted, then those that only contain it, sorted. An empty prefix matches everything.
  public static func candidates(prefix: String, from options: [String]) -> [String] {
    let needle = prefix.lowercased()
    var starting: Set<String> = []
    var containing: Set<String> = []
    for option in options {
      let lower = option.lowercased()
      if needle.isEmpty || lower.hasPrefix(needle) {
        starting.insert(option)
      } else if lower.contains(needle) {
        containing.insert(option)
      }
    }
    return starting.sorted() + containing.sorted()
  }
}
