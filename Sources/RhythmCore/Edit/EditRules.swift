import Foundation

/// The checks every surface applies to what people type, in one place.
public enum EditRules {
  /// The handle in `typed`: trimmed, without a leading `@`, lower-cased.
  public static func handle(_ typed: String) -> String {
    let trimmed = trimming(typed, .whitespaces)
    return (trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed).lowercased()
  }

  /// The tag in `typed`, without a leading `#`.
  public static func tag(_ typed: String) -> String {
    let trimmed = trimming(typed, .whitespaces)
    return trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
  }

  /// `text` trimmed, refused when empty or when it holds a control character (other than
  /// tab): text typed here reaches teammates' terminals.
  /// - Throws: `.emptyTitle` or a message naming `field`.
  public static func text(_ text: String, field: String) throws(RhythmError) -> String {
    let trimmed = trimming(text, .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      throw field == "title" ? .emptyTitle : .message("the \(field) is empty")
    }
    try TextEntry.check(trimmed, field: field)
    return trimmed
  }

  /// Optional text, checked for control characters like `text(_:field:)`; empty is kept.
  public static func optionalText(_ text: String?, field: String) throws(RhythmError) -> String? {
    guard let text else { return nil }
    try TextEntry.check(text, field: field)
    return text
  }

  /// Text of several lines (a topic's description, written in an editor): trimmed, `nil` when
  /// empty; line breaks are kept, any other control character is refused.
  public static func multilineText(_ text: String?, field: String) throws(RhythmError)
    -> String?
  {
    guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty
    else { return nil }
    for line in trimmed.split(separator: "\n", omittingEmptySubsequences: false) {
      try TextEntry.check(String(line), field: field)
    }
    return trimmed
  }

  /// Tags as typed (`#launch` or `launch`), checked.
  public static func tags(_ typed: [String]) throws(RhythmError) -> [String] {
    var tags: [String] = []
    for tag in typed.map(tag) {
      tags.append(try text(tag, field: "tag"))
    }
    return tags
  }

  /// The handle of a live person.
  /// - Throws: `.unknownPerson` when there is none.
  public static func person(_ typed: String, in reader: some RecordReader) throws(RhythmError)
    -> String
  {
    let handle = handle(typed)
    guard try reader.live(Person.self, id: handle) != nil else { throw .unknownPerson(handle) }
    return handle
  }

  /// A rating of a review, 1 to 10.
  public static func rating(_ value: Int) throws(RhythmError) -> Int {
    guard (1...10).contains(value) else {
      throw .invalidValue(
        field: "rating", value: String(value), expected: "a whole number from 1 to 10")
    }
    return value
  }

  /// An answer to one of the collaboration audit's questions, 1 to 5.
  public static func score(_ value: Int, field: String) throws(RhythmError) -> Int {
    guard (1...5).contains(value) else {
      throw .invalidValue(
        field: field, value: String(value), expected: "a whole number from 1 to 5")
    }
    return value
  }

  /// A team that exists, or that some person says they belong to.
  /// - Throws: `.notFound` when there is none.
  public static func team(_ typed: String, in reader: some RecordReader) throws(RhythmError)
    -> String
  {
    let name = typed.trimmingCharacters(in: .whitespaces)
    if try reader.live(Team.self, id: name) != nil { return name }
    guard try reader.all(Person.self).values.contains(where: { $0.teams.contains(name) }) else {
      throw .notFound(kind: "team", reference: name)
    }
    return name
  }

  /// A person (`@maria`, or a handle) or a team (`sales`), as exchanges name them: `@` always
  /// means a person; a bare name is a team when there is one, else a person.
  /// - Throws: a message when it is neither.
  public static func party(_ typed: String, in reader: some RecordReader) throws(RhythmError)
    -> String
  {
    let trimmed = typed.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("@") { return try person(trimmed, in: reader) }
    if let team = try? team(trimmed, in: reader) { return team }
    let handle = handle(trimmed)
    guard try reader.live(Person.self, id: handle) != nil else {
      throw .message(
        "no person or team '\(trimmed)': add the person with `rhythm person add \(handle)`")
    }
    return handle
  }

  /// The handle of `typed` when given (a live person), else the actor's when the actor is a
  /// person of the store, else `nil`: who raised a topic or told a headline.
  public static func author(
    _ typed: String?, in reader: some RecordReader, _ context: EditContext
  ) throws(RhythmError) -> String? {
    if let typed { return try person(typed, in: reader) }
    guard let actor = context.actor, try reader.live(Person.self, id: actor) != nil else {
      return nil
    }
    return actor
  }

  /// The id of a live topic, when one is given: what a step or decision captured while a
  /// topic is open names.
  public static func topic(_ id: String?, in reader: some RecordReader) throws(RhythmError)
    -> String?
  {
    guard let id else { return nil }
    guard try reader.live(Topic.self, id: id) != nil else {
      throw .notFound(kind: "topic", reference: id)
    }
    return id
  }

  /// `text` trimmed of `characters` (white space), without a trip through Foundation when it
  /// begins and ends with a printable ASCII character, as nearly every text does (an import
  /// checks 50,000 titles).
  static func trimming(_ text: String, _ characters: CharacterSet) -> String {
    if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
      (0x21...0x7E).contains(last)
    {
      return text
    }
    return text.trimmingCharacters(in: characters)
  }
}
