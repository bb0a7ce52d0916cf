import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("tab in the input line: the beginning first, then cycling")
struct CompletionCycleTests {
  /// The demo organisation on the Steps screen with the add line open, `text` typed.
  private func typed(_ text: String) -> AppState {
    var state = Fixtures.demoState()
    Fixtures.press(["3", "a"], &state)
    Fixtures.type(text, &state)
    return state
  }

  @Test("@ma completes to maria, the one handle that begins with it, before omar")
  func beginningFirst() {
    var state = typed("Call the venue @ma")
    Fixtures.press(["<tab>"], &state)
    #expect(state.prompt?.field.value == "Call the venue @maria")
    #expect(state.prompt?.completions == ["maria", "omar"])
    Fixtures.press(["<tab>"], &state)
    #expect(state.prompt?.field.value == "Call the venue @omar")
    Fixtures.press(["<tab>"], &state)
    #expect(state.prompt?.field.value == "Call the venue @maria")
  }

  @Test("several handles that begin with it: each tab puts in the next, in order")
  func cyclesThroughSeveral() {
    var state = AppState(
      data: StoreState(), now: Fixtures.now, timeZone: Fixtures.utc, person: "maria")
    var stamper = MemoryStamper()
    let people = ["marco", "maria", "emma", "tom"].map {
      Change.create(Person(handle: $0, name: $0))
    }
    _ = AppReducer.update(
      &state, .committed(stamper.operations(for: people, now: Fixtures.now, person: "maria")))
    Fixtures.press(["3", "a"], &state)
    Fixtures.type("Book @ma due:fri", &state)
    Fixtures.press(
      ["<left>", "<left>", "<left>", "<left>", "<left>", "<left>", "<left>", "<left>"], &state)
    var seen: [String] = []
    for _ in 0..<4 {
      Fixtures.press(["<tab>"], &state)
      seen.append(state.prompt?.field.value ?? "")
    }
    #expect(
      seen == [
        "Book @marco due:fri", "Book @maria due:fri", "Book @emma due:fri", "Book @marco due:fri",
      ])
    #expect(state.prompt?.completions == ["marco", "maria", "emma"])
    // Typing ends the cycle: the next tab completes the new word.
    Fixtures.press(["<end>"], &state)
    Fixtures.type(" @t", &state)
    Fixtures.press(["<tab>"], &state)
    #expect(state.prompt?.field.value == "Book @marco due:fri @tom ")
  }

  @Test("#ca cycles through the tags that begin with it, then those that contain it")
  func tags() {
    var state = typed("Plan #ca")
    var seen: [String] = []
    for _ in 0..<5 {
      Fixtures.press(["<tab>"], &state)
      seen.append(state.prompt?.field.value ?? "")
    }
    #expect(
      seen == [
        "Plan #campaign", "Plan #case-study", "Plan #localisation", "Plan #scorecard",
        "Plan #campaign",
      ])
  }

  @Test("nothing matches: the bell, the text as it was")
  func noMatch() {
    var state = typed("Call @zz")
    let effects = Fixtures.press(["<tab>"], &state)
    #expect(effects == [.bell])
    #expect(state.prompt?.field.value == "Call @zz")
  }
}
