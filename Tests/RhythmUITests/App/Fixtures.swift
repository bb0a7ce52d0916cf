import Foundation
import RhythmCore
import RhythmDemo
import Testing

@testable import RhythmUI

/// Shared test data: the demo organisation at a fixed instant, in UTC.
enum Fixtures {
  /// Wednesday 2026-11-25 09:00 UTC.
  static let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date(timeIntervalSince1970: 0)
  static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

  /// The demo organisation's changes replayed into a state.
  static let demoData: StoreState = {
    var stamper = MemoryStamper()
    return StoreState.replaying(
      stamper.operations(
        for: DemoOrganisation.build(now: now, timeZone: utc), now: now, person: "demo"))
  }()

  /// An app state over the demo organisation.
  static func demoState(width: Int = 120, height: Int = 40) -> AppState {
    AppState(
      data: demoData, now: now, timeZone: utc, size: Size(width: width, height: height),
      person: "maria", ids: RecordIDGenerator(seed: 42))
  }

  /// The first upcoming review (Weekly content review) started, on its Topics section.
  static func onTopics() throws -> AppState {
    var state = demoState()
    press(["r", "n", "n", "n"], &state)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .topics)
    return state
  }

  /// The Weekly marketing leadership review started, on its Priorities section.
  static func onPriorities() throws -> AppState {
    var state = demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Weekly marketing leadership review" })
    send(.openReview(cadenceID: cadence.id, start: true), &state)
    press(["n", "n"], &state)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .priorities)
    return state
  }

  /// Feeds key presses (canonical strings) through the reducer, collecting the effects.
  @discardableResult
  static func press(_ keys: [String], _ state: inout AppState) -> [Effect] {
    keys.flatMap { key -> [Effect] in
      guard let event = KeyEvent(canonical: key) else { return [] }
      return send(.key(event), &state)
    }
  }

  /// Runs an action through the reducer and, as the program does, takes what it commits back
  /// in as stamped operations. Returns the reducer's effects.
  @discardableResult
  static func send(_ action: Action, _ state: inout AppState) -> [Effect] {
    let effects = AppReducer.update(&state, action)
    var stamper = MemoryStamper()
    for case .commit(let changes) in effects {
      let operations = stamper.operations(
        for: changes, now: state.now, person: "maria", after: state.data.latestStamp)
      _ = Fixtures.send(.committed(operations), &state)
    }
    return effects
  }

  /// Types `text` character by character.
  @discardableResult
  static func type(_ text: String, _ state: inout AppState) -> [Effect] {
    text.flatMap { character -> [Effect] in
      send(.key(.character(character)), &state)
    }
  }
}
