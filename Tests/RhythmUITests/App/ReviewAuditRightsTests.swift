import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("The live review's audit and decision-rights sections, and exchanges")
struct ReviewAuditRightsTests {
  /// The quarterly strategy reset started, `sections` sections on.
  private func quarterly(_ sections: Int) throws -> AppState {
    var state = Fixtures.demoState()
    let cadence = try #require(
      state.data.cadences.values.first { $0.title == "Quarterly strategy reset" })
    Fixtures.send(.openReview(cadenceID: cadence.id, start: true), &state)
    Fixtures.press(Array(repeating: "n", count: sections), &state)
    return state
  }

  @Test("enter asks the selected attendee's three answers; they are kept as rhythm audit add does")
  func answers() throws {
    var state = try quarterly(1)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .audit)
    let roll = state.auditRoll(for: session)
    #expect(roll.first == "ruth")
    Fixtures.press(["<enter>"], &state)
    #expect(state.prompt?.purpose == .auditAnswer(handle: "ruth"))
    Fixtures.type("4 3 5", &state)
    #expect(Fixtures.press(["<enter>"], &state).count == 1)
    #expect(
      state.data.reviews[session.reviewID]?.audit["ruth"]
        == AuditAnswer(risk: 4, transparency: 3, drive: 5))
    #expect(state.review?.auditSelection == 1)
    // Three digits in a row are three answers; a fourth, or a 6, is refused with the reason.
    Fixtures.press(["<enter>"], &state)
    Fixtures.type("2545", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    #expect(state.prompt?.error?.contains("three scores") == true)
    Fixtures.press(["<backspace>", "<backspace>"], &state)
    Fixtures.type("6", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    Fixtures.press(["<backspace>"], &state)
    Fixtures.type("3", &state)
    Fixtures.press(["<enter>"], &state)
    let review = try #require(state.data.reviews[session.reviewID])
    #expect(review.audit["ruth"] == AuditAnswer(risk: 4, transparency: 3, drive: 5))
    #expect(review.audit["maria"] == AuditAnswer(risk: 2, transparency: 5, drive: 3))
    let summary = try #require(AuditSummary(review))
    #expect(summary.means.risk == 3)
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Mutual risk and reward"))
    #expect(text.contains("2/8 answered"))
  }

  @Test("digit keys answer the selected attendee's three questions one by one, then move on")
  func digitAnswers() throws {
    var state = try quarterly(1)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .audit)
    Fixtures.press(["4", "3"], &state)
    #expect(state.data.reviews[session.reviewID]?.audit["ruth"] == nil)
    let typing = Screen.render(state).lines.joined(separator: "\n")
    #expect(typing.range(of: #"@ruth +4 +3 +_"#, options: .regularExpression) != nil)
    // A 6 is refused and the answers typed so far stay.
    Fixtures.press(["6"], &state)
    #expect(state.message?.text == "audit answers are 1–5")
    Fixtures.press(["5"], &state)
    #expect(
      state.data.reviews[session.reviewID]?.audit["ruth"]
        == AuditAnswer(risk: 4, transparency: 3, drive: 5))
    #expect(state.review?.auditSelection == 1)
    #expect(state.review?.auditDraft == nil)
    // Moving away drops a half-typed row: the next digits start the newly selected one.
    Fixtures.press(["2", "j"], &state)
    Fixtures.press(["1", "1", "2"], &state)
    let review = try #require(state.data.reviews[session.reviewID])
    let roll = state.auditRoll(for: session)
    #expect(review.audit[roll[1]] == nil)
    #expect(review.audit[roll[2]] == AuditAnswer(risk: 1, transparency: 1, drive: 2))
    // Outside the audit the digits are the screens again.
    Fixtures.press(["n", "3"], &state)
    #expect(state.screen == .steps)
  }

  @Test("the audit shows last quarter's means beside this one's")
  func lastQuarter() throws {
    let state = try quarterly(1)
    let session = try #require(state.review)
    let previous = try #require(state.previousAudit(for: session))
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains(Minutes.score(previous.means.transparency)))
  }

  @Test("+ adds an area and its decider, enter changes either, X removes it")
  func rights() throws {
    var state = try quarterly(3)
    let session = try #require(state.review)
    try #require(state.sectionKind(of: session) == .decisionRights)
    let before = state.reviewRights(for: session).count
    Fixtures.press(["+"], &state)
    Fixtures.type("Agency contracts @sam", &state)
    Fixtures.press(["<enter>"], &state)
    let rights = state.reviewRights(for: session)
    #expect(rights.count == before + 1)
    let added = try #require(rights.first { $0.area == "Agency contracts" })
    #expect(added.decider == "sam")
    #expect(added.cadence == session.cadenceID)
    let index = try #require(rights.firstIndex { $0.id == added.id })
    Fixtures.press(["g"] + Array(repeating: "j", count: index), &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.prompt?.purpose == .right(rightID: added.id))
    #expect(state.prompt?.field.value == "Agency contracts @sam")
    Fixtures.press(Array(repeating: "<backspace>", count: 4), &state)
    Fixtures.type("@maria", &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.data.rights[added.id]?.decider == "maria")
    #expect(state.data.rights[added.id]?.area == "Agency contracts")
    // The area is renamed in the same line.
    Fixtures.press(["<enter>"], &state)
    Fixtures.press(Array(repeating: "<backspace>", count: "Agency contracts @maria".count), &state)
    Fixtures.type("Agency and freelance contracts @maria", &state)
    Fixtures.press(["<enter>"], &state)
    #expect(state.data.rights[added.id]?.area == "Agency and freelance contracts")
    #expect(state.data.rights[added.id]?.decider == "maria")
    Fixtures.press(["X"], &state)
    #expect(state.data.rights[added.id]?.isLive != true)
    #expect(state.reviewRights(for: session).count == before)
    // No decider named: refused, the line kept.
    Fixtures.press(["+"], &state)
    Fixtures.type("Pricing", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
  }

  @Test("E logs an exchange with the same edit as rhythm exchange add")
  func exchange() throws {
    var state = Fixtures.demoState()
    Fixtures.press(["r", "E"], &state)
    #expect(state.prompt?.purpose == .exchange)
    Fixtures.type("@kenji content shared the video brief", &state)
    let before = state.data.exchanges.count
    #expect(Fixtures.press(["<enter>"], &state).count == 1)
    #expect(state.data.exchanges.count == before + 1)
    let logged = try #require(
      state.data.exchanges.values.first { $0.text == "shared the video brief" })
    #expect(logged.from == "kenji" && logged.to == "content")
    #expect(logged.createdAt == Fixtures.now)
    Fixtures.press(["E"], &state)
    Fixtures.type("@kenji @kenji helped", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
    Fixtures.press(["<esc>", "E"], &state)
    Fixtures.type("@kenji", &state)
    #expect(Fixtures.press(["<enter>"], &state) == [.bell])
  }

  @Test("beside mutual risk and reward: the exchanges of the 13 weeks before the review")
  func auditExchanges() throws {
    let state = try quarterly(1)
    let session = try #require(state.review)
    // The review is on 6 January: the calendar quarter holding it has no exchange yet, the
    // quarter under review (from 8 October) has the demo's.
    let start = Day(containing: session.occurrence, in: Fixtures.utc).adding(days: -90)
    let expected = state.data.exchanges.values.filter {
      $0.isLive && Day(containing: $0.createdAt, in: Fixtures.utc) >= start
    }.count
    #expect(expected > 1)
    #expect(state.auditExchanges(for: session) == expected)
    let text = Screen.render(state).lines.joined(separator: "\n")
    #expect(text.contains("Mutual risk and reward · \(expected) exchanges, last 13 weeks"))
  }

  @Test("the audit and decision-rights sections on screen, wide and narrow")
  func screens() throws {
    var state = try quarterly(1)
    Fixtures.press(["<enter>"], &state)
    Fixtures.type("4 3 5", &state)
    Fixtures.press(["<enter>", "<enter>"], &state)
    Fixtures.type("3 4 4", &state)
    Fixtures.press(["<enter>"], &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-audit-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-audit-80x24")
    state.size = Size(width: 120, height: 40)
    Fixtures.press(["n", "n"], &state)
    state.message = nil
    assertSnapshotOfState(state, named: "review-rights-120x40")
    state.size = Size(width: 80, height: 24)
    assertSnapshotOfState(state, named: "review-rights-80x24")
  }
}
