import Testing

/// A text and what a test expects of it, named in the test log with every character outside
/// printable ASCII escaped (`\u{1B}`), so running the tests sends no control character to the
/// terminal.
struct TextCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: String

  init(_ text: String, _ expected: String) {
    self.text = text
    self.expected = expected
  }

  var testDescription: String { Self.escaped(text) + " → " + Self.escaped(expected) }

  /// `text` with every scalar outside printable ASCII written as `\u{…}`.
  static func escaped(_ text: String) -> String {
    text.unicodeScalars.map { scalar in
      (0x20..<0x7F).contains(scalar.value)
        ? String(scalar) : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }.joined()
  }
}
