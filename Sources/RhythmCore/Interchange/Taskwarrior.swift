import Foundation

/// Reads what `task export` writes (a JSON array of tasks) as steps.
///
/// Mapping: `description` → title; `pending` and `waiting` → open, `completed` → done at
/// `end`, `deleted` → dropped at `end`; `recurring` parents are left out (their instances are
/// pending tasks of their own). `due` → the due day in the given zone; `entry` → created;
/// `tags` → tags, except a tag naming a known person, which makes them the owner; `project` →
/// one more tag. A `success` attribute (a UDA) is the success criterion.
public enum Taskwarrior {
  /// The steps in `text` (see `parse(_:source:handles:defaultOwner:defaultDue:timeZone:)`).
  public static func parse(
    _ text: String, handles: Set<String>, defaultOwner: String?, defaultDue: Day?,
    timeZone: TimeZone
  ) throws(RhythmError) -> [ImportedStep] {
    try parse(
      Array(text.utf8), source: "Taskwarrior export", handles: handles,
      defaultOwner: defaultOwner, defaultDue: defaultDue, timeZone: timeZone)
  }

  /// The steps in the export `bytes`, read as they stream by (no tree of the whole export).
  /// - Parameters:
  ///   - source: the file the bytes are from, for error messages (`tasks.json:3: ...`).
  ///   - handles: the store's people; a task tagged with one of them is theirs.
  ///   - defaultOwner: the owner of tasks with no such tag (`nil`: none, the caller decides).
  ///   - defaultDue: the due day of tasks with no `due`; `nil` makes such a task an error.
  ///   - timeZone: the zone due instants are read in (Taskwarrior writes local midnight as UTC).
  /// - Throws: `RhythmError.invalidLine` naming the file and line when the bytes are not the
  ///   JSON `task export` prints, or a task lacks a description or has a bad status or date.
  public static func parse(
    _ bytes: some ContiguousBytes, source: String, handles: Set<String>, defaultOwner: String?,
    defaultDue: Day?, timeZone: TimeZone
  ) throws(RhythmError) -> [ImportedStep] {
    let result = bytes.withUnsafeBytes { raw -> Result<[ImportedStep], RhythmError> in
      var reader = TaskwarriorReader(raw.bindMemory(to: UInt8.self))
      var steps: [ImportedStep] = []
      var number = 0
      do throws(RhythmError) {
        while let task = try next(of: &reader, source: source) {
          number += 1
          do throws(RhythmError) {
            if let step = try step(
              task, number: number, handles: handles, defaultOwner: defaultOwner,
              defaultDue: defaultDue, timeZone: timeZone)
            {
              steps.append(step)
            }
          } catch {
            throw .invalidLine(path: source, line: task.line, reason: error.description)
          }
        }
      } catch {
        return .failure(error)
      }
      return .success(steps)
    }
    return try result.get()
  }

  /// The reader's next task, a syntax error named by file, line and column.
  private static func next(
    of reader: inout TaskwarriorReader, source: String
  ) throws(RhythmError) -> TaskwarriorReader.Task? {
    do {
      return try reader.next()
    } catch {
      let (line, column) = reader.position(of: error.offset)
      throw .invalidLine(
        path: source, line: line,
        reason: "column \(column): \(error.reason) (not the JSON `task export` prints)")
    }
  }

  /// The step a task becomes; `nil` for a recurring parent (its instances are tasks of their
  /// own). `number` counts the export's tasks from 1.
  private static func step(
    _ task: TaskwarriorReader.Task, number: Int, handles: Set<String>, defaultOwner: String?,
    defaultDue: Day?, timeZone: TimeZone
  ) throws(RhythmError) -> ImportedStep? {
    let origin = "task \(number)"
    guard task.isObject else {
      throw .invalidValue(field: origin, value: "not an object", expected: "a Taskwarrior task")
    }
    let status: Step.Status
    switch task.status ?? "pending" {
    case "pending", "waiting": status = .open
    case "completed": status = .done
    case "deleted": status = .dropped
    case "recurring": return nil
    case let other:
      throw .invalidValue(
        field: "\(origin) status", value: other,
        expected: "pending, waiting, completed, deleted or recurring")
    }
    guard let title = task.description.map({ EditRules.trimming($0, .whitespaces) }), !title.isEmpty
    else {
      throw .invalidValue(field: "\(origin) description", value: "", expected: "a description")
    }
    func instant(_ name: String, _ text: String?) throws(RhythmError) -> Date? {
      guard let text else { return nil }
      guard let date = date(text) else {
        throw .invalidValue(
          field: "\(origin) \(name)", value: text, expected: "a date such as 20261201T230000Z")
      }
      return date
    }
    guard
      let due = try instant("due", task.due).map({ Day(containing: $0, in: timeZone) })
        ?? defaultDue
    else {
      throw .invalidValue(
        field: "\(origin) (\(title)) due", value: "",
        expected: "a due date (or give a default with --due)")
    }
    var tags: [String] = []
    var owner: String?
    for tag in task.tags ?? [] {
      let lower = tag.lowercased()
      if owner == nil, handles.contains(lower) {
        owner = lower
      } else {
        tags.append(tag)
      }
    }
    if let project = task.project, !project.isEmpty {
      tags.append(dashed(project))
    }
    return ImportedStep(
      title: title, owner: owner ?? defaultOwner, due: due, success: task.success, tags: tags,
      status: status, createdAt: try instant("entry", task.entry),
      completedAt: status == .open ? nil : try instant("end", task.end),
      origin: "\(origin) (\(title))")
  }

  /// `project` with its spaces made dashes (a tag has none).
  private static func dashed(_ project: String) -> String {
    guard project.utf8.allSatisfy({ $0 < 0x80 }) else {
      return project.replacingOccurrences(of: " ", with: "-")
    }
    guard project.utf8.contains(0x20) else { return project }
    return String(decoding: project.utf8.map { $0 == 0x20 ? 0x2D : $0 }, as: UTF8.self)
  }

  /// Reads Taskwarrior's `20261201T230000Z` (and, to be lenient, ISO 8601 with an offset).
  static func date(_ text: String) -> Date? {
    var copy = text
    return copy.withUTF8 { bytes -> Date? in
      guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else {
        return ISOInstant.parse(utf8: bytes)
      }
      // 20261201T230000Z → 2026-12-01T23:00:00Z, in place (no array per date).
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { iso -> Date? in
        for (index, byte) in isoTemplate.enumerated() { iso[index] = byte }
        for (from, to) in isoPlaces { iso[to] = bytes[from] }
        return ISOInstant.parse(utf8: UnsafeBufferPointer(iso))
      }
    }
  }

  /// The ISO form a compact date is copied into, and where each compact digit goes.
  private static let isoTemplate = Array("0000-00-00T00:00:00Z".utf8)
  private static let isoPlaces = Array(
    zip(
      [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14],
      [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]))
}
