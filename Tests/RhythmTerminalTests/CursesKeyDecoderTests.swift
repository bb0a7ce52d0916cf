import RhythmTerminal
import RhythmUI
import Testing

@Suite("CursesKeyDecoder")
struct CursesKeyDecoderTests {
  private let decoder = CursesKeyDecoder()

  /// Decodes `input`, answering the decoder's follow-up read from `next`.
  private func decode(
    _ input: CursesKeyDecoder.RawInput, then next: [CursesKeyDecoder.RawInput] = []
  ) -> CursesKeyDecoder.Decoded {
    var queue = next
    return decoder.decode(input) { queue.isEmpty ? .timeout : queue.removeFirst() }
  }

  private func key(_ canonical: String) -> CursesKeyDecoder.Decoded {
    KeyEvent(canonical: canonical).map { .key($0) } ?? .unknown
  }

  // Key codes as curses.h (ncurses 6.4) defines them, written as numbers on purpose so the
  // table is checked against the header values STYLE.md 4.5 lists.
  @Test(arguments: [
    (259, "<up>"), (258, "<down>"), (260, "<left>"), (261, "<right>"), (262, "<home>"),
    (360, "<end>"), (263, "<backspace>"), (330, "<delete>"), (338, "<pgdn>"), (339, "<pgup>"),
    (343, "<enter>"), (353, "<backtab>"), (269, "<f5>"), (276, "<f12>"),
  ])
  func keyCodes(code: Int32, canonical: String) {
    #expect(decode(.keyCode(code)) == key(canonical))
  }

  @Test func resizeAndUnknownCodes() {
    #expect(decode(.keyCode(410)) == .resize)
    #expect(decode(.keyCode(409)) == .unknown)  // KEY_MOUSE: the cockpit asks for no mouse events
    #expect(decode(.keyCode(9_999)) == .unknown)
    #expect(decode(.timeout) == .timeout)
  }

  @Test(arguments: [
    (0x71, "q"), (0xE9, "é"), (0x4E2D, "中"), (0x20, "<space>"), (0x7F, "<backspace>"),
    (0x08, "<backspace>"), (0x0D, "<enter>"), (0x0A, "<enter>"), (0x09, "<tab>"),
    (0x01, "ctrl+a"), (0x17, "ctrl+w"), (0x1A, "ctrl+z"),
  ])
  func characters(value: UInt32, canonical: String) {
    #expect(decode(.character(value)) == key(canonical))
  }

  @Test func escapeAloneIsEscape() {
    #expect(decode(.character(0x1B)) == key("<esc>"))
  }

  @Test func escapeThenAKeyIsAlt() {
    #expect(decode(.character(0x1B), then: [.character(0x78)]) == key("alt+x"))
    #expect(decode(.character(0x1B), then: [.character(0x0D)]) == key("alt+<enter>"))
    #expect(decode(.character(0x1B), then: [.character(0x01)]) == key("ctrl+alt+a"))
    #expect(decode(.character(0x1B), then: [.keyCode(259)]) == key("alt+<up>"))
  }

  @Test func invalidScalarIsUnknown() {
    #expect(decode(.character(0xD800)) == .unknown)
  }

  // Found by Fuzz/Targets/key-decoder.swift: the subtraction overflowed Int32 and trapped.
  @Test func keyCodesFarBelowTheFunctionKeysAreUnknown() {
    #expect(decode(.keyCode(Int32.min)) == .unknown)
    #expect(decode(.character(0x1B), then: [.keyCode(Int32.min)]) == .unknown)
    #expect(decode(.keyCode(Int32.max)) == .unknown)
  }

  // Found by Fuzz/Targets/key-decoder.swift: `alt+` and a combining mark printed as a string
  // that did not read back (the mark joined the `+`).
  @Test func altWithACombiningMarkReadsBack() throws {
    let decoded = decode(.character(0x1B), then: [.character(0x1B02)])
    guard case .key(let key) = decoded else {
      Issue.record("expected a key, got \(decoded)")
      return
    }
    #expect(key == KeyEvent(.character("\u{1B02}"), modifiers: .alt))
    #expect(KeyEvent(canonical: key.canonical) == key)
  }
}
