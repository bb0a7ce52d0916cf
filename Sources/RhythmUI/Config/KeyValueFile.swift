import Foundation
import RhythmCore

/// A settings file of `key = value` lines, the form of the cockpit's config, keys and theme
/// files: `#` starts a comment, blank lines are skipped, and a problem names the file and the
/// line (`~/.config/rhythm/keys:3: no binding 'steps.dne'`).
///
/// The file splits lines; what a key or value means is up to its reader (``CockpitConfig``,
/// ``KeyMap/overridden(by:)``, ``Theme/parse(_:name:path:)``), which goes through the entries
/// with ``readEntries(_:)``.
public struct KeyValueFile: Equatable, Sendable {
  /// One `key = value` line.
  public struct Entry: Hashable, Sendable {
    /// The text before the first `=`, trimmed.
    public var key: String
    /// The text after the first `=`, trimmed (may be empty).
    public var value: String
    /// The line number, from 1.
    public var line: Int
  }

  /// The file's path as problems show it.
  public let path: String
  /// The `key = value` lines, in file order.
  public private(set) var entries: [Entry] = []
  /// The numbers of the lines that are not `key = value`.
  private var malformedLines: [Int] = []
  /// What such a line should look like.
  private let form: String

  /// Reads `text`.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - path: how problems name the file.
  ///   - form: what a line should look like, for the problem a line without `=` gets
  ///     (`binding.id = key, key`).
  public init(text: String, path: String, form: String = "key = value") {
    self.path = path
    self.form = form
    // `\r\n` is one Character in Swift: splitting on newline characters reads CRLF files too.
    for (index, rawLine) in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline
    )
    .enumerated() {
      let content = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !content.isEmpty else { continue }
      let key = content.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
      guard content.contains("="), !key.isEmpty else {
        malformedLines.append(index + 1)
        continue
      }
      let value = content.drop { $0 != "=" }.dropFirst().trimmingCharacters(in: .whitespaces)
      entries.append(Entry(key: key, value: value, line: index + 1))
    }
  }

  /// The file at `url`, or nil when there is none.
  /// - Throws: `RhythmError.io` when the file exists but cannot be read as UTF-8 text.
  public static func load(_ url: URL, form: String = "key = value") throws(RhythmError)
    -> KeyValueFile?
  {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return KeyValueFile(
        text: try String(contentsOf: url, encoding: .utf8), path: url.path, form: form)
    } catch {
      throw .io(path: url.path, reason: "cannot read the file")
    }
  }

  /// Hands each entry to `read`, in file order.
  /// - Parameter read: takes in an entry, or says why it cannot (the entry is then skipped).
  /// - Returns: the file's problems in line order (`path:line: reason`): the lines that are
  ///   not `key = value`, and the entries `read` gave a reason for.
  public func readEntries(_ read: (Entry) -> String?) -> [RhythmError] {
    var problems = malformedLines.map { (line: $0, reason: "expected `\(form)`") }
    for entry in entries {
      if let reason = read(entry) { problems.append((entry.line, reason)) }
    }
    return problems.sorted { $0.line < $1.line }.map {
      .invalidLine(path: path, line: $0.line, reason: $0.reason)
    }
  }
}
