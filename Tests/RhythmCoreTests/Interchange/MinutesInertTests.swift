import Foundation
import Testing

@testable import RhythmCore

@Suite("Minutes show store text inert")
struct MinutesInertTests {
  private static let at = ISOInstant.parse("2026-11-23T10:00:00Z") ?? Date(timeIntervalSince1970: 0)

  @Test("escape sequences, C1 and bidi controls and line breaks in every field show visibly")
  func everyField() {
    let osc = "\u{1B}]0;pwned\u{07}"
    var state = StoreState()
    state.people["eve"] = Person(handle: "eve", name: "Eve \u{9B}31m")
    state.cadences["c1"] = Cadence(
      id: "c1", title: "Weekly \u{1B}[2J", rule: "FREQ=WEEKLY;BYDAY=MO",
      start: "2026-01-05T10:00:00", timeZone: "UTC", facilitator: "eve")
    var review = Review(id: "r1", cadence: "c1", occurrence: Self.at)
    review.status = .held
    review.attendees = ["eve"]
    state.reviews["r1"] = review
    let due = Day(year: 2026, month: 11, day: 27) ?? Day(ordinal: 0)
    state.steps["s1"] = Step(
      id: "s1", title: "Pay \(osc) invoice\u{202E}fdp.exe", owner: "eve", due: due,
      success: "paid\r## Forged", createdAt: Self.at, review: "r1", tags: ["x\u{9D}y"])
    state.decisions["d1"] = Decision(
      id: "d1", text: "Go\n## Forged heading", decidedBy: "eve", review: "r1", createdAt: Self.at)
    state.notes["n1"] = Note(
      id: "n1", text: "clip \u{1B}]52;c;cm0gLXJmIH4K\u{07}", review: "r1", createdAt: Self.at)

    let text = Minutes.markdown(review: review, state: state)
    let raw = text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        || (0x202A...0x202E).contains($0.value)
    }
    #expect(raw.isEmpty, "raw controls: \(raw.map { String($0.value, radix: 16) })")
    for visible in [
      "# Weekly ^[[2J — 2026-11-23", "**Facilitator:** Eve <U+009B>31m (@eve)",
      "- Go^J## Forged heading (decided by Eve <U+009B>31m (@eve))",
      "### Eve <U+009B>31m (@eve)",
      "- [ ] Pay ^[]0;pwned^G invoice<U+202E>fdp.exe — due 2026-11-27 — success: paid^M## Forged "
        + "#x<U+009D>y",
      "- clip ^[]52;c;cm0gLXJmIH4K^G",
    ] {
      #expect(text.contains(visible), "missing: \(visible)")
    }
    // A line break inside a field does not start a Markdown line.
    #expect(!text.split(separator: "\n").contains { $0.hasPrefix("## Forged") })
  }
}
