import Foundation

/// Comma-separated values as RFC 4180 has them: fields in double quotes may hold commas,
/// line breaks and doubled quotes (`""`); lines end with CRLF or LF.
///
/// Written fields are safe to open in a spreadsheet (OWASP's advice on CSV injection): a field
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet would
/// read as a formula, is written with a leading `'`, and reading removes that `'` again, so
/// text makes the round trip unchanged (see ``guarded(_:)``).
public enum CSV {
  /// The records of `text`, each a list of fields, with the `'` that ``guarded(_:)`` adds
  /// removed. A blank last line is not a record (see ``read(_:_:)``, which reads them).
  /// - Throws: `RhythmError.invalidValue` for a quote left open or text after a closing quote,
  ///   naming the line.
  public static func parse(_ text: String) throws(RhythmError) -> [[String]] {
    var records: [[String]] = []
    var copy = text
    let result = copy.withUTF8 { bytes -> Result<Void, RhythmError> in
      do throws(RhythmError) {
        try read(bytes) { (fields, _) throws(RhythmError) in records.append(fields) }
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
    return records
  }

  /// One record as a line (no line end): each field guarded, then quoted when it holds a
  /// comma, quote or line break, quotes doubled.
  public static func line(_ fields: [String]) -> String {
    fields.map { quote(guarded($0)) }.joined(separator: ",")
  }

  /// A field as CSV writes it.
  public static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: - Formula guard

  /// `field` with a leading `'` when a spreadsheet would read it as a formula: when it begins
  /// with `=`, `+`, `-`, `@`, a tab or a carriage return, or with `'` followed by a field that
  /// needs the guard (so that ``unguarded(_:)`` can tell an added `'` from one that was there
  /// and every text makes the round trip).
  public static func guarded(_ field: String) -> String {
    needsGuard(field.unicodeScalars[...]) ? "'" + field : field
  }

  /// `field` without the `'` that ``guarded(_:)`` added: a leading `'` is removed when the
  /// rest needs the guard (begins with `=`, `+`, `-`, `@`, a tab or a carriage return).
  public static func unguarded(_ field: String) -> String {
    let scalars = field.unicodeScalars
    guard scalars.first == "'", needsGuard(scalars.dropFirst()) else { return field }
    return String(scalars.dropFirst())
  }

  /// Whether a spreadsheet could read `scalars` as a formula, or they are `'` followed by such.
  private static func needsGuard(_ scalars: Substring.UnicodeScalarView) -> Bool {
    var rest = scalars
    while let first = rest.first {
      switch first {
      case "=", "+", "-", "@", "\t", "\r": return true
      case "'": rest = rest.dropFirst()
      default: return false
      }
    }
    return false
  }
}
