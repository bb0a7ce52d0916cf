import Foundation
import Testing

@testable import RhythmCore

@Suite("Text of several lines, on one line or as a list item")
struct TextLinesTests {
  @Test("one line: the lines that are not blank, trimmed, joined by ' / '")
  func oneLine() {
    #expect(TextLines.oneLine("hello\nworld") == "hello / world")
    #expect(TextLines.oneLine("first  \r\n\n  second\n") == "first / second")
    #expect(TextLines.oneLine("  as it is  ") == "  as it is  ")
    // Only LF and CRLF break a line: a lone CR stays, for InertText to show as ^M.
    #expect(TextLines.oneLine("paid\r## Forged") == "paid\r## Forged")
    #expect(TextLines.lines("a\u{2028}b\u{0C}c") == ["a\u{2028}b\u{0C}c"])
  }

  @Test("a list item: later lines indented as far as the bullet, trailing blank lines dropped")
  func listItem() {
    #expect(TextLines.listItem("one") == ["- one"])
    #expect(TextLines.listItem("one\r\ntwo \n\nthree\n\n") == ["- one", "  two", "", "  three"])
    #expect(TextLines.listItem("a\nb", bullet: "  - ") == ["  - a", "    b"])
  }
}
