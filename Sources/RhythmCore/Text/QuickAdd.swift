import Foundation

/// A step captured in one line.
///
/// For example
/// `Draft booth design @maria due:fri success:"approved by VP" #conference`.
/// Tokens may come anywhere: `@handle` (the owner), `due:DATE` (any `DateShorthand` form),
/// `success:"quoted text"` or `success:word`, `#tag`. Values may be quoted with single, double
/// or curly quotes. Everything else, in order and single-spaced, is the title; a word with an
/// `@` inside it (`ana@example.com`) stays in the title.
public struct QuickAdd: Equatable, Sendable {
  public var title: String
  /// The owner's handle, lower-cased.
  public var owner: String?
  public var due: Day?
  public var success: String?
  /// Tags without the `#`, in the order typed, without repeats.
  public var tags: [String]

  /// A parsed capture line.
  public init(
    title: String, owner: String? = nil, due: Day? = nil, success: String? = nil,
    tags: [String] = []
  ) {
    self.title = title
    self.owner = owner
    self.due = due
    self.success = success
    self.tags = tags
  }

  /// Reads a capture line; relative dates count from `today`.
  /// - Throws: `RhythmError.emptyTitle` when nothing is left for the title;
  ///   `RhythmError.invalidValue` for an unterminated quote, an empty `success:` or a second
  ///   owner or due date; `RhythmError.invalidDate` for a `due:` that is not a date.
  public static func parse(_ text: String, today: Day) throws(RhythmError) -> QuickAdd {
    var result = QuickAdd(title: "")
    var words: [String] = []
    for token in try tokens(of: text) {
      let lower = token.text.lowercased()
      if lower.hasPrefix("success:") {
        let value = (token.quoted ?? String(token.text.dropFirst(8)))
          .trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
          throw .invalidValue(
            field: "success", value: token.text,
            expected: "text after success:, e.g. success:\"approved by VP\"")
        }
        if let success = result.success, success != value {
          throw .invalidValue(
            field: "success", value: value, expected: "one success criterion per step")
        }
        result.success = value
      } else if lower.hasPrefix("due:") {
        let value = token.quoted ?? trimmed(token.text.dropFirst(4))
        let day = try DateShorthand.parse(value, today: today)
        if let due = result.due, due != day {
          throw .invalidValue(field: "due", value: value, expected: "one due date per step")
        }
        result.due = day
      } else if token.quoted == nil, let handle = owner(in: token.text) {
        if let owner = result.owner, owner != handle {
          throw .invalidValue(
            field: "owner", value: "@" + handle, expected: "one owner per step (already @\(owner))")
        }
        result.owner = handle
      } else if token.quoted == nil, let tag = tag(in: token.text) {
        if !result.tags.contains(tag) { result.tags.append(tag) }
      } else {
        words.append(token.text)
      }
    }
    result.title = words.joined(separator: " ")
    guard !result.title.isEmpty else { throw .emptyTitle }
    return result
  }

  /// A whitespace-separated word; `quoted` holds the inside of a quoted `key:"value"`.
  private struct Token {
    var text: String
    var quoted: String?
  }

  private static let closingQuotes: [Character: Set<Character>] = [
    "\"": ["\""], "'": ["'"], "\u{201C}": ["\u{201D}", "\u{201C}"],
    "\u{2018}": ["\u{2019}", "\u{2018}"], "\u{201D}": ["\u{201D}"], "\u{201E}": ["\u{201C}"],
  ]

  private static func tokens(of text: String) throws(RhythmError) -> [Token] {
    let characters = Array(text)
    var tokens: [Token] = []
    var index = 0
    while index < characters.count {
      if characters[index].isWhitespace {
        index += 1
        continue
      }
      var word = ""
      var quoted: String?
      while index < characters.count, !characters[index].isWhitespace {
        let character = characters[index]
        let key = word.lowercased()
        if quoted == nil, key == "success:" || key == "due:",
          let closing = closingQuotes[character]
        {
          guard let end = characters[(index + 1)...].firstIndex(where: closing.contains) else {
            throw .invalidValue(
              field: String(key.dropLast()), value: String(characters[index...]),
              expected:
                "a closing quote (\(closing.sorted().map(String.init).joined(separator: " or ")))"
            )
          }
          quoted = String(characters[(index + 1)..<end])
          word += String(characters[index...end])
          index = end + 1
          break
        }
        word.append(character)
        index += 1
      }
      tokens.append(Token(text: word, quoted: quoted))
    }
    return tokens
  }

  /// The handle in `@maria` (trailing punctuation dropped, lower-cased), if it is one.
  private static func owner(in word: String) -> String? {
    guard word.hasPrefix("@") else { return nil }
    let handle = trimmed(word.dropFirst()).lowercased()
    return Person.isValidHandle(handle) ? handle : nil
  }

  /// The tag in `#conference` (trailing punctuation dropped); a tag starts with a letter, so
  /// `#123` stays in the title.
  private static func tag(in word: String) -> String? {
    guard word.hasPrefix("#") else { return nil }
    let tag = trimmed(word.dropFirst())
    guard let first = tag.first, first.isLetter else { return nil }
    return tag
  }

  private static func trimmed(_ text: Substring) -> String {
    var text = text
    while let last = text.last, ",.;:!?)".contains(last) { text = text.dropLast() }
    return String(text)
  }
}
