import Foundation

/// What a meeting records besides steps: decisions, notes and headlines.
public enum MeetingEdits {
  /// Records a decision; `@who` in the text (or `decider`) names who decided. `topic` is the
  /// topic open as it was made, which it settles (or helps to).
  public static func decide(
    _ text: String, decider: String? = nil, review: String? = nil, tags: [String] = [],
    topic: String? = nil, in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    var words: [String] = []
    var named = decider
    for word in text.split(separator: " ") {
      if word.hasPrefix("@"), word.count > 1, named == nil {
        named = String(word)
      } else {
        words.append(String(word))
      }
    }
    let decidedBy = try named.map { (typed) throws(RhythmError) in
      try EditRules.person(typed, in: reader)
    }
    let body = try EditRules.text(words.joined(separator: " "), field: "decision")
    let decision = Decision(
      id: context.newID(), text: body, decidedBy: decidedBy, review: review,
      createdAt: context.now, tags: try EditRules.tags(tags),
      topic: try EditRules.topic(topic, in: reader))
    return Edit([.create(decision)], created: decision.id)
  }

  /// Takes a note, by the actor.
  public static func note(
    _ text: String, review: String? = nil, in reader: some RecordReader,
    _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let body = try EditRules.text(text, field: "note")
    let note = Note(
      id: context.newID(), text: body, review: review, author: context.actor,
      createdAt: context.now)
    return Edit([.create(note)], created: note.id)
  }

  /// Records a headline, good or bad news told in `review`; `by` defaults to the actor when
  /// the actor is a person of the store.
  public static func headline(
    _ text: String, tone: Headline.Tone = .good, by: String? = nil, review: String,
    in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    guard try reader.live(Review.self, id: review) != nil else {
      throw .notFound(kind: "review", reference: review)
    }
    let headline = Headline(
      id: context.newID(), text: try EditRules.text(text, field: "headline"),
      by: try EditRules.author(by, in: reader, context), review: review, tone: tone,
      createdAt: context.now)
    return Edit([.create(headline)], created: headline.id)
  }
}
