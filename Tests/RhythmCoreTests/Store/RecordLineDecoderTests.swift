import Foundation
import Testing

@testable import RhythmCore

@Suite("Byte-level record decoders")
struct RecordLineDecoderTests {
  private func line<R: Record>(_ record: R) -> [UInt8] {
    Array(JSONValue.object(type(of: record).schema.fields(of: record)).serialized().utf8)
  }

  @Test("a step decodes to the same value as JSONDecoder gives, for every field shape")
  func stepsMatchJSONDecoder() throws {
    let created = try #require(ISOInstant.parse("2026-11-02T10:15:30.250Z"))
    var plain = Step(
      id: "01jd3k4m7qaaaaaaaaaaaaaaaa", title: "Draft booth design", owner: "maria",
      due: try #require(Day.parse("2026-12-04")), createdAt: created)
    var full = plain
    full.success = "approved by VP — 中文 😀"
    full.status = .done
    full.completedAt = created.addingTimeInterval(86_400)
    full.review = "01jd3k4m7qbbbbbbbbbbbbbbbb"
    full.tags = ["conference", "q4"]
    full.topic = "01jd3k4m7qtttttttttttttttt"
    plain.deleted = true
    for step in [plain, full] {
      let bytes = line(step)
      let fast = bytes.withUnsafeBytes { RecordLineDecoder.decode($0) }
      let slow = try RecordCoding.makeDecoder().decode(Step.self, from: Data(bytes))
      #expect(fast == slow)
      #expect(fast == step)
    }
  }

  @Test("a decision decodes to the same value as JSONDecoder gives")
  func decisionsMatchJSONDecoder() throws {
    let created = try #require(ISOInstant.parse("2026-11-02T10:15:30Z"))
    let decision = Decision(
      id: "01jd3k4m7qcccccccccccccccc", text: "Move the launch to March", decidedBy: "ana",
      review: nil, createdAt: created, tags: ["launch"], topic: "01jd3k4m7qtttttttttttttttt")
    let bytes = line(decision)
    let fast = bytes.withUnsafeBytes { RecordLineDecoder.decodeDecision($0) }
    #expect(fast == decision)
  }

  @Test("escapes, unknown fields and broken lines are left to the full decoder")
  func declinesWhatItCannotRead() {
    let lines = [
      #"{"createdAt":"2026-11-02T10:15:30Z","due":"2026-12-04","id":"a","owner":"m","status":"open","tags":[],"title":"say \"hi\""}"#,
      #"{"createdAt":"2026-11-02T10:15:30Z","due":"2026-12-04","id":"a","owner":"m","priority":1,"status":"open","tags":[],"title":"x"}"#,
      #"{"createdAt":"2026-11-02T10:15:30Z","due":"2026-13-04","id":"a","owner":"m","status":"open","tags":[],"title":"x"}"#,
      #"{"createdAt":"2026-11-02T10:15:30Z","due":"2026-12-04","id":"a","owner":"m","status":"open","tags":[],"title":"x""#,
      #"{"due":"2026-12-04","id":"a","owner":"m","status":"open","tags":[],"title":"x"}"#,
    ]
    for text in lines {
      let decoded = Array(text.utf8).withUnsafeBytes { RecordLineDecoder.decode($0) }
      #expect(decoded == nil, "\(text)")
    }
  }
}
