import RhythmUI
import Testing

@Suite("KeyEvent")
struct KeyEventTests {
  @Test(arguments: [
    "j", "G", "?", "<", "+", "ctrl+a", "alt+x", "ctrl+alt+x", "<esc>", "<enter>", "<up>", "<f5>",
    "<pgdn>", "<pgup>", "<space>", "alt+<enter>", "<backtab>", "<backspace>", "<delete>", "中",
  ])
  func canonicalStringsRoundTrip(text: String) throws {
    let key = try #require(KeyEvent(canonical: text))
    #expect(key.canonical == text)
  }

  @Test func parsingNormalises() {
    #expect(KeyEvent(canonical: "ctrl+A") == .ctrl("a"))
    #expect(KeyEvent(canonical: " ") == .character(" "))
    #expect(KeyEvent(canonical: "<F12>") == KeyEvent(.function(12)))
    #expect(KeyEvent(canonical: "shift+<tab>") == KeyEvent(.backTab))
    #expect(KeyEvent(canonical: "esc") == KeyEvent(.escape))
    #expect(KeyEvent(canonical: "alt+ctrl+x")?.canonical == "ctrl+alt+x")
  }

  @Test func modifiersBeforeACombiningMarkAreRead() {
    #expect(KeyEvent(canonical: "alt+\u{301}") == KeyEvent(.character("\u{301}"), modifiers: .alt))
    #expect(KeyEvent(canonical: "ctrl+alt+\u{200D}")?.modifiers == [.ctrl, .alt])
  }

  @Test func unknownStringsAreRejected() {
    #expect(KeyEvent(canonical: "bogus") == nil)
    #expect(KeyEvent(canonical: "<f0>") == nil)
    #expect(KeyEvent(canonical: "") == nil)
    #expect(KeyEvent(canonical: "shift+x") == nil)
  }

  @Test func memoryBackendDeliversQueuedEventsThenTimesOut() {
    let backend = MemoryBackend(size: Size(width: 10, height: 2))
    backend.enqueueKeys("j", "<enter>")
    backend.enqueue(.resized(Size(width: 20, height: 5)))
    #expect(backend.nextEvent(timeout: 250) == .key(.character("j")))
    #expect(backend.nextEvent(timeout: 250) == .key(KeyEvent(.enter)))
    #expect(backend.nextEvent(timeout: 100) == .resized(Size(width: 20, height: 5)))
    #expect(backend.size == Size(width: 20, height: 5))
    #expect(backend.nextEvent(timeout: 100) == nil)
    #expect(backend.requestedTimeouts == [250, 250, 100, 100])
    backend.draw(Surface(size: backend.size))
    backend.bell()
    #expect(backend.drawnSurfaces.count == 1 && backend.bellCount == 1)
  }
}
