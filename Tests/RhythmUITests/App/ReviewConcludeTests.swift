import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's conclude section, through the reducer")
struct ReviewConcludeTests {
  /// The first upcoming review (Weekly content review) started, on its Conclude section.
  private func onConclude() throws -> AppState {
    var state = Fixtures.demoState()
    Fixtures.press(["r", "n", "n", "n", "n"], &state)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .conclude)
    return state
  }

  @Test("the roll lists the participants, present from the start; A marks one away, again back")
  func attendance() throws {
    var state = try onConclude()
    let session = try #require(state.review)
    let everyone = ["priya", "chloe", "kenji", "ana"]
    #expect(state.concludeRoll(for: session) == everyone)
    #expect(state.data.reviews[session.reviewID]?.attendees == everyone)
    Fixtures.press(["j"], &state)
    let effects = Fixtures.press(["A"], &state)
    let away = ["priya", "kenji", "ana"]
    #expect(
      effects == [.commit([.update(Review.self, id: session.reviewID, [.set(\.attendees, away)])])])
    #expect(state.data.reviews[session.reviewID]?.attendees == away)
    Fixtures.press(["A"], &state)
    #expect(state.data.reviews[session.reviewID]?.attendees == away + ["chloe"])
  }

  @Test("R asks the selected participant's rating; it is kept per person, with their mean")
  func rating() throws {
    var state = try onConclude()
    let session = try #require(state.review)
    Fixtures.press(["R"], &state)
    #expect(state.prompt?.purpose == .attendeeRating(handle: "priya"))
    Fixtures.type("8", &state)
    #expect(Fixtures.press(["<enter>"], &state).count == 1)
    // The selection has moved on to the next participant.
    #expect(state.review?.attendeeSelection == 1)
    Fixtures.press(["R"], &state)
    Fixtures.type("7", &state)
    Fixtures.press(["<enter>"], &state)
    let review = try #require(state.data.reviews[session.reviewID])
    #expect(review.ratings == ["priya": 8, "chloe": 7])
    #expect(review.meanRating == 7.5)
    // A rating that is not a number is refused, with the prompt kept open.
    Fixtures.press(["R"], &state)
    state.prompt?.field = TextField(value: "")
    Fixtures.type("great", &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.prompt?.error != nil)
    #expect(state.data.reviews[session.reviewID]?.ratings == ["priya": 8, "chloe": 7])
  }

  @Test("one digit rates the selected participant and moves down the list; 0 is 10")
  func ratingDigits() throws {
    var state = try onConclude()
    let session = try #require(state.review)
    Fixtures.press(["8", "9", "0"], &state)
    #expect(state.data.reviews[session.reviewID]?.ratings == ["priya": 8, "chloe": 9, "kenji": 10])
    #expect(state.review?.attendeeSelection == 3)
    #expect(state.screen == .review)
  }

  @Test("on other sections a digit is what it is everywhere: 3 opens the Steps screen")
  func digitsElsewhere() {
    var state = Fixtures.demoState()
    Fixtures.press(["r", "3"], &state)
    #expect(state.screen == .steps)
  }

  @Test("R rates down the list; c then concludes at once, rated by the attendees' mean")
  func concludeAfterRatings() throws {
    var state = try onConclude()
    let session = try #require(state.review)
    for rating in ["8", "9", "7"] {
      Fixtures.press(["R"], &state)
      state.prompt?.field = TextField(value: "")
      Fixtures.type(rating, &state)
      Fixtures.press(["<enter>"], &state)
    }
    #expect(state.data.reviews[session.reviewID]?.ratings == ["priya": 8, "chloe": 9, "kenji": 7])
    #expect(Fixtures.press(["c"], &state).count == 1)
    #expect(state.prompt == nil)
    let review = try #require(state.data.reviews[session.reviewID])
    #expect(review.status == .held)
    #expect(review.rating == nil)
    #expect(review.meanRating == 8)
    #expect(state.review?.phase == .concluded)
  }

  @Test("U answers whether anything is unclear: yes, again no, again yes (rhythm review unclear)")
  func unclear() throws {
    var state = try onConclude()
    let session = try #require(state.review)
    #expect(state.data.reviews[session.reviewID]?.unclear == nil)
    #expect(AppReducer.isAvailable(.cycleUnclear, in: state))
    // The same edit as `rhythm review unclear REVIEW yes`.
    let yes = try ReviewEdits.setUnclear(session.reviewID, true, in: state.data)
    var effects = Fixtures.press(["U"], &state)
    #expect(effects == [.commit(yes.changes)])
    #expect(
      effects == [.commit([.update(Review.self, id: session.reviewID, [.set(\.unclear, true)])])])
    #expect(state.data.reviews[session.reviewID]?.unclear == true)
    effects = Fixtures.press(["U"], &state)
    #expect(
      effects == [.commit([.update(Review.self, id: session.reviewID, [.set(\.unclear, false)])])])
    #expect(state.data.reviews[session.reviewID]?.unclear == false)
    Fixtures.press(["U"], &state)
    #expect(state.data.reviews[session.reviewID]?.unclear == true)
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Anything unclear about who does what? yes"))
  }

  @Test("U does nothing on other sections")
  func unclearOnlyOnConclude() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r"], &state)
    #expect(!AppReducer.isAvailable(.cycleUnclear, in: state))
    #expect(Fixtures.press(["U"], &state).isEmpty)
    let session = try #require(state.review)
    #expect(state.data.reviews[session.reviewID]?.unclear == nil)
  }

  @Test("the recap after conclude says who came, the rating and whether anything is unclear")
  func recap() throws {
    var state = try onConclude()
    for rating in ["8", "9"] {
      Fixtures.press(["R"], &state)
      state.prompt?.field = TextField(value: "")
      Fixtures.type(rating, &state)
      Fixtures.press(["<enter>"], &state)
    }
    Fixtures.press(["j", "A", "U", "U", "c"], &state)
    #expect(state.review?.phase == .concluded)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(300)), &state)
    state.message = nil
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("3/4 came · rated 8.5/10 by 2"))
    #expect(text.contains("anything unclear about who does what: no"))
    assertSnapshotOfState(state, named: "review-recap-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-recap-80x24")
  }

  @Test("A and R do nothing on other sections")
  func onlyOnConclude() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r"], &state)
    #expect(Fixtures.press(["A", "R"], &state).isEmpty)
    #expect(state.prompt == nil)
    #expect(!AppReducer.isAvailable(.toggleAttendance, in: state))
  }

  @Test("the conclude section on screen, wide and narrow")
  func concludeScreen() throws {
    var state = try onConclude()
    Fixtures.press(["R"], &state)
    Fixtures.type("9", &state)
    Fixtures.press(["<enter>", "j", "A", "j", "R"], &state)
    state.prompt?.field = TextField(value: "")
    Fixtures.type("6", &state)
    Fixtures.press(["<enter>", "U"], &state)
    _ = Fixtures.send(.tick(Fixtures.now.addingTimeInterval(90)), &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-conclude-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-conclude-80x24")
  }
}
