import RhythmTerminal
import Testing

@Suite("Terminal setup checks")
struct TerminalSetupTests {
  private func check(_ environment: [String: String], tty: Bool = true) -> TerminalError? {
    do {
      try CursesSession.checkEnvironment(
        environment, isInputTerminal: tty, isOutputTerminal: tty)
      return nil
    } catch {
      return error
    }
  }

  @Test func refusesWhatCursesCannotDrive() {
    #expect(check(["TERM": "xterm-256color"], tty: false) == .notATerminal)
    #expect(check([:]) == .missingTerminalType)
    #expect(check(["TERM": ""]) == .missingTerminalType)
    #expect(check(["TERM": "dumb"]) == .dumbTerminal)
    #expect(check(["TERM": "screen-256color"]) == nil)
  }

  @Test func messagesSuggestAWorkingTerm() {
    let message = TerminalError.unknownTerminal("tmux-256color").description
    #expect(message.contains("TERM=tmux-256color"))
    #expect(message.contains("xterm-256color") && message.contains("screen-256color"))
    #expect(TerminalError.dumbTerminal.description.contains("xterm-256color"))
  }

  @Test func noColorIsHonoured() {
    #expect(TerminalOptions().usesColor(environment: [:]))
    #expect(!TerminalOptions().usesColor(environment: ["NO_COLOR": "1"]))
    #expect(TerminalOptions().usesColor(environment: ["NO_COLOR": ""]))
    #expect(!TerminalOptions(noColor: true).usesColor(environment: [:]))
  }

  @Test func asciiOnlyIsAskedForByOptionOrEnvironment() {
    #expect(!TerminalOptions().drawsASCII(environment: [:]))
    #expect(TerminalOptions(asciiOnly: true).drawsASCII(environment: [:]))
    #expect(TerminalOptions().drawsASCII(environment: ["RHYTHM_ASCII": "1"]))
    #expect(!TerminalOptions().drawsASCII(environment: ["RHYTHM_ASCII": ""]))
    #expect(!TerminalOptions().drawsASCII(environment: ["RHYTHM_ASCII": "0"]))
  }
}
