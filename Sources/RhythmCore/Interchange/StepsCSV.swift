import Foundation

/// Steps as CSV: what `rhythm export csv` writes and `rhythm import csv` reads.
public enum StepsCSV {
  /// The columns `export` writes, in order.
  public static let exportColumns = [
    "id", "title", "owner", "due", "status", "success", "tags", "created", "completed", "review",
  ]

  /// The steps as CSV with a header line, CRLF line ends (RFC 4180), sorted by due day then id.
  /// Tags are separated by spaces; instants are ISO 8601 UTC.
  public static func export(_ steps: [Step]) -> String {
    var text = CSV.line(exportColumns) + "\r\n"
    for step in steps.sorted(by: { ($0.due, $0.id) < ($1.due, $1.id) }) {
      let fields = [
        step.id, step.title, step.owner, step.due.description, step.status.rawValue,
        step.success ?? "", step.tags.joined(separator: " "), ISOInstant.format(step.createdAt),
        step.completedAt.map { ISOInstant.format($0) } ?? "", step.review ?? "",
      ]
      text += CSV.line(fields) + "\r\n"
    }
    return text
  }

  /// Steps from CSV with a header line naming the columns (any order, any case): `title`
  /// (required), `owner`, `due`, `success`, `tags` (separated by spaces, commas or `;`, a
  /// leading `#` dropped) and optionally `status` (open, done, dropped). Other columns are
  /// ignored. Rows are numbered from 1 after the header.
  /// - Parameters:
  ///   - defaultDue: the due day of rows with none; `nil` makes such a row an error.
  ///   - day: reads a due date (ISO or a shorthand); the caller decides relative to which day.
  /// - Throws: `RhythmError.invalidValue` naming the row and column of the first bad value.
  public static func parse(
    _ text: String, defaultDue: Day?, day: (String) throws(RhythmError) -> Day
  ) throws(RhythmError) -> [ImportedStep] {
    var records = try CSV.parse(text)
    guard !records.isEmpty else { return [] }
    let header = records.removeFirst().map {
      EditRules.trimming($0, .whitespaces).lowercased()
    }
    guard let titleColumn = header.firstIndex(of: "title") else {
      throw .invalidValue(
        field: "CSV header", value: header.joined(separator: ","),
        expected: "a title column (title,owner,due,success,tags)")
    }
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    let owner = column("owner")
    let due = column("due")
    let success = column("success")
    let tags = column("tags")
    let status = column("status")
    var steps: [ImportedStep] = []
    for (offset, record) in records.enumerated() {
      let row = offset + 1
      if record.allSatisfy({ EditRules.trimming($0, .whitespaces).isEmpty }) { continue }
      func value(_ index: Int?) -> String? {
        guard let index, index < record.count else { return nil }
        let text = EditRules.trimming(record[index], .whitespaces)
        return text.isEmpty ? nil : text
      }
      guard let title = value(titleColumn) else {
        throw .invalidValue(field: "CSV row \(row) title", value: "", expected: "a title")
      }
      let dueDay: Day
      if let text = value(due) {
        do {
          dueDay = try day(text)
        } catch {
          throw .invalidValue(
            field: "CSV row \(row) due", value: text, expected: "a date such as 2026-12-01 or fri")
        }
      } else if let defaultDue {
        dueDay = defaultDue
      } else {
        throw .invalidValue(
          field: "CSV row \(row) due", value: "", expected: "a due date (or a default with --due)")
      }
      var stepStatus = Step.Status.open
      if let text = value(status) {
        guard let parsed = Step.Status(rawValue: text.lowercased()) else {
          throw .invalidValue(
            field: "CSV row \(row) status", value: text, expected: "open, done or dropped")
        }
        stepStatus = parsed
      }
      let tagList = (value(tags) ?? "")
        .split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
        .map { EditRules.tag(String($0)) }
        .filter { !$0.isEmpty }
      let handle = value(owner).map(EditRules.handle)
      steps.append(
        ImportedStep(
          title: title, owner: handle, due: dueDay, success: value(success), tags: tagList,
          status: stepStatus, origin: "row \(row)"))
    }
    return steps
  }
}
