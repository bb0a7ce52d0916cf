import Foundation
import Testing

/// `rhythm review start` with no cadence, in a real terminal.
@Suite("review start with no cadence")
struct ReviewStartTests {
  @Test("it opens the next review of any cadence live, then the live one when run again")
  func nextThenLive() throws {
    let fixture = try CLIFixture()
    try fixture.succeed("init", "--demo")
    // On Wednesday 25 Nov at 09:00 the next review of any cadence is the content review at 14:00.
    let first = try TmuxSession.rhythm(fixture, ["review", "start"])
    defer { first.close() }
    try first.waitFor("┌ Weekly content review · Wed 25 Nov 14:00")
    try first.waitFor("● LIVE")
    try first.send(keys: "q")
    try first.waitFor("┌ Next reviews")
    try first.send(keys: "q")
    #expect(try first.waitForExit(timeout: .seconds(15)) == 0)
    let review = try fixture.review("content", at: "2026-11-25T14:00:00+00:00")
    #expect(review["status"] as? String == "live")

    // Run again, it opens that live review rather than a new one.
    let again = try TmuxSession.rhythm(fixture, ["review", "start"])
    defer { again.close() }
    try again.waitFor("┌ Weekly content review · Wed 25 Nov 14:00")
    try again.waitFor("● LIVE  started 09:00")
    try again.send(keys: "q")
    try again.waitFor("┌ Next reviews")
    try again.send(keys: "q")
    #expect(try again.waitForExit(timeout: .seconds(15)) == 0)
    let live = try fixture.reviews("--cadence", "content").filter {
      $0["status"] as? String == "live"
    }
    #expect(live.map { $0["id"] as? String } == [review["id"] as? String])
  }
}
