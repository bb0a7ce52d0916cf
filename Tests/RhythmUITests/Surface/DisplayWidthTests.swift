import RhythmUI
import Testing

@Suite("DisplayWidth")
struct DisplayWidthTests {
  @Test(arguments: [
    ("a", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("한", 2), ("Ａ", 2), ("ｱ", 1), ("😀", 2),
    ("👩‍👩‍👧", 2), ("🇫🇷", 2), ("❤️", 2), ("❤", 1), ("\u{301}", 0), ("\t", 0), ("─", 1), ("█", 1),
  ])
  func characterWidths(text: String, width: Int) {
    #expect(DisplayWidth.of(text) == width)
  }

  @Test func stringWidthSumsGraphemes() {
    #expect(DisplayWidth.of("Plan 中文 ok") == 12)
  }

  @Test func truncateAddsAnEllipsisAndNeverSplitsWideCharacters() {
    #expect(DisplayWidth.truncate("Quarterly planning", to: 10) == "Quarterly…")
    #expect(DisplayWidth.truncate("中文中文", to: 6) == "中文…")
    #expect(DisplayWidth.truncate("中文中文", to: 5, ellipsis: false) == "中文")
    #expect(DisplayWidth.truncate("short", to: 10) == "short")
    #expect(DisplayWidth.truncate("anything", to: 0) == "")
  }

  @Test func padFitsExactly() {
    #expect(DisplayWidth.pad("中", to: 4) == "中  ")
    #expect(DisplayWidth.pad("abcdef", to: 4) == "abc…")
  }
}
