import Foundation

/// Every change to topics: raise one (from nothing, or from a metric, priority, step or
/// headline it is about), solve, drop or reopen it, and rank the open ones.
public enum TopicEdits {
  /// Raises an open topic at the end of its cadence's queue. Without a title it is named after
  /// what it refers to (`Win rate: 21 against 25`); `by` defaults to the actor when the actor
  /// is a person of the store.
  public static func add(
    _ title: String?, cadence: String? = nil, by: String? = nil, description: String? = nil,
    refersTo: String? = nil, in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    if let cadence, try reader.live(Cadence.self, id: cadence) == nil {
      throw .notFound(kind: "cadence", reference: cadence)
    }
    var typed = title ?? ""
    if let refersTo {
      let subject = try subject(refersTo, in: reader)
      if typed.trimmingCharacters(in: .whitespaces).isEmpty { typed = subject }
    }
    let topic = Topic(
      id: context.newID(), title: try EditRules.text(typed, field: "topic"),
      by: try EditRules.author(by, in: reader, context), cadence: cadence,
      rank: try endRank(of: cadence, in: reader), createdAt: context.now,
      description: try EditRules.multilineText(description, field: "description"),
      refersTo: refersTo)
    return Edit([.create(topic)], created: topic.id)
  }

  /// Marks a topic solved, now, in `review` (else in its cadence's live review, if one is).
  public static func solve(
    _ id: String, review: String? = nil, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    try settle(id, as: .solved, review: review, in: reader, context)
  }

  /// Drops a topic (no longer worth discussing), now, in `review` (else in its cadence's live
  /// review, if one is).
  public static func drop(
    _ id: String, review: String? = nil, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> Edit {
    try settle(id, as: .dropped, review: review, in: reader, context)
  }

  /// Opens a solved or dropped topic again, at the end of its cadence's queue.
  public static func reopen(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Edit
  {
    let topic = try live(id, in: reader)
    guard topic.status != .open else { throw .message("the topic is already open") }
    return Edit([
      .update(
        Topic.self, id: id,
        [
          .set(\.status, .open), .set(\.solvedAt, nil), .set(\.review, nil),
          .set(\.rank, try endRank(of: topic.cadence, in: reader)),
        ])
    ])
  }

  /// Moves an open topic to `position` (1 = first) among its cadence's open topics; a
  /// position past the end puts it last. Only the moved topic's rank is written, unless its
  /// neighbours' ranks are too close to fit one between them (then the queue is renumbered).
  public static func rank(_ id: String, to position: Int, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    let topic = try live(id, in: reader)
    guard topic.status == .open else {
      throw .message("the topic is \(topic.status.rawValue): only open topics are ranked")
    }
    guard position >= 1 else {
      throw .invalidValue(
        field: "position", value: String(position), expected: "a whole number from 1")
    }
    var others = Topic.queue(of: topic.cadence, in: try reader.all(Topic.self).values)
    let current = others.firstIndex { $0.id == id }
    others.removeAll { $0.id == id }
    let index = min(position, others.count + 1) - 1
    if current == index { return Edit([]) }
    let before = index > 0 ? others[index - 1].rank : nil
    let after = index < others.count ? others[index].rank : nil
    switch (before, after) {
    case (nil, nil):
      return Edit([])
    case (let before?, nil):
      return Edit([.update(Topic.self, id: id, [.set(\.rank, before.rounded(.down) + 1)])])
    case (nil, let after?):
      return Edit([.update(Topic.self, id: id, [.set(\.rank, after.rounded(.up) - 1)])])
    case (let before?, let after?):
      let middle = (before + after) / 2
      if after - before > 1e-6, middle > before, middle < after {
        return Edit([.update(Topic.self, id: id, [.set(\.rank, middle)])])
      }
      // No room left between them: number the whole queue again, 1, 2, 3…
      others.insert(topic, at: index)
      return Edit(
        others.enumerated().compactMap { offset, queued in
          let rank = Double(offset + 1)
          return queued.rank == rank && queued.id != id
            ? nil : .update(Topic.self, id: queued.id, [.set(\.rank, rank)])
        })
    }
  }

  /// Writes or clears a topic's description.
  public static func describe(_ id: String, _ text: String?, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    let topic = try live(id, in: reader)
    let description = try EditRules.multilineText(text, field: "description")
    guard description != topic.description else { return Edit([]) }
    return Edit([.update(Topic.self, id: id, [.set(\.description, description)])])
  }

  // MARK: - Rules

  private static func settle(
    _ id: String, as status: Topic.Status, review: String?, in reader: some RecordReader,
    _ context: EditContext
  ) throws(RhythmError) -> Edit {
    let topic = try live(id, in: reader)
    guard topic.status == .open else {
      throw .message("the topic is already \(topic.status.rawValue)")
    }
    var settledIn = review
    if let review {
      guard try reader.live(Review.self, id: review) != nil else {
        throw .notFound(kind: "review", reference: review)
      }
    } else if let cadence = topic.cadence {
      settledIn = try reader.all(Review.self).values.first {
        $0.cadence == cadence && $0.status == .live
      }?.id
    }
    var edits: [FieldEdit<Topic>] = [.set(\.status, status), .set(\.solvedAt, context.now)]
    if settledIn != topic.review { edits.append(.set(\.review, settledIn)) }
    var changes: [Change] = [.update(Topic.self, id: id, edits)]
    // Settled while the room works it: the review leaves it.
    if let settledIn, let worked = try reader.live(Review.self, id: settledIn),
      worked.topic == id
    {
      changes.append(
        .update(Review.self, id: settledIn, ReviewEdits.leavingTopic(worked, now: context.now)))
    }
    return Edit(changes)
  }

  private static func live(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> Topic
  {
    guard let topic = try reader.live(Topic.self, id: id) else {
      throw .notFound(kind: "topic", reference: id)
    }
    return topic
  }

  /// A rank after every open topic of `cadence`.
  private static func endRank(of cadence: String?, in reader: some RecordReader)
    throws(RhythmError) -> Double
  {
    let last = Topic.queue(of: cadence, in: try reader.all(Topic.self).values).last?.rank ?? 0
    return last.rounded(.down) + 1
  }

  /// What a topic about the record `id` is called: a metric with its latest value against
  /// target, a priority with its status, a step with its owner, a headline's text.
  /// - Throws: `.notFound` when `id` is no metric, priority, step or headline.
  public static func subject(_ id: String, in reader: some RecordReader) throws(RhythmError)
    -> String
  {
    if let metric = try reader.live(Metric.self, id: id) {
      guard let latest = metric.orderedValues.last else { return metric.name }
      return
        "\(metric.name): \(Metric.format(latest.value)) against \(Metric.format(metric.target))"
    }
    if let priority = try reader.live(Priority.self, id: id) {
      return "\(priority.title) (\(priority.status.rawValue))"
    }
    if let step = try reader.live(Step.self, id: id) { return "\(step.title) (@\(step.owner))" }
    if let headline = try reader.live(Headline.self, id: id) { return headline.text }
    throw .notFound(kind: "metric, priority, step or headline", reference: id)
  }
}

extension Topic {
  /// The open topics of `cadence` (`nil`: topics of no cadence) in the order the room works
  /// them: by rank, then oldest first.
  public static func queue(of cadence: String?, in topics: some Sequence<Topic>) -> [Topic] {
    topics.filter { $0.isLive && $0.status == .open && $0.cadence == cadence }
      .sorted { ($0.rank, $0.createdAt, $0.id) < ($1.rank, $1.createdAt, $1.id) }
  }
}
