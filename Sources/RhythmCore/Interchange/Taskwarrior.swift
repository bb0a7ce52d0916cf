import Foundation

/// Reads what `task export` writes (a JSON array of tasks) as steps.
///
/// Mapping: `description` → title; `pending` and `waiting` → open, `completed` → done at
/// `end`, `deleted` → dropped at `end`; `recurring` parents are left out (their instances are
/// pending tasks of their own). `due` → the due day in the given zone; `entry` → created;
/// `tags` → tags, except a tag naming a known person, which makes them the owner; `project` →
/// one more tag. A `success` attribute (a UDA) is the success criterion.
public enum Taskwarrior {
  /// The steps in `text`.
  /// - Parameters:
  ///   - handles: the store's people; a task tagged with one of them is theirs.
  ///   - defaultOwner: the owner of tasks with no such tag (`nil`: none, the caller decides).
  ///   - defaultDue: the due day of tasks with no `due`; `nil` makes such a task an error.
  ///   - timeZone: the zone due instants are read in (Taskwarrior writes local midnight as UTC).
  /// - Throws: `RhythmError.invalidValue` when the text is not a JSON array of tasks or a task
  ///   lacks a description or has a bad date.
  public static func parse(
    _ text: String, handles: Set<String>, defaultOwner: String?, defaultDue: Day?,
    timeZone: TimeZone
  ) throws(RhythmError) -> [ImportedStep] {
    let document: JSONValue
    do {
      document = try JSONParser.parse(text)
    } catch {
      let (line, column) = error.position(in: Array(text.utf8))
      throw .invalidValue(
        field: "Taskwarrior export", value: "line \(line) column \(column): \(error.reason)",
        expected: "the JSON array `task export` prints")
    }
    let tasks: [JSONValue]
    switch document {
    case .array(let values): tasks = values
    case .object: tasks = [document]  // `task N export` of old versions prints one object
    default:
      throw .invalidValue(
        field: "Taskwarrior export", value: "not an array",
        expected: "the JSON array `task export` prints")
    }
    var steps: [ImportedStep] = []
    for (index, task) in tasks.enumerated() {
      guard case .object(let fields) = task else {
        throw .invalidValue(
          field: "task \(index + 1)", value: "not an object", expected: "a Taskwarrior task")
      }
      let origin = "task \(index + 1)"
      let status: Step.Status
      switch fields["status"]?.stringValue ?? "pending" {
      case "pending", "waiting": status = .open
      case "completed": status = .done
      case "deleted": status = .dropped
      case "recurring": continue
      case let other:
        throw .invalidValue(
          field: "\(origin) status", value: other,
          expected: "pending, waiting, completed, deleted or recurring")
      }
      guard let title = fields["description"]?.stringValue?.trimmingCharacters(in: .whitespaces),
        !title.isEmpty
      else {
        throw .invalidValue(field: "\(origin) description", value: "", expected: "a description")
      }
      func instant(_ name: String) throws(RhythmError) -> Date? {
        guard let text = fields[name]?.stringValue else { return nil }
        guard let date = date(text) else {
          throw .invalidValue(
            field: "\(origin) \(name)", value: text, expected: "a date such as 20261201T230000Z")
        }
        return date
      }
      guard let due = try instant("due").map({ Day(containing: $0, in: timeZone) }) ?? defaultDue
      else {
        throw .invalidValue(
          field: "\(origin) (\(title)) due", value: "",
          expected: "a due date (or give a default with --due)")
      }
      var tags: [String] = []
      var owner: String?
      for tag in fields["tags"]?.stringArray ?? [] {
        let lower = tag.lowercased()
        if owner == nil, handles.contains(lower) {
          owner = lower
        } else {
          tags.append(tag)
        }
      }
      if let project = fields["project"]?.stringValue, !project.isEmpty {
        tags.append(project.replacingOccurrences(of: " ", with: "-"))
      }
      steps.append(
        ImportedStep(
          title: title, owner: owner ?? defaultOwner, due: due,
          success: fields["success"]?.stringValue, tags: tags, status: status,
          createdAt: try instant("entry"), completedAt: status == .open ? nil : try instant("end"),
          origin: "\(origin) (\(title))"))
    }
    return steps
  }

  /// Reads Taskwarrior's `20261201T230000Z` (and, to be lenient, ISO 8601 with an offset).
  static func date(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    if bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") {
      let digits = Array(String(decoding: bytes, as: UTF8.self))
      func part(_ from: Int, _ length: Int) -> String { String(digits[from..<(from + length)]) }
      let iso =
        "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(9, 2)):\(part(11, 2)):\(part(13, 2))Z"
      return ISOInstant.parse(iso)
    }
    return ISOInstant.parse(text)
  }
}
