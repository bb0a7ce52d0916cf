/// One key press: a key and its modifiers, with a canonical string form.
///
/// Canonical strings follow bubbletea's fixed modifier order: `ctrl+alt+x`, `alt+<enter>`,
/// plain characters as themselves (`j`, `G`, `?`), named keys in angle brackets (`<esc>`,
/// `<enter>`, `<up>`, `<pgdn>`, `<f5>`), and the space bar as `<space>`.
public struct KeyEvent: Hashable, Sendable, CustomStringConvertible {
  /// The key itself, without modifiers.
  public enum Key: Hashable, Sendable {
    /// A printable character (for ctrl combinations, the lower-case letter).
    case character(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Enter or Return.
    case enter
    /// Tab.
    case tab
    /// Shift+Tab.
    case backTab
    /// Backspace (^? or ^H).
    case backspace
    /// Delete (forward).
    case delete
    /// Escape.
    case escape
    /// Function key F1, F2, …
    case function(Int)
  }

  /// Modifier keys held with the key.
  public struct Modifiers: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: UInt8

    /// Creates modifiers from raw bits.
    public init(rawValue: UInt8) {
      self.rawValue = rawValue
    }

    /// Control.
    public static let ctrl = Modifiers(rawValue: 1 << 0)
    /// Alt (Meta; arrives as Esc then the key).
    public static let alt = Modifiers(rawValue: 1 << 1)
  }

  /// The key.
  public var key: Key
  /// The modifiers.
  public var modifiers: Modifiers

  /// Creates a key event.
  public init(_ key: Key, modifiers: Modifiers = []) {
    self.key = key
    self.modifiers = modifiers
  }

  /// A plain character key.
  public static func character(_ character: Character) -> KeyEvent {
    KeyEvent(.character(character))
  }

  /// Ctrl plus a character (`ctrl+a`).
  public static func ctrl(_ character: Character) -> KeyEvent {
    KeyEvent(.character(character), modifiers: .ctrl)
  }

  // MARK: - Canonical strings

  private static let names: [(Key, String)] = [
    (.up, "up"), (.down, "down"), (.left, "left"), (.right, "right"), (.home, "home"),
    (.end, "end"), (.pageUp, "pgup"), (.pageDown, "pgdn"), (.enter, "enter"), (.tab, "tab"),
    (.backTab, "backtab"), (.backspace, "backspace"), (.delete, "delete"), (.escape, "esc"),
    (.character(" "), "space"),
  ]

  /// The canonical string: `ctrl+alt+x`, `<esc>`, `<f5>`, `j`, `<space>`.
  public var canonical: String {
    var text = ""
    if modifiers.contains(.ctrl) { text += "ctrl+" }
    if modifiers.contains(.alt) { text += "alt+" }
    if let name = KeyEvent.names.first(where: { $0.0 == key })?.1 {
      return text + "<\(name)>"
    }
    switch key {
    case .character(let character): return text + String(character)
    case .function(let number): return text + "<f\(number)>"
    default: return text
    }
  }

  /// Same as ``canonical``.
  public var description: String { canonical }

  /// Parses a canonical string (also accepting `esc`-style names without brackets for named
  /// keys, `shift+<tab>` for back-tab, and a literal space).
  /// - Returns: nil for text that names no key.
  public init?(canonical text: String) {
    var rest = Substring(text)
    var modifiers: Modifiers = []
    var isShifted = false
    // Prefixes are matched as bytes: a combining mark after `+` joins it into one character.
    while true {
      if rest.utf8.count > 5, rest.utf8.starts(with: "ctrl+".utf8) {
        modifiers.insert(.ctrl)
        rest = Substring(rest.utf8.dropFirst(5))
      } else if rest.utf8.count > 4, rest.utf8.starts(with: "alt+".utf8) {
        modifiers.insert(.alt)
        rest = Substring(rest.utf8.dropFirst(4))
      } else if rest.utf8.count > 6, rest.utf8.starts(with: "shift+".utf8) {
        isShifted = true
        rest = Substring(rest.utf8.dropFirst(6))
      } else {
        break
      }
    }
    let key: Key
    if rest.count == 1, let character = rest.first {
      key = .character(modifiers.contains(.ctrl) ? Character(character.lowercased()) : character)
    } else {
      var name = rest.lowercased()
      if name.hasPrefix("<") && name.hasSuffix(">") && name.count > 2 {
        name = String(name.dropFirst().dropLast())
      }
      if let named = KeyEvent.names.first(where: { $0.1 == name })?.0 {
        key = named
      } else if name == "escape" {
        key = .escape
      } else if name == "pgdown" {
        key = .pageDown
      } else if name.hasPrefix("f"), let number = Int(name.dropFirst()), number > 0, number < 64 {
        key = .function(number)
      } else {
        return nil
      }
    }
    if isShifted {
      guard key == .tab else { return nil }
      self.init(.backTab, modifiers: modifiers)
    } else {
      self.init(key, modifiers: modifiers)
    }
  }
}
