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
}
