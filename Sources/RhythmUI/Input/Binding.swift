/// One row of the keymap: which keys do what, where, and how it is described.
public struct Binding: Sendable {
  /// A stable name for the binding (`steps.done`), used by user overrides.
  public var id: String
  /// Canonical key strings (`x`, `<space>`, `ctrl+r`); the first is the one shown.
  public var keys: [String]
  /// What the keys do.
  public var action: Action
  /// A few words for the help overlay.
  public var description: String
  /// Where the binding applies.
  public var contexts: Set<KeyContext>
  /// A shorter label for the status bar, or nil to leave the binding out of it.
  public var hint: String?

  /// A binding.
  public init(
    id: String, keys: [String], action: Action, description: String,
    contexts: Set<KeyContext>, hint: String? = nil
  ) {
    self.id = id
    self.keys = keys
    self.action = action
    self.description = description
    self.contexts = contexts
    self.hint = hint
  }

  /// The keys as people read them: `j/<down>` becomes `j/↓`.
  public var keyLabel: String {
    keys.map(Binding.label(for:)).joined(separator: "/")
  }

  /// A readable form of one canonical key.
  public static func label(for key: String) -> String {
    switch key {
    case "<up>": return "↑"
    case "<down>": return "↓"
    case "<left>": return "←"
    case "<right>": return "→"
    case "<enter>": return "enter"
    case "<esc>": return "esc"
    case "<space>": return "space"
    case "<tab>": return "tab"
    case "<pgup>": return "pgup"
    case "<pgdn>": return "pgdn"
    case "<home>": return "home"
    case "<end>": return "end"
    case "<backspace>": return "backspace"
    default: return key
    }
  }
}
