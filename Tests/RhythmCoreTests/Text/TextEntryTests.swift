import Foundation
import RhythmCore
import Testing

@Suite("Text entry check")
struct TextEntryTests {
  private func message(_ text: String, field: String = "title") -> String? {
    do {
      try TextEntry.check(text, field: field)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("an escape sequence is refused, naming the field and the character")
  func escape() {
    #expect(
      message("x \u{1B}]0;pwned\u{07}")
        == "the title contains a control character (U+001B ESC); remove it")
    #expect(
      message("\u{07}", field: "name")
        == "the name contains a control character (U+0007 BEL); remove it")
  }

  @Test(
    "every kind of control character is refused with its name",
    arguments: [
      TextCase("a\u{00}", "U+0000 NUL"), TextCase("a\rb", "U+000D CR"),
      TextCase("a\nb", "U+000A LF"),
      TextCase("\u{7F}", "U+007F DEL"), TextCase("c1 \u{9B}31m", "U+009B CSI"),
      TextCase("\u{9D}0;x", "U+009D OSC"),
      TextCase("\u{90}q", "U+0090 DCS"), TextCase("\u{85}", "U+0085 NEL"),
      TextCase("a\u{202E}b", "U+202E RIGHT-TO-LEFT OVERRIDE"),
      TextCase("\u{202A}", "U+202A LEFT-TO-RIGHT EMBEDDING"),
      TextCase("\u{2066}", "U+2066 LEFT-TO-RIGHT ISOLATE"),
      TextCase("\u{2069}", "U+2069 POP DIRECTIONAL ISOLATE"),
      TextCase("\u{2028}", "U+2028 LINE SEPARATOR"),
    ])
  func refused(_ sample: TextCase) {
    #expect(
      message(sample.text)
        == "the title contains a control character (\(sample.expected)); remove it")
  }

  @Test("tab, zero-width, wide characters and emoji are accepted")
  func accepted() throws {
    for text in [
      "Draft\tbooth", "zero\u{200B}width\u{200D}joiner", "会议 レビュー 회의", "🎉 👩‍💻 🇩🇪", "Señor Müller",
      "",
    ] {
      try TextEntry.check(text, field: "title")
    }
  }

  @Test("the first control character is the one named")
  func first() {
    #expect(TextEntry.firstControl(in: "ok \u{9B} then \u{1B}") == "\u{9B}")
    #expect(TextEntry.firstControl(in: "all fine") == nil)
  }
}
