import Foundation
import Testing

@testable import RhythmCore

@Suite("Review edits: attendance, ratings per person, the audit, anything unclear")
struct ReviewAttendanceTests {
  private let review = MeetingFixture.review

  @Test("attendance adds the present and removes the absent; someone cannot be both")
  func attend() throws {
    var fixture = MeetingFixture()
    fixture.apply(
      try ReviewEdits.attend(review, present: ["@sam"], absent: ["tom"], in: fixture.data))
    #expect(fixture.data.reviews[review]?.attendees == ["maria", "sam"])
    #expect(try ReviewEdits.attend(review, present: ["sam"], in: fixture.data).changes.isEmpty)
    #expect(throws: RhythmError.self) {
      try ReviewEdits.attend(review, present: ["tom"], absent: ["tom"], in: fixture.data)
    }
    #expect(throws: RhythmError.unknownPerson("zed")) {
      try ReviewEdits.attend(review, present: ["zed"], in: fixture.data)
    }
    #expect(throws: RhythmError.notFound(kind: "review", reference: "01none")) {
      try ReviewEdits.attend("01none", present: ["tom"], in: fixture.data)
    }
  }

  @Test("each person rates once (a new rating replaces theirs); the mean is the review's rating")
  func rate() throws {
    var fixture = MeetingFixture()
    let edit = try ReviewEdits.rate(review, rating: 8, by: "maria", in: fixture.data)
    #expect(edit.changes == [.update(Review.self, id: review, [.entry(\.ratings, "maria", 8)])])
    fixture.apply(edit)
    fixture.apply(try ReviewEdits.rate(review, rating: 6, by: "@sam", in: fixture.data))
    fixture.apply(try ReviewEdits.rate(review, rating: 7, by: "maria", in: fixture.data))
    let rated = try #require(fixture.data.reviews[review])
    #expect(rated.ratings == ["maria": 7, "sam": 6])
    #expect(rated.meanRating == 6.5)
    #expect(rated.attendees == ["maria", "tom", "sam"])  // rating marks sam present
    #expect(throws: RhythmError.self) {
      try ReviewEdits.rate(review, rating: 0, by: "tom", in: fixture.data)
    }
    // Without a person: the room's one rating, refused once people rate one by one.
    #expect(throws: RhythmError.self) {
      try ReviewEdits.rate(review, rating: 9, in: fixture.data)
    }
    var unrated = MeetingFixture()
    unrated.apply(try ReviewEdits.rate(review, rating: 9, in: unrated.data))
    #expect(unrated.data.reviews[review]?.rating == 9)
    #expect(unrated.data.reviews[review]?.meanRating == 9)
  }

  @Test("audit answers are 1–5, kept per person; answering marks them present")
  func audit() throws {
    var fixture = MeetingFixture()
    let answer = AuditAnswer(risk: 3, transparency: 4, drive: 2)
    fixture.apply(try ReviewEdits.answerAudit(review, by: "sam", answer, in: fixture.data))
    fixture.apply(
      try ReviewEdits.answerAudit(
        review, by: "maria", AuditAnswer(risk: 5, transparency: 4, drive: 4), in: fixture.data))
    let answered = try #require(fixture.data.reviews[review])
    #expect(answered.audit["sam"] == answer)
    #expect(answered.attendees.contains("sam"))
    let summary = try #require(AuditSummary(answered))
    #expect(summary.answers.map(\.by) == ["maria", "sam"])
    #expect(summary.means == .init(risk: 4, transparency: 4, drive: 3))
    #expect(abs(summary.means.overall - 11.0 / 3) < 1e-9)
    for bad in [
      AuditAnswer(risk: 0, transparency: 3, drive: 3),
      AuditAnswer(risk: 3, transparency: 6, drive: 3),
    ] {
      #expect(throws: RhythmError.self) {
        try ReviewEdits.answerAudit(review, by: "tom", bad, in: fixture.data)
      }
    }
  }

  @Test("the previous audit is the cadence's latest earlier review with answers")
  func previousAudit() {
    var older = Review(
      id: "r1", cadence: "c", occurrence: MeetingFixture.now.addingTimeInterval(-9e6))
    older.audit = ["maria": AuditAnswer(risk: 2, transparency: 2, drive: 2)]
    var other = Review(
      id: "r2", cadence: "d", occurrence: MeetingFixture.now.addingTimeInterval(-1e6))
    other.audit = ["maria": AuditAnswer(risk: 5, transparency: 5, drive: 5)]
    let unanswered = Review(
      id: "r3", cadence: "c", occurrence: MeetingFixture.now.addingTimeInterval(-1e6))
    let current = Review(id: "r4", cadence: "c", occurrence: MeetingFixture.now)
    let previous = AuditSummary.previous(before: current, in: [older, other, unanswered, current])
    #expect(previous?.review.id == "r1")
    #expect(AuditSummary(current) == nil)
  }

  @Test("unclear is yes or no, written only when it changes; conclude may leave the rating")
  func unclearAndConclude() throws {
    var fixture = MeetingFixture()
    fixture.apply(try ReviewEdits.setUnclear(review, true, in: fixture.data))
    #expect(fixture.data.reviews[review]?.unclear == true)
    #expect(try ReviewEdits.setUnclear(review, true, in: fixture.data).changes.isEmpty)
    fixture.apply(try ReviewEdits.conclude(review, in: fixture.data, fixture.context))
    #expect(fixture.data.reviews[review]?.status == .held)
    #expect(fixture.data.reviews[review]?.rating == nil)
  }
}
