import Testing

@testable import RhythmUI

@Suite("Screen text")
struct ScreenTextTests {
  @Test(
    "a timer reads mm:ss, minutes growing past 59",
    arguments: [
      (30.0, "00:30"), (600.9, "10:00"), (7_503, "125:03"), (-5, "00:00"),
    ])
  func clock(seconds: Double, text: String) {
    #expect(ScreenText.clock(seconds: seconds) == text)
  }
}
