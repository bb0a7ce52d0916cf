import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The keymap: one table for input, help and hints")
struct KeyMapTests {
  @Test("every default key is a canonical key string and unique within its context")
  func canonicalAndUnique() {
    for context in KeyContext.allCases {
      var seen: [String: String] = [:]
      for binding in KeyMap.defaults.bindings(in: context) {
        for key in binding.keys {
          #expect(KeyEvent(canonical: key)?.canonical == key, "\(binding.id): \(key)")
          #expect(
            seen[key] == nil, "\(key) bound twice in \(context): \(binding.id), \(seen[key] ?? "")")
          seen[key] = binding.id
        }
      }
    }
  }

  @Test("screen bindings win over global ones; the input line only knows its own")
  func lookup() {
    let keyMap = KeyMap.defaults
    #expect(keyMap.binding(for: "x", in: .steps)?.id == "steps.done")
    #expect(keyMap.binding(for: "x", in: .review)?.id == "review.checkin-done")
    #expect(keyMap.binding(for: "j", in: .steps)?.id == "global.down")
    #expect(keyMap.binding(for: "j", in: .input) == nil)
    #expect(keyMap.binding(for: "<esc>", in: .input)?.id == "input.cancel")
  }

  @Test("the status bar shows the screen's hints, then the global ones")
  func hints() {
    let hints = KeyMap.defaults.hints(for: .review).compactMap(\.hint)
    #expect(hints.starts(with: ["start", "next", "not done", "done", "step", "decision", "note"]))
    #expect(hints.suffix(2) == ["help", "back"])
  }

  @Test("user overrides rebind by id and report what they cannot read")
  func overrides() {
    let file = KeyValueFile(
      text: "steps.done = ctrl+d, D\n# a comment\nsteps.nothing = z\nsteps.drop = ctrl+\nhelp\n",
      path: "keys", form: "binding.id = key, key")
    let (keyMap, problems) = KeyMap.defaults.overridden(by: file)
    #expect(keyMap.binding(for: "D", in: .steps)?.id == "steps.done")
    #expect(keyMap.binding(for: "x", in: .steps) == nil)
    #expect(
      problems.map(\.description) == [
        "keys:3: no binding 'steps.nothing' (`rhythm keys` lists the ids)",
        "keys:4: cannot read the keys 'ctrl+' (write them as x, ctrl+d, <enter>)",
        "keys:5: expected `binding.id = key, key`",
      ])
  }

  @Test("a key the user bound drives the reducer like the default did")
  func overriddenKeyWorks() throws {
    var state = Fixtures.demoState()
    state.keyMap =
      KeyMap.defaults.overridden(by: KeyValueFile(text: "steps.done = D", path: "keys")).keyMap
    Fixtures.press(["3"], &state)
    let step = try #require(state.steps.selectedStep)
    #expect(Fixtures.press(["x"], &state).isEmpty)
    #expect(Fixtures.press(["D"], &state).count == 1)
    #expect(state.data.steps[step.id]?.status == .done)
  }

  @Test(": runs commands: screens, filter, sort; unknown ones explain themselves")
  func commandLine() {
    var state = Fixtures.demoState()
    Fixtures.press([":"], &state)
    Fixtures.type("filter @sam", &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.screen == .steps)
    #expect(state.steps.filterText == "@sam")
    Fixtures.press([":"], &state)
    Fixtures.type("people", &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.screen == .people)
    Fixtures.press([":"], &state)
    Fixtures.type("frobnicate", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    #expect(state.prompt?.error?.contains("unknown command") == true)
  }

  @Test("q goes back through screens, then quits from the cockpit")
  func back() {
    var state = Fixtures.demoState()
    Fixtures.press(["3", "5"], &state)
    #expect(Fixtures.press(["q"], &state).isEmpty)
    #expect(state.screen == .steps)
    Fixtures.press(["q"], &state)
    #expect(state.screen == .cockpit)
    #expect(Fixtures.press(["q"], &state) == [.quit])
  }
}

@Suite("Searching from anywhere")
struct SearchTests {
  @Test("/ on any screen opens the steps filter")
  func slashSearches() {
    var state = Fixtures.demoState()
    Fixtures.press(["5", "/"], &state)
    #expect(state.screen == .steps)
    #expect(state.prompt?.purpose == .filter)
    Fixtures.type("#crm", &state)
    #expect(state.steps.filterText == "#crm")
  }
}
