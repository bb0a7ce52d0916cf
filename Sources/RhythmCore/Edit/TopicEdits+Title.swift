import Foundation

// MARK: - Renaming a topic

extension TopicEdits {
  /// Gives a topic a new title (checked as every typed text is).
  /// - Throws: `.notFound`, or a message for an empty title or a control character.
  public static func retitle(_ id: String, _ title: String, in reader: some RecordReader)
    throws(RhythmError) -> Edit
  {
    guard let topic = try reader.live(Topic.self, id: id) else {
      throw .notFound(kind: "topic", reference: id)
    }
    let title = try EditRules.text(title, field: "topic")
    guard title != topic.title else { return Edit([]) }
    return Edit([.update(Topic.self, id: id, [.set(\.title, title)])])
  }
}
