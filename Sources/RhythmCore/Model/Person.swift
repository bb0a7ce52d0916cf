import Foundation

/// Someone who owns steps. The handle (`maria`) is the id.
public struct Person: Record, Hashable {
  public static let kind = RecordKind.person
  public var id: String
  public var name: String
  public var teams: [String]
  public var email: String?
  public var deleted: Bool?

  /// The handle people type after `@`.
  public var handle: String { id }

  /// A person with a handle, a display name, teams and an optional email.
  public init(handle: String, name: String, teams: [String] = [], email: String? = nil) {
    id = handle
    self.name = name
    self.teams = teams
    self.email = email
  }

  /// Whether `text` is a valid handle: lower-case letters, digits, `-`, `_` or `.`, starting
  /// with a letter or digit.
  public static func isValidHandle(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, !text.isEmpty, text.count <= 32,
      first.properties.isLowercase || ("0"..."9").contains(first)
    else { return false }
    return text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
    }
  }
}

/// A named group of people (`marketing`, `sales`). The name is the id.
public struct Team: Record, Hashable {
  public static let kind = RecordKind.team
  public var id: String
  public var deleted: Bool?

  /// The team's name.
  public var name: String { id }

  /// A team called `name`.
  public init(name: String) {
    id = name
  }
}
