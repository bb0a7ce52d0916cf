import Foundation

/// What the room records about a review besides what was said: who was there, how they rated
/// it, their collaboration audit answers, and whether anything is unclear about who does what.
/// Ratings and audit answers are kept per person (`ratings.maria`, `audit.maria`), so people
/// answering at once on different machines never overwrite each other.
extension ReviewEdits {
  /// Marks `present` as attendees and `absent` as not; others stay as they are.
  /// - Throws: `.unknownPerson`, or a message when someone is both.
  public static func attend(
    _ reviewID: String, present: [String], absent: [String] = [], in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let review = try live(reviewID, in: reader)
    var here: [String] = []
    for typed in present { here.append(try EditRules.person(typed, in: reader)) }
    var away = Set<String>()
    for typed in absent {
      let handle = EditRules.handle(typed)
      guard !here.contains(handle) else {
        throw .message("@\(handle) cannot be both present and absent")
      }
      if !review.attendees.contains(handle) { _ = try EditRules.person(typed, in: reader) }
      away.insert(handle)
    }
    var attendees = review.attendees.filter { !away.contains($0) }
    for handle in here where !attendees.contains(handle) { attendees.append(handle) }
    guard attendees != review.attendees else { return Edit([]) }
    return Edit([.update(Review.self, id: reviewID, [.set(\.attendees, attendees)])])
  }

  /// Rates a review 1–10: `by` a person (one rating each; rating marks them present), or,
  /// with no one named, the room's one rating (refused once attendees rate it one by one,
  /// where it would count for nothing).
  public static func rate(
    _ reviewID: String, rating: Int, by person: String? = nil, in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let review = try live(reviewID, in: reader)
    let rating = try EditRules.rating(rating)
    guard let person else {
      guard review.ratings.isEmpty else {
        throw .message("the review is rated by each attendee: name whose rating this is")
      }
      return Edit([.update(Review.self, id: reviewID, [.set(\.rating, rating)])])
    }
    let handle = try EditRules.person(person, in: reader)
    return Edit([
      .update(
        Review.self, id: reviewID, [.entry(\.ratings, handle, rating)] + present(handle, review))
    ])
  }

  /// Records one person's answers to the collaboration audit (each 1–5); answering marks
  /// them present.
  public static func answerAudit(
    _ reviewID: String, by person: String, _ answer: AuditAnswer, in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    let review = try live(reviewID, in: reader)
    let checked = AuditAnswer(
      risk: try EditRules.score(answer.risk, field: "risk"),
      transparency: try EditRules.score(answer.transparency, field: "transparency"),
      drive: try EditRules.score(answer.drive, field: "drive"))
    let handle = try EditRules.person(person, in: reader)
    return Edit([
      .update(
        Review.self, id: reviewID, [.entry(\.audit, handle, checked)] + present(handle, review))
    ])
  }

  /// Records whether anything is unclear about who does what (which should need no
  /// follow-up meeting).
  public static func setUnclear(_ reviewID: String, _ unclear: Bool, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    let review = try live(reviewID, in: reader)
    guard review.unclear != unclear else { return Edit([]) }
    return Edit([.update(Review.self, id: reviewID, [.set(\.unclear, unclear)])])
  }

  /// The edit that adds `handle` to the attendees, when not there yet.
  private static func present(_ handle: String, _ review: Review) -> [FieldEdit<Review>] {
    review.attendees.contains(handle) ? [] : [.set(\.attendees, review.attendees + [handle])]
  }
}
