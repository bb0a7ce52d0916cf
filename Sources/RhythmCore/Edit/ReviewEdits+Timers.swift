import Foundation

/// Where a live review stands in its agenda and its clock: the section the room is in, the
/// topic being worked, pauses. Each timer is stored as the seconds banked plus when its running
/// stretch began, so every timer continues where it stood after a pause, a restart or a kill
/// (`Review+Timers` derives them).
extension ReviewEdits {
  /// Moves a live review to agenda section `index`: the time spent in the current one is
  /// banked and the new one's timer starts (unless the meeting is paused). A topic being
  /// worked is left, its time banked.
  public static func enterSection(
    _ reviewID: String, _ index: Int, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let review = try running(reviewID, in: reader)
    guard index >= 0 else {
      throw .invalidValue(field: "section", value: String(index), expected: "0 or more")
    }
    guard index != review.currentSection || review.section == nil else { return Edit([]) }
    var edits = bankSection(review, now: context.now)
    edits += leavingTopic(review, now: context.now)
    edits.append(.set(\.section, index))
    edits.append(.set(\.sectionStartedAt, review.isPaused ? nil : context.now))
    return Edit([.update(Review.self, id: reviewID, edits)])
  }

  /// Pauses a live review: every running timer (the meeting's, the section's, the topic's)
  /// stops where it stands.
  public static func pause(
    _ reviewID: String, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let review = try running(reviewID, in: reader)
    guard !review.isPaused else { throw .message("the review is already paused") }
    var edits = bankSection(review, now: context.now) + bankTopic(review, now: context.now)
    if review.section == nil { edits.append(.set(\.section, 0)) }
    edits += [
      .set(\.sectionStartedAt, nil), .set(\.topicStartedAt, nil), .set(\.pausedAt, context.now),
    ]
    return Edit([.update(Review.self, id: reviewID, edits)])
  }

  /// Resumes a paused review: every timer runs on from where it stopped.
  public static func resume(
    _ reviewID: String, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let review = try running(reviewID, in: reader)
    guard let pausedAt = review.pausedAt else { throw .message("the review is not paused") }
    let paused = (review.pausedSeconds ?? 0) + max(0, context.now.timeIntervalSince(pausedAt))
    var edits: [FieldEdit<Review>] = [
      .set(\.pausedAt, nil), .set(\.pausedSeconds, paused),
      .set(\.sectionStartedAt, context.now),
    ]
    if review.topic != nil { edits.append(.set(\.topicStartedAt, context.now)) }
    return Edit([.update(Review.self, id: reviewID, edits)])
  }

  /// Starts working open topic `topicID` in a live review (its own timer, which continues
  /// from what it already had in this review); a topic worked before it is left.
  public static func workTopic(
    _ reviewID: String, topic topicID: String, in reader: some RecordReader,
    _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let review = try running(reviewID, in: reader)
    guard let topic = try reader.live(Topic.self, id: topicID) else {
      throw .notFound(kind: "topic", reference: topicID)
    }
    guard topic.status == .open else {
      throw .message("the topic is \(topic.status.rawValue): reopen it first")
    }
    guard review.topic != topicID else { return Edit([]) }
    let edits =
      bankTopic(review, now: context.now)
      + [
        .set(\.topic, topicID), .set(\.topicStartedAt, review.isPaused ? nil : context.now),
      ]
    return Edit([.update(Review.self, id: reviewID, edits)])
  }

  /// Leaves the topic being worked (it goes back to the queue), banking its time.
  public static func leaveTopic(
    _ reviewID: String, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let review = try live(reviewID, in: reader)
    let edits = leavingTopic(review, now: context.now)
    return Edit(edits.isEmpty ? [] : [.update(Review.self, id: reviewID, edits)])
  }

  // MARK: - Banking

  /// The edits that leave the worked topic, if any, banking its time.
  static func leavingTopic(_ review: Review, now: Date) -> [FieldEdit<Review>] {
    guard review.topic != nil else { return [] }
    return bankTopic(review, now: now) + [.set(\.topic, nil), .set(\.topicStartedAt, nil)]
  }

  /// The edits that stop every timer for good as the review ends: section and topic banked,
  /// a pause closed.
  static func stoppingTimers(_ review: Review, now: Date) -> [FieldEdit<Review>] {
    var edits = bankSection(review, now: now) + leavingTopic(review, now: now)
    if review.section == nil && !edits.isEmpty { edits.append(.set(\.section, 0)) }
    if review.sectionStartedAt != nil { edits.append(.set(\.sectionStartedAt, nil)) }
    if let pausedAt = review.pausedAt {
      let paused = (review.pausedSeconds ?? 0) + max(0, now.timeIntervalSince(pausedAt))
      edits += [.set(\.pausedAt, nil), .set(\.pausedSeconds, paused)]
    }
    return edits
  }

  /// The edit that banks the current section's running stretch.
  private static func bankSection(_ review: Review, now: Date) -> [FieldEdit<Review>] {
    guard review.sectionRunningSince != nil else { return [] }
    let index = review.currentSection
    return [.entry(\.spent, String(index), review.sectionElapsed(index, now: now))]
  }

  /// The edit that banks the worked topic's running stretch.
  private static func bankTopic(_ review: Review, now: Date) -> [FieldEdit<Review>] {
    guard let topic = review.topic, review.topicStartedAt != nil else { return [] }
    return [.entry(\.topicSpent, topic, review.topicElapsed(topic, now: now))]
  }

  /// The live review `id`, refused unless it is live.
  private static func running(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Review
  {
    let review = try live(id, in: reader)
    guard review.status == .live else {
      throw .message("the review is \(review.status.rawValue), not live: start it first")
    }
    return review
  }
}
