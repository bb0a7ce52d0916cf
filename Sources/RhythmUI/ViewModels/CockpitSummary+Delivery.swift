import Foundation
import RhythmCore

extension CockpitSummary {
  /// The delivery figures of the home and people screens (open and overdue steps, on-time rates
  /// and weekly trends per owner and team), from one pass over the steps with no calendar or
  /// time-zone work per step. The figures are those of `Insights.rows` and `Insights.trend`
  /// over every live step; teams add up their members' counts.
  struct Delivery {
    /// Open steps past due, oldest due first.
    private(set) var overdue: [Step] = []
    /// Open steps due from today through Sunday.
    private(set) var dueThisWeek: [Step] = []
    /// Live people and owners of open steps, sorted by handle.
    private(set) var ownerRates: [Rate] = []
    /// Teams with something due in the window or overdue, sorted by name.
    private(set) var teamRates: [Rate] = []
    /// On-time steps over steps due in the window, for every owner.
    private(set) var overallRate: Double?

    /// One owner's counts.
    private struct Tally {
      var open = 0
      var overdue = 0
      var dueThisWeek = 0
      /// Due in the window (dropped ones left out), and of those done on time.
      var due = 0
      var onTime = 0
      /// Whether insights would list the owner: something due in the window, or overdue.
      var isListed = false
      var weekDue: [Int]
      var weekOnTime: [Int]

      init(weeks: Int) {
        weekDue = [Int](repeating: 0, count: weeks)
        weekOnTime = weekDue
      }

      func trend() -> [Double?] {
        zip(weekDue, weekOnTime).map { due, onTime in
          due > 0 ? Double(onTime) / Double(due) : nil
        }
      }
    }

    init(
      steps: [String: Step], people: [String: Person], today: Day, timeZone: TimeZone,
      windowWeeks: Int, trendWeeks: Int
    ) {
      let endOfWeek = today.adding(days: 7 - today.isoWeekday)
      let window = InsightWindow.ending(on: today, weeks: windowWeeks)
      // The trend's weeks run Monday to Sunday; the last holds today.
      let firstMonday = today.adding(days: 1 - today.isoWeekday - 7 * (trendWeeks - 1))
      let trendWindow = InsightWindow(start: firstMonday, end: today)
      let dayEnds = DueDayEnds(
        window: InsightWindow(start: min(window.start, firstMonday), end: today),
        timeZone: timeZone)

      var slots: [String: Int] = [:]
      var tallies: [Tally] = []
      let values = steps.values
      for index in values.indices {
        // Most steps are done and older than both windows: they count nowhere, so they are
        // let go after reading two fields, before the step is copied or its owner looked up.
        let status = values[index].status
        let due = values[index].due
        let inWindow = window.contains(due)
        let inTrend = trendWindow.contains(due)
        guard status == .open || status == .done && (inWindow || inTrend),
          values[index].isLive
        else { continue }
        let step = values[index]
        let slot: Int
        if let known = slots[step.owner] {
          slot = known
        } else {
          slot = tallies.count
          slots[step.owner] = slot
          tallies.append(Tally(weeks: trendWeeks))
        }
        let isOverdue = step.status == .open && step.due < today
        if step.status == .open {
          tallies[slot].open += 1
          if isOverdue {
            overdue.append(step)
            tallies[slot].overdue += 1
          } else if step.due <= endOfWeek {
            dueThisWeek.append(step)
            tallies[slot].dueThisWeek += 1
          }
        }
        guard inWindow || inTrend || isOverdue else { continue }
        let isOnTime =
          step.status == .done
          && step.completedAt.map { dayEnds.isOnTime($0, due: step.due) } == true
        if inWindow || isOverdue { tallies[slot].isListed = true }
        if inWindow {
          tallies[slot].due += 1
          if isOnTime { tallies[slot].onTime += 1 }
        }
        if inTrend {
          let week = Int(step.due.ordinal - firstMonday.ordinal) / 7
          tallies[slot].weekDue[week] += 1
          if isOnTime { tallies[slot].weekOnTime[week] += 1 }
        }
      }
      let byDue: (Step, Step) -> Bool = {
        ($0.due, $0.owner, $0.id) < ($1.due, $1.owner, $1.id)
      }
      overdue.sort(by: byDue)
      dueThisWeek.sort(by: byDue)

      let empty = Tally(weeks: trendWeeks)
      var teamsByOwner: [String: [String]] = [:]
      for person in people.values where person.isLive { teamsByOwner[person.id] = person.teams }
      var ownerKeys = Set(teamsByOwner.keys)
      for (owner, slot) in slots where tallies[slot].open > 0 { ownerKeys.insert(owner) }
      ownerRates = ownerKeys.sorted().map { key in
        let tally = slots[key].map { tallies[$0] } ?? empty
        return Rate(
          key: key, open: tally.open, overdue: tally.overdue, dueThisWeek: tally.dueThisWeek,
          due: tally.due, onTimeRate: Delivery.rate(tally.onTime, of: tally.due),
          trend: tally.trend())
      }

      // A team's window counts add its members' once per time the team is listed for them (as
      // insights count them); the rest adds each member once.
      var teamCounts: [String: (due: Int, onTime: Int)] = [:]
      for (owner, teams) in teamsByOwner {
        guard let slot = slots[owner], tallies[slot].isListed else { continue }
        for team in teams {
          teamCounts[team, default: (0, 0)].due += tallies[slot].due
          teamCounts[team, default: (0, 0)].onTime += tallies[slot].onTime
        }
      }
      teamRates = teamCounts.keys.sorted().map { key in
        var sum = empty
        for (owner, teams) in teamsByOwner where teams.contains(key) {
          guard let slot = slots[owner] else { continue }
          let tally = tallies[slot]
          sum.open += tally.open
          sum.overdue += tally.overdue
          sum.dueThisWeek += tally.dueThisWeek
          for week in 0..<trendWeeks {
            sum.weekDue[week] += tally.weekDue[week]
            sum.weekOnTime[week] += tally.weekOnTime[week]
          }
        }
        let counts = teamCounts[key] ?? (0, 0)
        return Rate(
          key: key, open: sum.open, overdue: sum.overdue, dueThisWeek: sum.dueThisWeek,
          due: counts.due, onTimeRate: Delivery.rate(counts.onTime, of: counts.due),
          trend: sum.trend())
      }
      let totalDue = tallies.reduce(0) { $0 + $1.due }
      let totalOnTime = tallies.reduce(0) { $0 + $1.onTime }
      overallRate = Delivery.rate(totalOnTime, of: totalDue)
    }

    private static func rate(_ part: Int, of whole: Int) -> Double? {
      whole > 0 ? Double(part) / Double(whole) : nil
    }
  }
}
