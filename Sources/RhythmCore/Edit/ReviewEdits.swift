import Foundation

/// Every change to reviews: start one live, check in last time's steps, conclude it, send its
/// minutes, skip or move an occurrence (attendance, ratings and the audit are in
/// `ReviewEdits+Attendance`).
public enum ReviewEdits {
  /// Makes the review of `cadence` at `occurrence` live: the stored one when there is one
  /// (`review`, or any of that occurrence), else a new one with the cadence's participants as
  /// attendees. The room starts in agenda section `section` (where the preview stood), whose
  /// timer starts now. A live review is left as it is.
  public static func start(
    _ cadenceID: String, at occurrence: Date, review reviewID: String? = nil, section: Int = 0,
    in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    guard let cadence = try reader.live(Cadence.self, id: cadenceID) else {
      throw .notFound(kind: "cadence", reference: cadenceID)
    }
    let stored = try existing(reviewID, cadenceID, occurrence, in: reader)
    if let stored {
      switch stored.status {
      case .live: return Edit([], created: stored.id)
      case .held: throw .message("\(cadence.title) on that day was already held")
      case .scheduled, .skipped, .moved: break
      }
      return Edit(
        [
          .update(
            Review.self, id: stored.id,
            [
              .set(\.status, .live), .set(\.startedAt, context.now), .set(\.section, section),
              .set(\.sectionStartedAt, context.now),
            ])
        ], created: stored.id)
    }
    var review = Review(
      id: reviewID ?? Review.id(cadence: cadence.id, occurrence: occurrence), cadence: cadence.id,
      occurrence: occurrence, status: .live)
    review.startedAt = context.now
    review.section = section
    review.sectionStartedAt = context.now
    review.attendees = cadence.participants
    return Edit([.create(review)], created: review.id)
  }

  /// Records a check-in answer for a step in a review, and the step's status with it: done
  /// marks it done, not done reopens it if it was done.
  public static func checkin(
    _ stepID: String, done: Bool, review reviewID: String, in reader: some RecordReader,
    _ context: EditContext
  ) throws(RhythmError) -> Edit {
    guard try reader.live(Review.self, id: reviewID) != nil else {
      throw .notFound(kind: "review", reference: reviewID)
    }
    guard let step = try reader.live(Step.self, id: stepID) else {
      throw .notFound(kind: "step", reference: stepID)
    }
    var changes: [Change] = [
      .update(Review.self, id: reviewID, [.entry(\.checkins, stepID, done ? "done" : "not-done")])
    ]
    if done && step.status != .done {
      changes += try StepEdits.setStatus(.done, of: [stepID], in: reader, context).changes
    } else if !done && step.status == .done {
      changes += try StepEdits.setStatus(.open, of: [stepID], in: reader, context).changes
    }
    return Edit(changes)
  }

  /// Concludes a live review: held, ended now, its timers stopped where they stand, and given
  /// the room's rating when there is one (attendees rate it one by one with
  /// `rate(_:rating:by:in:)`).
  public static func conclude(
    _ reviewID: String, rating: Int? = nil, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let review = try live(reviewID, in: reader)
    guard review.status == .live else {
      throw .message("the review is \(review.status.rawValue), not live: start it first")
    }
    var edits: [FieldEdit<Review>] = [.set(\.status, .held), .set(\.endedAt, context.now)]
    edits += stoppingTimers(review, now: context.now)
    if let rating { edits.append(.set(\.rating, try EditRules.rating(rating))) }
    return Edit([.update(Review.self, id: reviewID, edits)])
  }

  /// Notes that a held review's minutes went out now.
  public static func minutesSent(
    _ reviewID: String, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    _ = try live(reviewID, in: reader)
    return Edit([.update(Review.self, id: reviewID, [.set(\.minutesAt, context.now)])])
  }

  /// Skips one occurrence of a cadence (`movedTo` nil) or moves it: the occurrence's review
  /// takes that status, made when there is none. A held or live occurrence cannot be skipped
  /// or moved.
  public static func mark(
    _ cadenceID: String, occurrence: Date, movedTo: Date? = nil, in reader: some RecordReader,
    _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    guard let cadence = try reader.live(Cadence.self, id: cadenceID) else {
      throw .notFound(kind: "cadence", reference: cadenceID)
    }
    let status: Review.Status = movedTo == nil ? .skipped : .moved
    if movedTo == occurrence {
      throw .message("that is when it already is: give another day or time")
    }
    if let existing = try existing(nil, cadenceID, occurrence, in: reader) {
      guard existing.status != .held && existing.status != .live else {
        throw .message(
          "\(cadence.title) on \(TimeText.dayAndTime(occurrence, try cadence.schedule().timeZone))"
            + " is already "
            + "\(existing.status.rawValue): it cannot be \(status.rawValue)")
      }
      return Edit(
        [
          .update(Review.self, id: existing.id, [.set(\.status, status), .set(\.movedTo, movedTo)])
        ],
        created: existing.id)
    }
    var review = Review(
      id: Review.id(cadence: cadence.id, occurrence: occurrence), cadence: cadence.id,
      occurrence: occurrence, status: status)
    review.movedTo = movedTo
    return Edit([.create(review)], created: review.id)
  }

  static func live(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Review
  {
    guard let review = try reader.live(Review.self, id: id) else {
      throw .notFound(kind: "review", reference: id)
    }
    return review
  }

  /// The stored review `id`, else the one of that cadence's occurrence.
  private static func existing(
    _ id: String?, _ cadenceID: String, _ occurrence: Date, in reader: some RecordReader
  ) throws(RhythmError) -> Review? {
    if let id, let review = try reader.live(Review.self, id: id) { return review }
    return try reader.all(Review.self).values.first {
      $0.cadence == cadenceID && $0.occurrence == occurrence
    }
  }
}

extension Review {
  /// The id of the review of `cadence`'s `occurrence`, the same on every device: when two
  /// devices skip, move or start the same occurrence before they sync, they write one review,
  /// merged field by field, not two.
  public static func id(cadence: String, occurrence: Date) -> String {
    RecordIDGenerator.derived(
      at: occurrence, from: cadence + "@" + ISOInstant.format(occurrence))
  }
}
