import RhythmTerminal
import Testing

@Suite("ASCII fallback")
struct ASCIIFallbackTests {
  private func ascii(_ text: String) -> String {
    text.map { ASCIIFallback.text(for: String($0)) }.joined()
  }

  @Test func framesBecomePlusMinusAndBar() {
    #expect(ascii("┌ Steps · 24 ─┐") == "+ Steps . 24 -+")
    #expect(ascii("│▶ a │") == "|> a |")
    #expect(ascii("╭──╮╰──╯┏━━┓┗━━┛╔══╗╚══╝") == "+--++--++--++--++--++--+")
    #expect(ascii("├┤┬┴┼") == "+++++")
  }

  @Test func barsAndSparklinesKeepTheirShape() {
    #expect(ascii("████▊") == "#####")
    #expect(ascii("▁▂▃▄▅▆▇█") == "__--==##")
    #expect(ascii("▏▎") == "||")
  }

  @Test func marksBecomeLookAlikes() {
    #expect(ascii("✓ done") == "v done")
    #expect(ascii("✗ not") == "x not")
    #expect(ascii("● LIVE ○ open") == "* LIVE o open")
    #expect(
      ascii("Kestr… – — ↻ ≥ ≤ → ← ↑ ↓ ▼ ◆ “q” ‘q’") == "Kestr. - - ~ > < > < ^ v v * \"q\" 'q'")
  }

  @Test func accentsAreDroppedAndTheRestIsAQuestionMark() {
    #expect(ascii("Réserver à Zürich, ñ") == "Reserver a Zurich, n")
    #expect(ASCIIFallback.text(for: "e\u{301}") == "e")
    #expect(ASCIIFallback.text(for: "中") == "?")
    #expect(ASCIIFallback.text(for: "😀") == "?")
    #expect(ASCIIFallback.text(for: "ß") == "?")
    #expect(ASCIIFallback.continuation == " ")
  }

  @Test func asciiIsLeftAlone() {
    let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }.joined()
    #expect(ascii(printable) == printable)
  }

  @Test func everyStandInIsOnePrintableASCIICharacter() {
    for grapheme in [
      "─", "│", "┌", "█", "▅", "▃", "▁", "▒", "▶", "◀", "▲", "▼", "✗", "●", "○", "·",
      "↻", "“", "‘",
    ] {
      let stand = ASCIIFallback.text(for: grapheme)
      #expect(stand.unicodeScalars.count == 1, "\(grapheme) → \(stand)")
      #expect(stand.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "?" })
    }
  }
}
