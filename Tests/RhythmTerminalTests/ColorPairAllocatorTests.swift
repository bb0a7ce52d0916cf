import RhythmTerminal
import RhythmUI
import Testing

@Suite("ColorPairAllocator")
struct ColorPairAllocatorTests {
  @Test func allocatesPairsLazilyOncePerCombination() {
    var colors = ColorPairAllocator(colorCount: 256, pairCount: 65_536)
    let first = colors.allocate(foreground: .red, background: .default)
    #expect(first == .init(pair: 1, isNew: true, foreground: 1, background: -1))
    let again = colors.allocate(foreground: .red, background: .default)
    #expect(again.pair == 1 && !again.isNew)
    let second = colors.allocate(foreground: .indexed(208), background: .indexed(236))
    #expect(second == .init(pair: 2, isNew: true, foreground: 208, background: 236))
  }

  @Test func defaultColoursUsePairZero() {
    var colors = ColorPairAllocator(colorCount: 256, pairCount: 65_536)
    #expect(colors.allocate(foreground: .default, background: .default).pair == 0)
  }

  @Test func runningOutOfPairsFallsBackToPairZero() {
    var colors = ColorPairAllocator(colorCount: 8, pairCount: 3)
    #expect(colors.allocate(foreground: .red, background: .default).pair == 1)
    #expect(colors.allocate(foreground: .green, background: .default).pair == 2)
    #expect(colors.allocate(foreground: .blue, background: .default).pair == 0)
  }

  @Test func monochromeIgnoresColours() {
    var off = ColorPairAllocator(colorCount: 256, pairCount: 65_536, isColorEnabled: false)
    #expect(off.isMonochrome)
    #expect(off.allocate(foreground: .red, background: .blue).pair == 0)
    var noColors = ColorPairAllocator(colorCount: 0, pairCount: 0)
    #expect(noColors.allocate(foreground: .red, background: .blue).pair == 0)
  }

  @Test(arguments: [
    (Color.indexed(196), 8, Int32(1)),  // bright red → red
    (.indexed(46), 8, 2),  // green
    (.indexed(21), 8, 4),  // blue
    (.indexed(208), 8, 3),  // orange → yellow
    (.indexed(236), 8, 0),  // dark grey → black
    (.indexed(253), 8, 7),  // light grey → white
    (.indexed(196), 16, 9),  // bright red stays bright with 16 colours
    (.indexed(244), 16, 8),  // mid grey → bright black
    (.ansi(9), 8, 1),  // bright ANSI → base colour on 8-colour terminals
    (.ansi(9), 16, 9),
    (.indexed(5), 8, 5),
    (.indexed(208), 256, 208),
    (.default, 8, -1),
  ])
  func colourFallback(color: Color, colorCount: Int, expected: Int32) {
    let colors = ColorPairAllocator(colorCount: colorCount, pairCount: 64)
    #expect(colors.colorNumber(for: color) == expected)
  }
}
