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
    try parse(Array(text.utf8), defaultDue: defaultDue, day: day)
  }

  /// The steps of CSV `bytes` (UTF-8; a byte order mark is skipped), read record by record
  /// as they stream by (see `parse(_:defaultDue:day:)`).
  public static func parse(
    _ bytes: some ContiguousBytes, defaultDue: Day?, day: (String) throws(RhythmError) -> Day
  ) throws(RhythmError) -> [ImportedStep] {
    var reader: Rows?
    var steps: [ImportedStep] = []
    let result = bytes.withUnsafeBytes { raw -> Result<Void, RhythmError> in
      do throws(RhythmError) {
        try CSV.read(raw.bindMemory(to: UInt8.self)) { (record, row) throws(RhythmError) in
          guard let rows = reader else {
            reader = try Rows(header: record)
            return
          }
          if let step = try rows.step(record, row: row, defaultDue: defaultDue, day: day) {
            steps.append(step)
          }
        }
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
    return steps
  }

  /// The columns a header names, and the rows under it read as steps.
  private struct Rows {
    let title: Int
    let owner: Int?
    let due: Int?
    let success: Int?
    let tags: Int?
    let status: Int?

    init(header record: [String]) throws(RhythmError) {
      let header = record.map { EditRules.trimming($0, .whitespaces).lowercased() }
      guard let title = header.firstIndex(of: "title") else {
        throw .invalidValue(
          field: "CSV header", value: header.joined(separator: ","),
          expected: "a title column (title,owner,due,success,tags)")
      }
      self.title = title
      owner = header.firstIndex(of: "owner")
      due = header.firstIndex(of: "due")
      success = header.firstIndex(of: "success")
      tags = header.firstIndex(of: "tags")
      status = header.firstIndex(of: "status")
    }

    /// The step of one record, `row` counting from 1 under the header; `nil` for a blank row.
    func step(
      _ record: [String], row: Int, defaultDue: Day?, day: (String) throws(RhythmError) -> Day
    ) throws(RhythmError) -> ImportedStep? {
      if record.allSatisfy({ EditRules.trimming($0, .whitespaces).isEmpty }) { return nil }
      func value(_ index: Int?) -> String? {
        guard let index, index < record.count else { return nil }
        let text = EditRules.trimming(record[index], .whitespaces)
        return text.isEmpty ? nil : text
      }
      guard let title = value(title) else {
        throw .invalidValue(field: "CSV row \(row) title", value: "", expected: "a title")
      }
      let dueDay: Day
      if let text = value(due) {
        do {
          dueDay = try Day.parse(text) ?? day(text)  // an ISO day needs no shorthand reading
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
        guard let parsed = Step.Status(rawValue: text) ?? Step.Status(rawValue: text.lowercased())
        else {
          throw .invalidValue(
            field: "CSV row \(row) status", value: text, expected: "open, done or dropped")
        }
        stepStatus = parsed
      }
      let tagList = (value(tags) ?? "")
        .split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
        .map { EditRules.tag(String($0)) }
        .filter { !$0.isEmpty }
      return ImportedStep(
        title: title, owner: value(owner).map(EditRules.handle), due: dueDay,
        success: value(success), tags: tagList, status: stepStatus, origin: "row \(row)")
    }
  }
}
