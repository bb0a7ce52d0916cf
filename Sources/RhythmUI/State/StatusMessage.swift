import Foundation

/// A short message in the status bar, such as "3 steps done" or an error.
public struct StatusMessage: Hashable, Sendable {
  /// The text.
  public var text: String
  /// Whether it reports a failure (shown in the danger style).
  public var isError: Bool
  /// When it stops being shown.
  public var expires: Date

  /// A message shown until `expires`.
  public init(_ text: String, isError: Bool = false, expires: Date) {
    self.text = text
    self.isError = isError
    self.expires = expires
  }
}
