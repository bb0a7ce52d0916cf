import CNCurses
import RhythmUI

/// Turns what `wget_wch` returns into key events, in one table; the UI never sees ncurses
/// numbers.
///
/// Pure: the caller passes what was read, and a function that reads once more without
/// waiting (to fold Esc + key into `alt+key`).
public struct CursesKeyDecoder: Sendable {
  /// One `wget_wch` result.
  public enum RawInput: Hashable, Sendable {
    /// `OK`: a Unicode scalar value (or a control character).
    case character(UInt32)
    /// `KEY_CODE_YES`: an ncurses `KEY_*` code.
    case keyCode(Int32)
    /// `ERR`: nothing arrived in time.
    case timeout
  }

  /// What a read means.
  public enum Decoded: Hashable, Sendable {
    /// A key press.
    case key(KeyEvent)
    /// `KEY_RESIZE`: the size changed (ncurses already updated LINES and COLS).
    case resize
    /// Nothing arrived in time.
    case timeout
    /// A code with no meaning here (ignored).
    case unknown
  }

  /// ncurses `KEY_*` codes and the keys they mean.
  ///
  /// Keypad corners and FIND/SELECT are how some screen and rxvt entries report Home, End and
  /// the page keys.
  public static let keyCodes: [Int32: KeyEvent.Key] = [
    KEY_DOWN: .down, KEY_UP: .up, KEY_LEFT: .left, KEY_RIGHT: .right, KEY_HOME: .home,
    KEY_END: .end, KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_NPAGE: .pageDown,
    KEY_PPAGE: .pageUp, KEY_ENTER: .enter, KEY_BTAB: .backTab, KEY_A1: .home, KEY_C1: .end,
    KEY_A3: .pageUp, KEY_C3: .pageDown, KEY_FIND: .home, KEY_SELECT: .end,
  ]

  /// `KEY_F0`; `KEY_F(n)` is `KEY_F0 + n`.
  public static let functionKeyBase = Int32(KEY_F0)
  /// `KEY_RESIZE`.
  public static let resizeCode = Int32(KEY_RESIZE)

  /// Creates a decoder.
  public init() {}

  /// Decodes `input`; after an Esc, calls `readWithoutWaiting` once to look for a key that
  /// makes it `alt+key`.
  public func decode(_ input: RawInput, readWithoutWaiting: () -> RawInput) -> Decoded {
    switch input {
    case .timeout:
      return .timeout
    case .keyCode(let code):
      return decode(keyCode: code)
    case .character(0x1B):
      switch readWithoutWaiting() {
      case .timeout:
        return .key(KeyEvent(.escape))
      case .character(let value):
        guard let key = CursesKeyDecoder.key(forCharacter: value) else { return .unknown }
        return .key(KeyEvent(key.key, modifiers: key.modifiers.union(.alt)))
      case .keyCode(let code):
        guard case .key(let key) = decode(keyCode: code) else { return decode(keyCode: code) }
        return .key(KeyEvent(key.key, modifiers: key.modifiers.union(.alt)))
      }
    case .character(let value):
      return CursesKeyDecoder.key(forCharacter: value).map { .key($0) } ?? .unknown
    }
  }

  private func decode(keyCode code: Int32) -> Decoded {
    if code == CursesKeyDecoder.resizeCode { return .resize }
    if let key = CursesKeyDecoder.keyCodes[code] { return .key(KeyEvent(key)) }
    let function = Int(code) - Int(CursesKeyDecoder.functionKeyBase)
    if function >= 1 && function <= 63 { return .key(KeyEvent(.function(function))) }
    return .unknown
  }

  /// The key for a character value: control characters become named keys or `ctrl+letter`.
  public static func key(forCharacter value: UInt32) -> KeyEvent? {
    switch value {
    case 0x7F, 0x08: return KeyEvent(.backspace)
    case 0x0D, 0x0A: return KeyEvent(.enter)
    case 0x09: return KeyEvent(.tab)
    case 0x1B: return KeyEvent(.escape)
    case 0x00: return KeyEvent(.character(" "), modifiers: .ctrl)
    case 0x01...0x1A:
      guard let letter = Unicode.Scalar(0x60 + value) else { return nil }
      return KeyEvent(.character(Character(letter)), modifiers: .ctrl)
    case 0x1C...0x1F:
      guard let symbol = Unicode.Scalar(0x40 + value) else { return nil }
      return KeyEvent(.character(Character(symbol)), modifiers: .ctrl)
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return KeyEvent(.character(Character(scalar)))
    }
  }
}
