import Foundation
import RhythmCore
import RhythmDemo

@testable import RhythmUI

/// Shared test data: the demo organisation at a fixed instant, in UTC.
enum Fixtures {
  /// Wednesday 2026-11-25 09:00 UTC.
  static let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date(timeIntervalSince1970: 0)
  static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

  /// The demo organisation's changes replayed into a state.
  static let demoData: StoreState = {
    var data = StoreState()
    for change in DemoOrganisation.build(now: now, timeZone: utc) { data.apply(change) }
    return data
  }()

  /// An app state over the demo organisation.
  static func demoState(width: Int = 120, height: Int = 40) -> AppState {
    AppState(
      data: demoData, now: now, timeZone: utc, size: Size(width: width, height: height),
      person: "maria", ids: RecordIDGenerator(seed: 42))
  }

  /// Feeds key presses (canonical strings) through the reducer, collecting the effects.
  @discardableResult
  static func press(_ keys: [String], _ state: inout AppState) -> [Effect] {
    keys.flatMap { key -> [Effect] in
      guard let event = KeyEvent(canonical: key) else { return [] }
      return AppReducer.update(&state, .key(event))
    }
  }

  /// Types `text` character by character.
  @discardableResult
  static func type(_ text: String, _ state: inout AppState) -> [Effect] {
    text.flatMap { character -> [Effect] in
      AppReducer.update(&state, .key(.character(character)))
    }
  }
}
