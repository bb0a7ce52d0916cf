import Foundation

/// What a meeting records besides steps: decisions and notes.
public enum MeetingEdits {
  /// Records a decision; `@who` in the text (or `decider`) names who decided.
  public static func decide(
    _ text: String, decider: String? = nil, review: String? = nil, tags: [String] = [],
    in reader: some RecordReader, _ context: inout EditContext
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
      createdAt: context.now, tags: tags.map(EditRules.tag))
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
}
