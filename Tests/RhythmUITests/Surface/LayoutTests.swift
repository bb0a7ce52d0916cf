import RhythmUI
import Testing

@Suite("Layout")
struct LayoutTests {
  /// Draws each part of a horizontal split as a run of its index, for ASCII-art expectations.
  private func art(_ layout: Layout, width: Int) -> String {
    var row = [Character](repeating: ".", count: width)
    for (index, rect) in layout.split(Rect(x: 0, y: 0, width: width, height: 1)).enumerated() {
      for column in rect.x..<rect.maxX { row[column] = Character(String(index)) }
    }
    return String(row)
  }

  @Test func headerBodyFooter() {
    let parts = Layout.vertical([.length(1), .fill(1), .length(1)])
      .split(Rect(x: 2, y: 1, width: 10, height: 6))
    #expect(
      parts == [
        Rect(x: 2, y: 1, width: 10, height: 1), Rect(x: 2, y: 2, width: 10, height: 4),
        Rect(x: 2, y: 6, width: 10, height: 1),
      ])
  }

  @Test func horizontalArt() {
    #expect(art(.horizontal([.length(3), .fill(1), .fill(2)]), width: 12) == "000111222222")
    #expect(art(.horizontal([.percentage(50), .fill(1)], spacing: 1), width: 11) == "00000.11111")
    #expect(art(.horizontal([.min(2), .length(3)]), width: 10) == "0000000111")
    #expect(art(.horizontal([.length(8), .length(8)]), width: 10) == "0000000011")
    #expect(art(.horizontal([.fill(1), .fill(1), .fill(1)]), width: 10) == "0000111222")
  }

  @Test func tooSmallAreaGivesEmptyParts() {
    let parts = Layout.vertical([.length(1), .fill(1), .length(1)])
      .split(Rect(x: 0, y: 0, width: 5, height: 1))
    #expect(parts.map(\.height) == [1, 0, 0])
  }

  @Test func rectHelpers() {
    let rect = Rect(x: 1, y: 2, width: 10, height: 4)
    #expect(rect.maxX == 11 && rect.maxY == 6)
    #expect(rect.inset(by: 1) == Rect(x: 2, y: 3, width: 8, height: 2))
    #expect(rect.inset(by: 3).isEmpty)
    #expect(rect.centered(width: 4, height: 2) == Rect(x: 4, y: 3, width: 4, height: 2))
    #expect(
      rect.intersection(Rect(x: 8, y: 0, width: 10, height: 3)).size == Size(width: 3, height: 1))
  }
}
