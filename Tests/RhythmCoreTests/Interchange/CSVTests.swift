import Foundation
import Testing

@testable import RhythmCore

/// Wednesday 25 November 2026.
private let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)

private func day(_ text: String) throws(RhythmError) -> Day {
  try DateShorthand.parse(text, today: today)
}

@Suite("CSV")
struct CSVTests {
  @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
    let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n"
    let records = try CSV.parse(text)
    #expect(records == [["a", "b, c", "say \"hi\""], ["two\nlines", "", "x"]])
  }

  @Test func lastLineWithoutLineEndAndEmptyQuotedField() throws {
    #expect(try CSV.parse("a,b\nc,\"\"") == [["a", "b"], ["c", ""]])
    #expect(try CSV.parse("") == [])
  }

  @Test func anOpenQuoteIsAnErrorNamingItsLine() {
    #expect(throws: RhythmError.self) { try CSV.parse("a,b\n\"c,d\n") }
    do {
      _ = try CSV.parse("title\nok\n\"never closed\n")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("line 3"))
    }
  }

  @Test func textAfterAClosingQuoteIsAnError() {
    #expect(throws: RhythmError.self) { try CSV.parse("\"a\"b,c\n") }
  }

  @Test func writingQuotesOnlyWhenNeededAndReadsBack() throws {
    let fields = ["plain", "with, comma", "with \"quote\"", "two\nlines", ""]
    let line = CSV.line(fields)
    #expect(line == "plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",")
    #expect(try CSV.parse(line) == [fields])
  }

  @Test(
    "a field a spreadsheet would run gets a leading quote",
    arguments: [
      TextCase("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
      TextCase("-5 apples", "'-5 apples"), TextCase("@maria", "'@maria"), TextCase("+1", "'+1"),
      TextCase("\tindented", "'\tindented"), TextCase("\rreturn", "'\rreturn"),
      TextCase("\r\nline", "'\r\nline"),
      TextCase("'=quoted", "''=quoted"), TextCase("''-x", "'''-x"),
      TextCase("plain", "plain"), TextCase("a=b", "a=b"), TextCase("'quoted", "'quoted"),
      TextCase("'", "'"), TextCase("", ""),
      TextCase(" =spaced", " =spaced"),
    ])
  func guarded(_ sample: TextCase) {
    #expect(CSV.guarded(sample.text) == sample.expected)
    #expect(CSV.unguarded(sample.expected) == sample.text)
  }

  @Test("written lines carry the guard inside RFC 4180 quoting, and read back unchanged")
  func guardedLines() throws {
    let fields = [
      "=HYPERLINK(\"http://x\",\"y\")", "-5 apples", "@maria", "+1", "=1+2,3", "\rcr", "\tt",
      "'=kept", "it's", "'",
    ]
    let line = CSV.line(fields)
    #expect(
      line
        == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-5 apples,'@maria,'+1,\"'=1+2,3\",\"'\rcr\","
        + "'\tt,''=kept,it's,'")
    #expect(try CSV.parse(line + "\r\n") == [fields])
  }

  @Test("reading removes one guard quote only before a formula character")
  func readingStripsTheGuard() throws {
    let text = "'=SUM(A1:A2),'-5,'@x,'+1,'plain,'',''=x,=raw\n"
    #expect(
      try CSV.parse(text) == [["=SUM(A1:A2)", "-5", "@x", "+1", "'plain", "''", "'=x", "=raw"]])
  }
}

