import Foundation

/// Names as people type them on the command line: `@maria` or `Maria` for a handle, `#launch`
/// or `launch` for a tag.
enum TypedName {
  /// The handle in `text`: without a leading `@`, lower-cased.
  static func handle(_ text: String) -> String {
    (text.hasPrefix("@") ? String(text.dropFirst()) : text).lowercased()
  }

  /// The tag in `text`, without a leading `#`.
  static func tag(_ text: String) -> String {
    text.hasPrefix("#") ? String(text.dropFirst()) : text
  }
}
