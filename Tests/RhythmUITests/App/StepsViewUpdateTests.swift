import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

/// A local edit moves one row to its sorted place instead of sorting every row: the result must
/// be what a full reload gives, in every sort order.
@Suite("Steps view: local edits keep the sorted order")
struct StepsViewUpdateTests {
  @Test("random edits (status, due, owner, removal, new steps) equal a reload, for every sort")
  func updatesEqualReload() {
    var random = SplitMix64(seed: 2026)
    let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)
    for sort in StepSort.allCases {
      var steps = Fixtures.demoData.steps
      var view = StepsView(today: today)
      view.setSort(sort)
      view.reload(steps, today: today)
      let ids = steps.keys.sorted()
      for round in 0..<60 {
        var step =
          steps[ids[Int(random.next() % UInt64(ids.count))]]
          ?? Step(
            id: "x", title: "", owner: "", due: today, createdAt: Fixtures.now)
        switch random.next() % 5 {
        case 0: step.status = step.status == .open ? .done : .open
        case 1: step.due = step.due.adding(days: Int(random.next() % 30) - 15)
        case 2: step.owner = ["ana", "tom", "zed"][Int(random.next() % 3)]
        case 3: step.deleted = step.deleted == true ? nil : true
        default:
          step = Step(
            id: "01new\(round)", title: "New \(round)", owner: "maria",
            due: today.adding(days: round % 9), createdAt: Fixtures.now)
        }
        steps[step.id] = step
        view.update([step])
        var fresh = StepsView(today: today)
        fresh.setSort(sort)
        fresh.reload(steps, today: today)
        #expect(
          view.rowIDs == fresh.rowIDs, "sort \(sort), round \(round)")
        #expect(view.visible == fresh.visible)
      }
    }
  }
}