@Suite("Steps CSV")
struct StepsCSVTests {
  @Test func columnsInAnyOrderWithShorthandDatesAndTags() throws {
    let text = #"""
      Owner,Title,Due,Tags,Success,Ignored
      @Maria,"Draft booth design, v2",fri,#conference design,"approved by ""VP""",x
      sam,Call Acme,2026-12-01,,,
      """#
    let steps = try StepsCSV.parse(text, defaultDue: nil, day: day)
    #expect(steps.count == 2)
    #expect(steps[0].title == "Draft booth design, v2")
    #expect(steps[0].owner == "maria")
    #expect(steps[0].due == Day.parse("2026-11-27"))
    #expect(steps[0].tags == ["conference", "design"])
    #expect(steps[0].success == "approved by \"VP\"")
    #expect(steps[0].origin == "row 1")
    #expect(steps[1].owner == "sam")
    #expect(steps[1].success == nil)
    #expect(steps[1].status == .open)
  }

  @Test func missingOwnerIsLeftToTheCallerAndBlankRowsAreSkipped() throws {
    let steps = try StepsCSV.parse(
      "title,due\nWrite plan,2026-12-01\n,\nShip it,\n", defaultDue: today.adding(days: 7), day: day
    )
    #expect(steps.map(\.title) == ["Write plan", "Ship it"])
    #expect(steps.map(\.owner) == [nil, nil])
    #expect(steps[1].due == Day.parse("2026-12-02"))
    #expect(steps[1].origin == "row 3")
  }

  @Test func errorsNameTheRow() {
    func message(_ text: String) -> String {
      do {
        _ = try StepsCSV.parse(text, defaultDue: nil, day: day)
        return ""
      } catch {
        return error.description
      }
    }
    #expect(message("title,due\nA,2026-12-01\nB,someday\n").contains("row 2 due"))
    #expect(message("title,due\nA,\n").contains("row 1 due"))
    #expect(message("title,due,status\nA,fri,finished\n").contains("row 1 status"))
    #expect(message("owner,due\nmaria,fri\n").contains("title column"))
    #expect(message("title,owner\n,maria\n").contains("row 1 title"))
  }

  @Test func statusColumnIsRead() throws {
    let steps = try StepsCSV.parse("title,due,status\nA,fri,Done\n", defaultDue: nil, day: day)
    #expect(steps.first?.status == .done)
  }

  @Test func exportHasAHeaderCRLFAndQuotesAndReadsBack() throws {
    let created = Date(timeIntervalSince1970: 1_790_000_000)
    var done = Step(
      id: "01b", title: "Say \"yes\", then ship", owner: "maria", due: today, success: "shipped",
      createdAt: created, review: "r1", tags: ["web", "q4"])
    done.status = .done
    done.completedAt = created.addingTimeInterval(3600)
    let open = Step(
      id: "01a", title: "Plan", owner: "sam", due: today.adding(days: -1), createdAt: created)
    let text = StepsCSV.export([done, open])
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.count == 4)
    #expect(lines[0] == StepsCSV.exportColumns.joined(separator: ","))
    #expect(lines[1].hasPrefix("01a,Plan,sam,2026-11-24,open,,,"))
    #expect(lines[3] == "")
    let back = try StepsCSV.parse(text, defaultDue: nil, day: day)
    #expect(back.map(\.title) == ["Plan", "Say \"yes\", then ship"])
    #expect(back[1].tags == ["web", "q4"])
    #expect(back[1].status == .done)
    #expect(back[1].due == today)
  }

  @Test("titles a spreadsheet would run are exported guarded and imported back unchanged")
  func formulaTitlesRoundTrip() throws {
    let created = Date(timeIntervalSince1970: 1_790_000_000)
    let titles = [
      "=HYPERLINK(\"http://x\",\"y\")", "-5 apples", "@maria", "+1", "'=already quoted",
      "plain title",
    ]
    let steps = titles.enumerated().map { offset, title in
      Step(
        id: "01\(offset)", title: title, owner: "maria", due: today, success: "=1+1",
        createdAt: created)
    }
    let text = StepsCSV.export(steps)
    let rows = try CSV.parse(text)
    #expect(rows.count == titles.count + 1)
    #expect(text.contains(",'-5 apples,") && text.contains(",'@maria,") && text.contains(",'+1,"))
    #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
    #expect(text.contains(",''=already quoted,"))
    #expect(text.contains(",'=1+1,"))
    // No line of the file has a field that starts a formula.
    for line in text.components(separatedBy: "\r\n") {
      for field in line.split(separator: ",", omittingEmptySubsequences: false) {
        let first = field.drop(while: { $0 == "\"" }).first
        #expect(!["=", "+", "-", "@"].contains(first.map(String.init) ?? ""), "\(line)")
      }
    }
    let back = try StepsCSV.parse(text, defaultDue: nil, day: day)
    #expect(back.map(\.title) == titles)
    #expect(back.allSatisfy { $0.success == "=1+1" })
  }
}
