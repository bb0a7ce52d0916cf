import Foundation

/// Every error a user can meet, each with one clear line of text.
public enum RhythmError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `RHYTHM_NOW` is not an ISO 8601 instant.
  case invalidNow(String)
  /// A date the user typed could not be read.
  case invalidDate(String)
  /// A step's owner is not a known person.
  case unknownPerson(String)
  /// A person with that handle already exists.
  case duplicatePerson(String)
  /// A handle that is not lower-case letters, digits, `-`, `_` or `.`.
  case invalidHandle(String)
  /// No record of that kind matches the reference.
  case notFound(kind: String, reference: String)
  /// More than one record matches the reference.
  case ambiguous(kind: String, reference: String, candidates: [String])
  /// A reference shorter than the four characters ids need.
  case referenceTooShort(String)
  /// A value the user typed is not valid for that field.
  case invalidValue(field: String, value: String, expected: String)
  /// Quick-add text without a title.
  case emptyTitle
  /// A cadence rule that could not be read; the text carries an example of the closest valid form.
  case invalidRule(String)
  /// A time zone name that is not in the IANA database.
  case unknownTimeZone(String)
  /// The store folder has no store yet.
  case noStore(path: String)
  /// A store already exists where `init` was asked to create one.
  case storeExists(path: String)
  /// A store file could not be read or written.
  case io(path: String, reason: String)
  /// A store file is corrupt; `line` and `column` start at 1.
  case corrupt(path: String, line: Int, column: Int, reason: String, recovery: String)
  /// A line of a settings file (config, keys, theme) that cannot be used; `line` starts at 1.
  case invalidLine(path: String, line: Int, reason: String)
  /// The store was written by a newer Rhythm.
  case unsupportedSchema(path: String, version: Int)
  /// Nothing to undo (or redo).
  case nothingToUndo
  /// Anything else worth one line.
  case message(String)

  public var description: String {
    switch self {
    case .invalidNow(let text):
      return "RHYTHM_NOW is not an ISO 8601 instant: '\(text)' (try 2026-03-02T09:00:00Z)"
    case .invalidDate(let text):
      return
        "cannot read the date '\(text)' (try 2026-12-01, today, tomorrow, fri, +3d, +2w, eom, eoq)"
    case .unknownPerson(let handle):
      return "no person '\(handle)': add them first with `rhythm person add \(handle)`"
    case .duplicatePerson(let handle):
      return "a person '\(handle)' already exists"
    case .invalidHandle(let handle):
      return "'\(handle)' is not a handle: use lower-case letters, digits, '-', '_' or '.'"
    case .notFound(let kind, let reference):
      return "no \(kind) matches '\(reference)'"
    case .ambiguous(let kind, let reference, let candidates):
      let shown = candidates.prefix(5).joined(separator: ", ")
      return "'\(reference)' matches \(candidates.count) \(kind)s (\(shown)): type more characters"
    case .referenceTooShort(let reference):
      return "'\(reference)' is too short: type at least 4 characters of the id"
    case .invalidValue(let field, let value, let expected):
      return "\(field) '\(value)' is not valid: expected \(expected)"
    case .emptyTitle:
      return "the step has no title (try: Draft booth design @maria due:fri)"
    case .invalidRule(let text):
      return text
    case .unknownTimeZone(let name):
      return "unknown time zone '\(name)' (use an IANA name such as Europe/Berlin)"
    case .noStore(let path):
      return "no store at \(path): create one with `rhythm init` (or `rhythm init --demo`)"
    case .storeExists(let path):
      return "a store already exists at \(path)"
    case .io(let path, let reason):
      return "\(path): \(reason)"
    case .corrupt(let path, let line, let column, let reason, let recovery):
      return "\(path):\(line):\(column): \(reason); \(recovery)"
    case .invalidLine(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    case .unsupportedSchema(let path, let version):
      return
        "\(path) has schema version \(version), newer than this rhythm understands: upgrade rhythm"
    case .nothingToUndo:
      return "nothing to undo"
    case .message(let text):
      return text
    }
  }
}
