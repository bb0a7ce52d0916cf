import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// `$EDITOR` for long notes and topic descriptions: the effect, the child the backend runs, and
/// what is saved. The child is played by the MemoryBackend, which edits the file it is given.
@Suite("Long text in $EDITOR")
struct EditorTests {
  private typealias F = SetupFixtures

  /// An empty store with a weekly cadence whose review is live, on the review screen.
  private func liveReview(environment: [String: String] = ["EDITOR": "ed -s"]) -> (
    Program, MemoryBackend
  ) {
    let (program, backend) = F.emptyProgram(environment: environment)
    F.press(program, backend, "4", "a")
    F.type(program, backend, "Weekly ops | weekly mon 10:00 | weekly")
    F.press(program, backend, "<enter>", "2", "s")
    return (program, backend)
  }

  /// A child that appends `line` to the file it was given and exits with `status`.
  private func appending(_ line: String, status: Int32 = 0) -> ([String]) -> Int32? {
    { arguments in
      guard let path = arguments.last, var text = try? String(contentsOfFile: path, encoding: .utf8)
      else { return 127 }
      text += line + "\n"
      try? text.write(toFile: path, atomically: false, encoding: .utf8)
      return status
    }
  }

  @Test("N, some text, ctrl+x: the editor gets it in a file, the note keeps every line")
  func note() throws {
    let (program, backend) = liveReview()
    var given = ""
    let append = appending("and a second line")
    backend.childHandler = { arguments in
      given = (try? String(contentsOfFile: arguments.last ?? "", encoding: .utf8)) ?? ""
      return append(arguments)
    }
    F.press(program, backend, "N")
    F.type(program, backend, "First line")
    F.press(program, backend, "ctrl+x")
    #expect(given == "First line\n")
    let run = try #require(backend.childRuns.first)
    #expect(run.prefix(3) == ["/bin/sh", "-c", "ed -s \"$1\""])
    #expect(
      !FileManager.default.fileExists(atPath: run.last ?? ""), "the temporary file is removed")
    let note = try #require(program.state.data.notes.values.first)
    #expect(note.text == "First line\nand a second line")
    #expect(note.review == program.state.review?.reviewID)
    #expect(program.state.prompt == nil)
    #expect(program.state.message?.text == "note taken")
  }

  @Test("an editor that exits non-zero saves nothing and says so")
  func failingEditor() {
    let (program, backend) = liveReview()
    backend.childHandler = appending("never saved", status: 1)
    F.press(program, backend, "N")
    F.type(program, backend, "Draft")
    F.press(program, backend, "ctrl+x")
    #expect(program.state.data.notes.isEmpty)
    #expect(program.state.message?.text == "the editor (ed -s) exited with status 1: nothing saved")
    #expect(program.state.message?.isError == true)
  }

  @Test("an editor that cannot start saves nothing and says so")
  func missingEditor() {
    let (program, backend) = liveReview()
    backend.childHandler = { _ in nil }
    F.press(program, backend, "N", "ctrl+x")
    #expect(program.state.data.notes.isEmpty)
    #expect(program.state.message?.text == "could not start the editor (ed -s): nothing saved")
  }

  @Test("a file left empty saves nothing")
  func emptied() {
    let (program, backend) = liveReview()
    backend.childHandler = { arguments in
      try? "\n  \n".write(toFile: arguments.last ?? "", atomically: false, encoding: .utf8)
      return 0
    }
    F.press(program, backend, "N")
    F.type(program, backend, "Draft")
    F.press(program, backend, "ctrl+x")
    #expect(program.state.data.notes.isEmpty)
    #expect(program.state.message?.text == "the file was left empty: nothing saved")
  }

  @Test("a control character written in the editor is refused, as typed text is")
  func controlCharacter() {
    let (program, backend) = liveReview()
    backend.childHandler = appending("bell \u{07} here")
    F.press(program, backend, "N")
    F.type(program, backend, "Draft")
    F.press(program, backend, "ctrl+x")
    #expect(program.state.data.notes.isEmpty)
    #expect(
      program.state.message?.text
        == "not saved: the note contains a control character (U+0007 BEL); remove it")
  }

  @Test("ctrl+x on a line that is not a note rings the bell and runs nothing")
  func notANote() {
    let (program, backend) = liveReview()
    F.press(program, backend, "D")
    F.type(program, backend, "Go")
    F.press(program, backend, "ctrl+x")
    #expect(backend.childRuns.isEmpty)
    #expect(program.state.prompt?.purpose == .decision)
  }

  @Test("E on the Topics section writes the selected topic's description in the editor")
  func topicDescription() throws {
    let (program, backend) = liveReview()
    F.press(program, backend, "t")
    F.type(program, backend, "Pricing page")
    F.press(program, backend, "<enter>", "n", "n", "n", "n", "n")
    backend.childHandler = appending("Why: churn after the trial.")
    F.press(program, backend, "ctrl+x")
    let topic = try #require(program.state.data.topics.values.first)
    #expect(topic.description == "Why: churn after the trial.")
    #expect(program.state.message?.text == "description saved")
    // Again: the editor opens on the description as it is.
    var given = ""
    backend.childHandler = { arguments in
      given = (try? String(contentsOfFile: arguments.last ?? "", encoding: .utf8)) ?? ""
      return 0
    }
    F.press(program, backend, "ctrl+x")
    #expect(given == "Why: churn after the trial.\n")
  }

  @Test("the editor is $EDITOR, else vi")
  func command() {
    #expect(ExternalEditor.command(environment: ["EDITOR": "nano -w"]) == "nano -w")
    #expect(ExternalEditor.command(environment: ["EDITOR": "  "]) == "vi")
    #expect(ExternalEditor.command(environment: [:]) == "vi")
  }

  @Test("after the editor, the next frame is drawn whole, also at a new size")
  func redrawn() {
    let (program, backend) = liveReview()
    backend.childHandler = appending("more")
    F.press(program, backend, "N")
    F.type(program, backend, "Draft")
    let framesBefore = backend.drawnSurfaces.count
    backend.enqueue(.key(.ctrl("x")), .resized(Size(width: 80, height: 24)))
    program.run(maxEvents: 2)
    #expect(backend.drawnSurfaces.count == framesBefore + 2)
    #expect(backend.lastSurface?.size == Size(width: 80, height: 24))
    #expect(program.state.size == Size(width: 80, height: 24))
  }
}
