import Foundation
import Testing

@testable import RhythmCore

/// Inputs the fuzz targets (`Fuzz/`) found, each of which once crashed a reader or made the
/// fast decoder disagree with the full one.
@Suite("Fuzz findings")
struct FuzzFindingTests {
  private func readSnapshot(_ text: String) -> Result<SnapshotReader, RhythmError> {
    Result { () throws(RhythmError) in try SnapshotReader(path: "store.json", data: Data(text.utf8))
    }
  }

  private func corruptLine(_ result: Result<SnapshotReader, RhythmError>) -> Int? {
    guard case .failure(.corrupt(_, let line, _, _, _)) = result else { return nil }
    return line
  }

  @Test("a header line whose colon comes right after the opening quote is corrupt, not a crash")
  func headerKeyWithoutClosingQuote() {
    #expect(corruptLine(readSnapshot("{\n  \":1\n  \"schemaVersion\": 1\n}\n")) == 2)
    #expect(corruptLine(readSnapshot("{\n  \"\":1\n  \"schemaVersion\": 1\n}\n")) == nil)
  }

  @Test("journal positions and the schema version too large for an Int are corrupt, not a crash")
  func numbersBeyondInt() {
    let positions = [
      #"{"bytes":1e300,"lines":1}"#, #"{"bytes":1,"lines":-1e300}"#, #"{"bytes":-1,"lines":1}"#,
      #"{"bytes":1.5,"lines":1}"#,
    ]
    for position in positions {
      let text = "{\n  \"journals\": {\"d\":\(position)},\n  \"schemaVersion\": 1\n}\n"
      #expect(corruptLine(readSnapshot(text)) == 2, "\(position)")
    }
    #expect(corruptLine(readSnapshot("{\n  \"schemaVersion\": 1e300\n}\n")) == 2)
    let valid = readSnapshot(
      "{\n  \"journals\": {\"d\":{\"bytes\":48213,\"lines\":211}},\n  \"schemaVersion\": 1\n}\n")
    #expect(
      (try? valid.get().header.journals["d"]) == JournalPosition(bytes: 48_213, lines: 211))
  }

  @Test("a record line naming a field twice goes to the full decoder, which decides")
  func repeatedFieldGoesToTheFullDecoder() {
    let decision =
      #"{"createdAt":"2025-03-11T10:58:00Z","decidedBy":"ruth","id":"01jp2dncp0pxabt0mjdd4ksrxd","#
      + #""tags":[],"text":"Hold the budget flat","text":"Hold the budget"}"#
    let step =
      #"{"createdAt":"2026-11-02T10:15:30Z","due":"2026-12-04","id":"a","owner":"m","#
      + #""status":"open","tags":[],"title":"x","owner":"n"}"#
    #expect(Array(decision.utf8).withUnsafeBytes { RecordLineDecoder.decodeDecision($0) } == nil)
    #expect(Array(step.utf8).withUnsafeBytes { RecordLineDecoder.decode($0) } == nil)
  }
}
