import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Themes and the config file")
struct ThemeTests {
  /// The repository's `themes/` folder.
  private static let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("themes")

  @Test(
    "the built-in themes are the files in themes/, and every role is set",
    arguments: [
      "dark", "light", "high-contrast", "monochrome",
    ])
  func builtinMatchesFile(_ name: String) throws {
    let file = Self.themesFolder.appendingPathComponent(name + ".theme")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(try Theme.parse(text, name: name) == Theme.builtin(name))
    let theme = try #require(Theme.builtin(name))
    #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
  }

  @Test("monochrome uses no colour at all")
  func monochromeHasNoColour() {
    for role in ThemeRole.allCases {
      #expect(Theme.monochrome[role].foreground == .default)
      #expect(Theme.monochrome[role].background == .default)
    }
  }

  @Test("a theme file reads colours by name and number, and attributes; text round-trips")
  func parse() throws {
    let theme = try Theme.parse(
      "# comment\ntitle = bright-white 236 bold underline\nok = green default\n", name: "mine")
    #expect(
      theme[.title]
        == Style(
          foreground: .brightWhite, background: .indexed(236), attributes: [.bold, .underline]))
    #expect(theme[.ok] == Style(foreground: .green))
    #expect(theme[.danger] == .plain)
    #expect(try Theme.parse(Theme.dark.fileText, name: "dark") == Theme.dark)
  }

  @Test("a bad line names the line and what is expected")
  func parseError() {
    #expect(throws: RhythmError.self) { try Theme.parse("title = mauve", name: "x") }
    #expect(
      throws: RhythmError.invalidLine(
        path: "/t/x.theme", line: 2,
        reason: "no role 'bogus': expected one of "
          + ThemeRole.allCases.map(\.rawValue).joined(separator: ", "))
    ) { try Theme.parse("text = default\nbogus = red", name: "x", path: "/t/x.theme") }
    #expect {
      try Theme.parse("# mine\n\ntitle = red mauve bold", name: "x")
    } throws: { error in
      (error as? RhythmError)?.description.hasPrefix("theme x:3: cannot read 'mauve'") == true
    }
  }

  @Test("NO_COLOR wins; otherwise names, user theme files and paths load")
  func loader() throws {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("rhythm-theme-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let themes = home.appendingPathComponent("rhythm/themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    try "title = red default\n".write(
      to: themes.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
    let environment = ["XDG_CONFIG_HOME": home.path]
    #expect(try ThemeLoader.load("light", environment: ["NO_COLOR": "1"]) == .monochrome)
    #expect(try ThemeLoader.load(nil, environment: environment) == .dark)
    #expect(try ThemeLoader.load("light", environment: environment) == Theme.builtin("light"))
    #expect(try ThemeLoader.load("mine", environment: environment)[.title].foreground == .red)
    let path = themes.appendingPathComponent("mine.theme").path
    #expect(try ThemeLoader.load(path, environment: environment)[.title].foreground == .red)
    #expect(throws: RhythmError.self) { try ThemeLoader.load("nope", environment: environment) }
  }

  @Test("the config file sets the theme; unknown keys and comments are ignored")
  func config() {
    let text = "# mine\ncolour = loud\ntheme = light  # easier on paper\n"
    #expect(CockpitConfig.read(KeyValueFile(text: text, path: "config")).config.theme == "light")
    #expect(CockpitConfig.read(KeyValueFile(text: "", path: "config")) == (CockpitConfig(), []))
  }

  @Test("the config, keys and theme files are found in the config folder; problems name file:line")
  func userFiles() throws {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("rhythm-config-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent("rhythm")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let environment = ["XDG_CONFIG_HOME": home.path]
    #expect(CockpitConfig.load(environment: environment).config.theme == nil)
    #expect(KeyMap.user(environment: environment).problems.isEmpty)
    try "theme = light\nloud\n".write(
      to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    try "steps.done = D\nsteps.dne = z\n".write(
      to: folder.appendingPathComponent("keys"), atomically: true, encoding: .utf8)
    let (config, configProblems) = CockpitConfig.load(environment: environment)
    #expect(config.theme == "light")
    #expect(
      configProblems.map(\.description) == ["\(folder.path)/config:2: expected `key = value`"])
    let (keyMap, keyProblems) = KeyMap.user(environment: environment)
    #expect(keyMap.binding(for: "D", in: .steps)?.id == "steps.done")
    #expect(
      keyProblems.map(\.description) == [
        "\(folder.path)/keys:2: no binding 'steps.dne' (`rhythm keys` lists the ids)"
      ])
  }
}
