import Foundation
import RhythmCore

// MARK: - The conclude section of the live review: who came, how each rates it, whether
// anything is unclear

extension AppReducer {
  /// The selected participant of the conclude section, when that section is the current one
  /// of a started review.
  private static func selectedAttendee(_ state: inout AppState) -> (ReviewSession, String)? {
    guard let session = state.review, state.sectionKind(of: session) == .conclude else {
      return nil
    }
    guard session.phase == .running else {
      say(&state, "start the review first (s)", isError: true)
      return nil
    }
    let roll = state.concludeRoll(for: session)
    guard roll.indices.contains(session.attendeeSelection) else { return nil }
    return (session, roll[session.attendeeSelection])
  }

  /// `A`: marks the selected participant present, or absent when they were.
  static func toggleAttendance(_ state: inout AppState) -> [Effect] {
    guard let (session, handle) = selectedAttendee(&state) else { return [] }
    let present = state.data.reviews[session.reviewID]?.attendees.contains(handle) == true
    return perform(&state, message: "@\(handle) \(present ? "did not come" : "came")") {
      data, _ throws(RhythmError) in
      try ReviewEdits.attend(
        session.reviewID, present: present ? [] : [handle], absent: present ? [handle] : [],
        in: data)
    }
  }

  /// `R`: asks for the selected participant's rating of the review.
  static func askAttendeeRating(_ state: inout AppState) -> [Effect] {
    guard let (session, handle) = selectedAttendee(&state) else { return [] }
    let current = state.data.reviews[session.reviewID]?.ratings[handle].map(String.init) ?? ""
    state.prompt = Prompt(
      purpose: .attendeeRating(handle: handle), label: "@\(handle)'s rating 1–10", text: current)
    return []
  }

  /// Records `handle`'s rating (which marks them present); the selection moves to the next
  /// participant, so `R 8 enter R 9 enter` rates down the list.
  static func rateAsAttendee(_ state: inout AppState, _ handle: String, text: String)
    throws(RhythmError) -> [Effect]
  {
    guard let session = state.review else { return [] }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let rating = Int(trimmed) else {
      throw .invalidValue(field: "rating", value: trimmed, expected: "a whole number from 1 to 10")
    }
    let effects = try performing(&state, message: "@\(handle) rates it \(rating)/10") {
      data, _ throws(RhythmError) in
      try ReviewEdits.rate(session.reviewID, rating: rating, by: handle, in: data)
    }
    _ = move(&state, by: 1)
    return effects
  }

  /// A digit on the review screen: in the conclude section of a running review, the selected
  /// participant's rating (`0` is 10), one key each down the list; in the audit section, the
  /// selected attendee's next answer; anywhere else the digit's global binding (the screens).
  static func rateDigit(_ state: inout AppState, _ digit: Int) -> [Effect] {
    if let session = state.review, session.phase == .running,
      state.sectionKind(of: session) == .audit
    {
      return auditDigit(&state, digit)
    }
    if let session = state.review, session.phase == .running,
      state.sectionKind(of: session) == .conclude,
      let (_, handle) = selectedAttendee(&state)
    {
      do {
        return try rateAsAttendee(&state, handle, text: String(digit == 0 ? 10 : digit))
      } catch {
        say(&state, error.description, isError: true)
        return []
      }
    }
    guard let binding = state.keyMap.binding(for: String(digit), in: .global) else { return [] }
    return update(&state, binding.action)
  }

  /// `U`: whether anything is unclear about who does what, with the same edit as `rhythm
  /// review unclear`: not asked yet or no → yes, yes → no.
  static func cycleUnclear(_ state: inout AppState) -> [Effect] {
    guard let session = state.review, state.sectionKind(of: session) == .conclude else {
      return []
    }
    guard session.phase == .running else {
      say(&state, "start the review first (s)", isError: true)
      return []
    }
    let unclear = state.data.reviews[session.reviewID]?.unclear != true
    return perform(
      &state,
      message: unclear
        ? "something is unclear about who does what: U again says no"
        : "nothing is unclear about who does what"
    ) { data, _ throws(RhythmError) in
      try ReviewEdits.setUnclear(session.reviewID, unclear, in: data)
    }
  }
}
