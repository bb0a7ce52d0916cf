import Foundation
import RhythmCore
import Testing

@Suite("Inert text")
struct InertTextTests {
  @Test(
    "the classic payloads show visibly",
    arguments: [
      TextCase("\u{1B}]0;pwned\u{07}", "^[]0;pwned^G"),
      TextCase("\u{1B}[2J", "^[[2J"),
      TextCase("\u{1B}]52;c;cm0gLXJmIH4K\u{07}", "^[]52;c;cm0gLXJmIH4K^G"),
      TextCase("\u{1B}P1$qm\u{1B}\\", "^[P1$qm^[\\"),
      TextCase("\u{9B}31m", "<U+009B>31m"),
      TextCase("\u{9D}0;x\u{9C}", "<U+009D>0;x<U+009C>"),
      TextCase("a\u{202E}b", "a<U+202E>b"),
      TextCase("\u{202A}\u{202B}\u{202C}\u{202D}", "<U+202A><U+202B><U+202C><U+202D>"),
      TextCase("\u{2066}\u{2067}\u{2068}\u{2069}", "<U+2066><U+2067><U+2068><U+2069>"),
      TextCase("a\u{2028}b\u{2029}c", "a<U+2028>b<U+2029>c"),
      TextCase("safe\rEVIL", "safe^MEVIL"),
      TextCase("one\ntwo", "one^Jtwo"),
      TextCase("\r\n", "^M^J"),
      TextCase("\u{00}\u{08}\u{7F}\u{1F}", "^@^H^?^_"),
    ])
  func payload(_ sample: TextCase) {
    #expect(InertText.visible(sample.text) == sample.expected)
  }

  @Test("tab, zero-width, combining, wide and emoji characters are kept")
  func keptAsTheyAre() {
    for text in [
      "tab\there", "zero\u{200B}width\u{200D}joiner", "會議 レビュー 회의", "🎉 👩‍💻 🇩🇪",
      "e\u{301}", "plain text, nothing to do", "", "\u{A0}non-breaking and é and ¿",
      "\u{2030}‰ \u{2020}† \u{20AC}€ \u{2190}←",
    ] {
      #expect(InertText.visible(text) == text)
      #expect(InertText.visibleLines(text) == text)
    }
  }

  @Test("every C0, DEL, C1, bidi and separator scalar is marked; nothing else below U+3000")
  func everyScalar() throws {
    for value in UInt32(0)..<0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let isControl =
        (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
        || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      let shown = InertText.visible(String(Character(scalar)))
      if isControl {
        #expect(shown != String(Character(scalar)), "U+\(String(value, radix: 16)) not marked")
        #expect(shown.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
      } else {
        #expect(shown == String(Character(scalar)), "U+\(String(value, radix: 16)) changed")
      }
    }
    #expect(InertText.mark(for: "\u{1B}") == "^[")
    #expect(InertText.mark(for: "\u{9B}") == "<U+009B>")
    #expect(InertText.mark(for: "a") == nil)
  }

  @Test("visibleLines keeps LF and CRLF line breaks and marks everything else")
  func lines() {
    #expect(InertText.visibleLines("one\ntwo\r\n\u{1B}[2J\n") == "one\ntwo\r\n^[[2J\n")
    #expect(InertText.visibleLines("safe\rEVIL\r\r\n") == "safe^MEVIL^M\r\n")
  }

  @Test("showing twice changes nothing more")
  func idempotent() {
    let text = "a\u{1B}]0;x\u{07}\u{9B}\u{202E}\n\tb"
    let once = InertText.visible(text)
    #expect(InertText.visible(once) == once)
    #expect(InertText.visibleLines(once) == once)
  }
}
