import Testing

@testable import RhythmCore

/// Wednesday 25 November 2026.
private let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)

@Suite("QuickAdd")
struct QuickAddTests {
  @Test func todayIsTheWednesdayTheTestsAssume() {
    #expect(today.description == "2026-11-25")
    #expect(today.isoWeekday == 3)
  }

  @Test func theDesignExample() throws {
    let parsed = try QuickAdd.parse(
      #"Draft booth design @maria due:fri success:"approved by VP" #conference"#, today: today)
    #expect(
      parsed
        == QuickAdd(
          title: "Draft booth design", owner: "maria", due: Day.parse("2026-11-27"),
          success: "approved by VP", tags: ["conference"]))
  }

  @Test func tokensAnywhereAndTitleSingleSpaced() throws {
    let parsed = try QuickAdd.parse(
      "  #q4 @Sam  Update   pricing page due:eom #web success:published ", today: today)
    #expect(parsed.title == "Update pricing page")
    #expect(parsed.owner == "sam")
    #expect(parsed.due == Day.parse("2026-11-30"))
    #expect(parsed.success == "published")
    #expect(parsed.tags == ["q4", "web"])
  }

  @Test func onlyATitle() throws {
    #expect(
      try QuickAdd.parse("Call the printer", today: today) == QuickAdd(title: "Call the printer"))
  }

  @Test(arguments: [
    #"success:"signed off""#, "success:'signed off'", "success:\u{201C}signed off\u{201D}",
    "success:\u{2018}signed off\u{2019}",
  ])
  func quoteStyles(success: String) throws {
    let parsed = try QuickAdd.parse("Send the brief \(success) @ana", today: today)
    #expect(parsed.success == "signed off")
    #expect(parsed.title == "Send the brief")
    #expect(parsed.owner == "ana")
  }

  @Test func quotedDueDate() throws {
    let parsed = try QuickAdd.parse(#"Book venue due:"dec 3""#, today: today)
    #expect(parsed.due == Day.parse("2026-12-03"))
    #expect(parsed.title == "Book venue")
  }

  @Test func everyDueForm() throws {
    for (text, expected) in [
      ("due:2026-12-01", "2026-12-01"), ("due:tomorrow", "2026-11-26"), ("due:+2w", "2026-12-09"),
      ("due:eoq", "2026-12-31"), ("DUE:Mon", "2026-11-30"), ("due:12-24", "2026-12-24"),
    ] {
      #expect(try QuickAdd.parse("Plan \(text)", today: today).due == Day.parse(expected))
    }
  }

  @Test func emailsAndApostrophesStayInTheTitle() throws {
    let parsed = try QuickAdd.parse("Email ana@example.com about Sam's deck @sam", today: today)
    #expect(parsed.title == "Email ana@example.com about Sam's deck")
    #expect(parsed.owner == "sam")
  }

  @Test func trailingPunctuationAndNonTags() throws {
    let parsed = try QuickAdd.parse("Fix issue #123 for @maria, #launch!", today: today)
    #expect(parsed.title == "Fix issue #123 for")
    #expect(parsed.owner == "maria")
    #expect(parsed.tags == ["launch"])
    #expect(
      try QuickAdd.parse("Call Ana due:fri, then Sam", today: today).due == Day.parse("2026-11-27"))
  }

  @Test func repeatedTagsAndOwnerAreKeptOnce() throws {
    let parsed = try QuickAdd.parse("Plan #web @ana #web @ana", today: today)
    #expect(parsed.tags == ["web"])
    #expect(parsed.owner == "ana")
  }

  @Test func emptyTitle() {
    #expect(throws: RhythmError.emptyTitle) {
      try QuickAdd.parse(#"@maria due:fri success:"done" #x"#, today: today)
    }
    #expect(throws: RhythmError.emptyTitle) { try QuickAdd.parse("   ", today: today) }
  }

  @Test func unterminatedQuote() {
    #expect(
      throws: RhythmError.invalidValue(
        field: "success", value: #""approved by VP"#, expected: #"a closing quote (")"#)
    ) {
      try QuickAdd.parse(#"Draft booth @maria success:"approved by VP"#, today: today)
    }
    #expect {
      try QuickAdd.parse("Draft success:\u{201C}approved", today: today)
    } throws: { error in
      guard case .invalidValue(let field, _, let expected) = error as? RhythmError else {
        return false
      }
      return field == "success" && expected.contains("\u{201D}")
    }
  }

  @Test func badValues() {
    #expect(throws: RhythmError.invalidDate("someday")) {
      try QuickAdd.parse("Plan due:someday", today: today)
    }
    #expect(throws: RhythmError.invalidDate("")) { try QuickAdd.parse("Plan due:", today: today) }
    #expect {
      try QuickAdd.parse("Plan success:", today: today)
    } throws: { error in
      guard case .invalidValue(let field, _, _) = error as? RhythmError else { return false }
      return field == "success"
    }
    #expect(
      throws: RhythmError.invalidValue(
        field: "owner", value: "@sam", expected: "one owner per step (already @ana)")
    ) {
      try QuickAdd.parse("Plan @ana @sam", today: today)
    }
    #expect {
      try QuickAdd.parse("Plan due:fri due:mon", today: today)
    } throws: { error in
      guard case .invalidValue(let field, _, _) = error as? RhythmError else { return false }
      return field == "due"
    }
  }
}

@Suite("QuickAddCompletion")
struct QuickAddCompletionTests {
  @Test func ownerTokenUnderTheCursor() {
    let text = "Draft booth @ma due:fri"
    let token = QuickAddCompletion.token(at: 15, in: text)
    #expect(token == QuickAddCompletion.Token(kind: .owner, prefix: "ma", range: 13..<15))
    // In the middle of the word: the prefix stops at the cursor, the range covers the word.
    #expect(
      QuickAddCompletion.token(at: 14, in: text)
        == QuickAddCompletion.Token(kind: .owner, prefix: "m", range: 13..<15))
  }

  @Test func tagAndDueTokens() {
    #expect(
      QuickAddCompletion.token(at: 8, in: "Plan #co")
        == QuickAddCompletion.Token(kind: .tag, prefix: "co", range: 6..<8))
    #expect(
      QuickAddCompletion.token(at: 9, in: "Plan due:")
        == QuickAddCompletion.Token(kind: .due, prefix: "", range: 9..<9))
    #expect(
      QuickAddCompletion.token(at: 11, in: "Plan Due:fr x")
        == QuickAddCompletion.Token(kind: .due, prefix: "fr", range: 9..<11))
  }

  @Test func noTokenOutsideCompletableWords() {
    #expect(QuickAddCompletion.token(at: 3, in: "Plan @ana") == nil)
    #expect(QuickAddCompletion.token(at: 8, in: "Mail ana@example.com") == nil)
    #expect(QuickAddCompletion.token(at: 0, in: "") == nil)
    #expect(QuickAddCompletion.token(at: 99, in: "Plan @an")?.prefix == "an")
  }

  @Test func candidatesPrefixFirstThenSubstring() {
    let people = ["emma", "maria", "mark", "ana", "tomas", "Marta"]
    #expect(
      QuickAddCompletion.candidates(prefix: "ma", from: people)
        == ["Marta", "maria", "mark", "emma", "tomas"])
    #expect(
      QuickAddCompletion.candidates(prefix: "MAR", from: people) == ["Marta", "maria", "mark"])
    #expect(QuickAddCompletion.candidates(prefix: "", from: ["b", "a"]) == ["a", "b"])
    #expect(QuickAddCompletion.candidates(prefix: "zz", from: people).isEmpty)
  }
}
