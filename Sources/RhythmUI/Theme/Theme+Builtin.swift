/// The themes that ship with Rhythm, the same text as the files in `themes/` (a test keeps
/// them equal), so the binary needs no resource files.
extension Theme {
  /// Built-in theme files by name.
  public static let builtinFiles: [String: String] = [
    "dark": """
    # Rhythm dark theme (the default): role = foreground background attributes
    # Colours: default, black…white, bright-black…bright-white, or 0…255 (xterm palette).
    text = default default
    title = bright-white default bold
    muted = 245 default
    accent = 75 default
    selection = bright-white 238 bold
    marked = 220 default bold
    ok = 78 default
    warn = 214 default bold
    danger = 203 default bold
    border = 240 default
    header = 250 default underline
    status = 250 236
    key = 75 236 bold
    input = bright-white 235
    """,
    "light": """
    # Rhythm light theme, for light terminal backgrounds: role = foreground background attributes
    text = default default
    title = black default bold
    muted = 244 default
    accent = 25 default
    selection = black 253 bold
    marked = 130 default bold
    ok = 28 default
    warn = 130 default bold
    danger = 160 default bold
    border = 248 default
    header = 238 default underline
    status = 238 254
    key = 25 254 bold
    input = black 254
    """,
    "high-contrast": """
    # Rhythm high-contrast theme: pure colours and strong attributes
    text = bright-white default
    title = bright-white default bold underline
    muted = white default
    accent = bright-cyan default bold
    selection = black bright-white bold
    marked = bright-yellow default bold reverse
    ok = bright-green default bold
    warn = bright-yellow default bold
    danger = bright-red default bold reverse
    border = bright-white default
    header = bright-white default bold underline
    status = black white
    key = black bright-cyan bold
    input = black bright-white
    """,
    "monochrome": """
    # Rhythm monochrome theme: attributes only, no colour (used under NO_COLOR)
    text = default default
    title = default default bold
    muted = default default dim
    accent = default default bold
    selection = default default reverse
    marked = default default bold underline
    ok = default default
    warn = default default bold
    danger = default default bold underline
    border = default default dim
    header = default default underline
    status = default default reverse
    key = default default reverse bold
    input = default default underline
    """,
  ]

  /// The built-in theme called `name`, when there is one.
  public static func builtin(_ name: String) -> Theme? {
    guard let text = builtinFiles[name] else { return nil }
    return try? Theme.parse(text, name: name)
  }

  /// The default dark theme.
  public static let dark = builtin("dark") ?? Theme(name: "dark", styles: [:])

  /// Attributes only, no colour: what `NO_COLOR` asks for.
  public static let monochrome =
    builtin("monochrome") ?? Theme(name: "monochrome", styles: [:])
}
