import RhythmUI
import Testing

@Suite("Bar and Sparkline")
struct GaugeTests {
  @Test func barUsesEighthBlocks() {
    #expect(Bar(fraction: 0.5).text(width: 4) == "██  ")
    #expect(Bar(fraction: 0.3).text(width: 5) == "█▌   ")
    #expect(Bar(fraction: 1.5).text(width: 3) == "███")
    #expect(Bar(fraction: -1).text(width: 3) == "   ")
    #expect(Bar(fraction: .nan).text(width: 2) == "  ")
  }

  @Test func barDrawsTheTargetMarker() {
    var surface = Surface(size: Size(width: 10, height: 1))
    Bar(
      fraction: 0.25, target: 0.8, style: Style(foreground: .green),
      targetStyle: Style(foreground: .red)
    ).render(in: surface.bounds, on: &surface)
    #expect(surface.lines == ["██▌     │ "])
    #expect(surface[0, 0].style.foreground == .green)
    #expect(surface[8, 0].style.foreground == .red)
  }

  @Test func sparklineScalesAndLeavesGapsBlank() {
    #expect(Sparkline(values: [0, 1, 2, nil, 7]).text(width: 10) == "▁▂▃ █")
    #expect(Sparkline(values: [1, 2, 3, 4], maximum: 8).text(width: 2) == "▄▅")
    #expect(Sparkline(values: [0, 0]).text(width: 2) == "▁▁")
  }
}
