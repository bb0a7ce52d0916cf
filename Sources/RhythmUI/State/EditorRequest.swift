/// What a text written in `$EDITOR` is for.
public enum EditorRequest: Hashable, Sendable {
  /// A note of the live review `reviewID`.
  case note(reviewID: String)
  /// The description of topic `topicID`.
  case topicDescription(topicID: String)
}

/// How an `$EDITOR` session ended.
public enum EditorOutcome: Hashable, Sendable {
  /// The editor exited with status 0; the file held `text`.
  case saved(String)
  /// Nothing to save: the editor could not start or exited non-zero (the reason says which).
  case failed(String)
}
