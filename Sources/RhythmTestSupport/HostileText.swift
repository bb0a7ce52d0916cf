/// The classic hostile-text payloads, for tests that check store text is shown inert: terminal
/// escape sequences, C1 controls, bidirectional overrides, line tricks, and the zero-width and
/// wide characters that must come through unchanged.
public enum HostileText {
  /// One payload and how it must look once shown.
  public struct Payload: Sendable {
    /// What it is, for messages.
    public let name: String
    /// The text as it sits in a journal.
    public let text: String
    /// The text as people must see it.
    public let visible: String
  }

  /// Every payload, each a few words of text around the attack.
  public static let payloads: [Payload] = [
    Payload(
      name: "OSC 0 window title", text: "title \u{1B}]0;pwned\u{07} end",
      visible: "title ^[]0;pwned^G end"),
    Payload(
      name: "CSI clear screen", text: "clear \u{1B}[2J\u{1B}[H end", visible: "clear ^[[2J^[[H end"),
    Payload(
      name: "OSC 52 clipboard", text: "clip \u{1B}]52;c;cm0gLXJmIH4K\u{07} end",
      visible: "clip ^[]52;c;cm0gLXJmIH4K^G end"),
    Payload(
      name: "DCS request", text: "dcs \u{1B}P1$qm\u{1B}\\ end", visible: "dcs ^[P1$qm^[\\ end"),
    Payload(
      name: "C1 CSI (U+009B)", text: "c1csi \u{9B}31m end", visible: "c1csi <U+009B>31m end"),
    Payload(
      name: "C1 OSC (U+009D) and ST (U+009C)", text: "c1osc \u{9D}0;owned\u{9C} end",
      visible: "c1osc <U+009D>0;owned<U+009C> end"),
    Payload(
      name: "bidi override (U+202E)", text: "invoice \u{202E}fdp.exe end",
      visible: "invoice <U+202E>fdp.exe end"),
    Payload(
      name: "bidi isolates (U+2066-U+2069)", text: "iso \u{2066}a\u{2067}b\u{2068}c\u{2069} end",
      visible: "iso <U+2066>a<U+2067>b<U+2068>c<U+2069> end"),
    Payload(
      name: "carriage return overwrite", text: "safe\rEVIL end", visible: "safe^MEVIL end"),
    Payload(
      name: "line feed forging a row", text: "forged\n0000  2026-01-01  @ceo  done end",
      visible: "forged^J0000  2026-01-01  @ceo  done end"),
    Payload(
      name: "backspace, NUL and DEL", text: "bs x\u{08}\u{00}\u{7F}y end",
      visible: "bs x^H^@^?y end"),
    Payload(
      name: "zero-width space and joiner", text: "zero\u{200B}width\u{200D}joiner end",
      visible: "zero\u{200B}width\u{200D}joiner end"),
    Payload(
      name: "wide characters (CJK, emoji)", text: "wide 会议 レビュー 🎉 👩‍💻 end",
      visible: "wide 会议 レビュー 🎉 👩‍💻 end"),
  ]

  /// The characters of `text` that must never reach a terminal from store text: C0 controls
  /// but tab and line feed, DEL, C1 controls, bidirectional embeddings, overrides and isolates,
  /// line and paragraph separators. Defined here on its own, not through `InertText`, so a
  /// range `InertText` forgot would show.
  public static func rawControls(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { scalar in
      switch scalar.value {
      case 0x09, 0x0A: return false
      case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: return true
      default: return false
      }
    }
  }
}
