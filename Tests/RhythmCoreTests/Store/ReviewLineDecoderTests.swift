import Foundation
import Testing

@testable import RhythmCore

@Suite("Byte-level review decoder")
struct ReviewLineDecoderTests {
  private func line(_ review: Review) -> [UInt8] {
    Array(JSONValue.object(Review.schema.fields(of: review)).serialized().utf8)
  }

  @Test("a review decodes to the same value as JSONDecoder gives, for every field shape")
  func reviewsMatchJSONDecoder() throws {
    let occurrence = try #require(ISOInstant.parse("2026-11-02T10:00:00Z"))
    let plain = Review(
      id: "01jd3k4m7qaaaaaaaaaaaaaaaa", cadence: "01jd3k4m7qcccccccccccccccc",
      occurrence: occurrence)
    var full = plain
    full.status = .held
    full.movedTo = occurrence.addingTimeInterval(3_600)
    full.startedAt = occurrence.addingTimeInterval(60.5)
    full.endedAt = occurrence.addingTimeInterval(3_000)
    full.rating = 8
    full.attendees = ["maria", "sam"]
    full.checkins = [
      "01jd3k4m7qbbbbbbbbbbbbbbbb": "done", "01jd3k4m7qdddddddddddddddd": "not-done",
    ]
    full.minutesAt = occurrence.addingTimeInterval(7_200)
    full.ratings = ["maria": 9, "sam": 7]
    full.unclear = true
    full.deleted = false
    var reuse = RecordLineDecoder.Reuse()
    for review in [plain, full, plain] {
      let bytes = line(review)
      let fast = bytes.withUnsafeBytes { RecordLineDecoder.decodeReview($0, reusing: &reuse) }
      let slow = try RecordCoding.makeDecoder().decode(Review.self, from: Data(bytes))
      #expect(fast == slow)
      #expect(fast == review)
    }
  }

  @Test("fractional ratings, repeated check-ins and unknown fields are left to the full decoder")
  func declinesWhatItCannotRead() {
    let base =
      #"{"attendees":[],"cadence":"c","checkins":{},"id":"r","occurrence":"2026-11-02T10:00:00Z","status":"held""#
    let lines = [
      base + #","rating":7.5}"#,
      base + #","rating":1e2}"#,
      #"{"attendees":[],"cadence":"c","checkins":{"a":"done","a":"not-done"},"id":"r","occurrence":"2026-11-02T10:00:00Z","status":"held"}"#,
      base + #","agenda":[]}"#,
      base + #","status":"lost"}"#,
      base + #","ratings":{"maria":7.5}}"#,
      base + #","audit":{"maria":{"drive":3,"risk":4,"transparency":5}}}"#,
      base + #","spent":{"0":60}}"#,
      base + #","section":2}"#,
    ]
    for text in lines {
      let decoded = Array(text.utf8).withUnsafeBytes { RecordLineDecoder.decodeReview($0) }
      #expect(decoded == nil, "\(text)")
    }
    let plain = Array((base + #","rating":-3}"#).utf8).withUnsafeBytes {
      RecordLineDecoder.decodeReview($0)
    }
    #expect(plain?.rating == -3)
  }
}

extension ReviewLineDecoderTests {
  @Test("a review with audit answers is read by the full decoder, to the same value")
  func auditAnswers() throws {
    var review = Review(id: "r", cadence: "c", occurrence: Date(timeIntervalSince1970: 0))
    review.audit = ["maria": AuditAnswer(risk: 4, transparency: 5, drive: 3)]
    let bytes = line(review)
    #expect(bytes.withUnsafeBytes { RecordLineDecoder.decodeReview($0) } == nil)
    #expect(try RecordCoding.makeDecoder().decode(Review.self, from: Data(bytes)) == review)
  }
}
