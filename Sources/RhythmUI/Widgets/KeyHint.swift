/// A key and what it does, as shown in a status bar or the help overlay (`j/<down> Next`).
public struct KeyHint: Hashable, Sendable {
  /// The key or keys, as text (`j`, `<enter>`, `j/k`).
  public var keys: String
  /// What the key does.
  public var description: String

  /// Creates a hint.
  public init(keys: String, description: String) {
    self.keys = keys
    self.description = description
  }
}
