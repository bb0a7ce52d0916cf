import Foundation

// MARK: - A note written in an editor

extension MeetingEdits {
  /// Takes a note of several lines (written in `$EDITOR`), by the actor: line breaks are kept,
  /// any other control character is refused, as ``EditRules/multilineText(_:field:)`` says.
  /// - Throws: a message when the text is empty or holds a control character.
  public static func longNote(
    _ text: String, review: String? = nil, in reader: some RecordReader,
    _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    guard let body = try EditRules.multilineText(text, field: "note") else {
      throw .message("the note is empty")
    }
    let note = Note(
      id: context.newID(), text: body, review: review, author: context.actor,
      createdAt: context.now)
    return Edit([.create(note)], created: note.id)
  }
}
