import Foundation
import RhythmCore

/// Builds the demo organisation's records, rolling seeded dice for everything that varies.
struct DemoBuilder {
  let now: Date
  let zone: TimeZone
  let today: Day
  /// The first day of the demo's year: cadences start here.
  let firstDay: Day
  var changes: [Change] = []
  private var random = DemoRandom(seed: 0x5248_5954_484D_0001)
  private var ids = RecordIDGenerator(seed: 0x5248_5954_484D_0002)
  /// Dice and ids of what the meetings record (topics, headlines, ratings, audits, rights):
  /// a stream of their own, so that the records above keep the ids and values they had
  /// before meetings recorded more.
  var meetingRandom = DemoRandom(seed: 0x5248_5954_484D_0003)
  var meetingIDs = RecordIDGenerator(seed: 0x5248_5954_484D_0004)
  var reviews: [Review] = []
  var decisions: [Decision] = []
  var steps: [Step] = []
  /// The cadences' ids by title.
  var cadenceIDs: [String: String] = [:]

  init(now: Date, timeZone: TimeZone) {
    self.now = now
    let london = TimeZone(identifier: "Europe/London") ?? timeZone
    zone = TimeZone(identifier: timeZone.identifier) == nil ? london : timeZone
    today = Day(containing: now, in: zone)
    firstDay = today.adding(days: -364)
  }

  mutating func build() {
    for team in DemoPeople.teams { changes.append(.create(Team(name: team))) }
    for (person, _) in DemoPeople.people { changes.append(.create(person)) }
    let metricIDs = addMetrics()
    for spec in DemoCadence.all { addCadence(spec, metricIDs: metricIDs) }
    // The latest held reviews' minutes are not out yet.
    let latestHeld = reviews.indices.filter { reviews[$0].status == .held }
      .sorted { reviews[$0].occurrence > reviews[$1].occurrence }
      .prefix(2)
    for index in latestHeld { reviews[index].minutesAt = nil }
    addMeetingRecords()
    changes += reviews.map { .create($0) }
    changes += decisions.map { .create($0) }
    changes += steps.map { .create($0) }
    addPriorities()
    addExchanges()
  }

  // MARK: - Scorecard

  /// Creates the metrics with a value per week for the last 52 full weeks; returns their ids
  /// by name.
  private mutating func addMetrics() -> [String: String] {
    let thisMonday = today.adding(days: 1 - today.isoWeekday)
    let weeks = 52
    var result: [String: String] = [:]
    for spec in DemoMetric.all {
      var metric = Metric(
        id: ids.next(at: at(firstDay, 8)), name: spec.name, owner: spec.owner, unit: spec.unit,
        target: spec.target, direction: spec.direction, period: .week)
      for week in 0..<weeks {
        let monday = thisMonday.adding(days: -7 * (weeks - week))
        metric.values[monday.description] = spec.value(week: week, of: weeks, random: &random)
      }
      result[spec.name] = metric.id
      changes.append(.create(metric))
    }
    return result
  }

  // MARK: - Cadences and reviews

  private mutating func addCadence(_ spec: DemoCadence, metricIDs: [String: String]) {
    let start = LocalDateTime(
      day: firstDay, time: TimeOfDay(secondOfDay: spec.hour * 3600 + spec.minute * 60))
    let cadence = Cadence(
      id: ids.next(at: at(firstDay, 8)), title: spec.title, rule: spec.rule,
      start: start.description, timeZone: zone.identifier, durationMinutes: spec.durationMinutes,
      facilitator: spec.facilitator, participants: spec.participants, team: spec.team,
      agenda: spec.agenda, metrics: spec.metrics.compactMap { metricIDs[$0] })
    changes.append(.create(cadence))
    cadenceIDs[spec.title] = cadence.id
    let duration = Double(spec.durationMinutes * 60)
    let occurrences =
      ((try? cadence.schedule())?.occurrences(in: start.instant(in: zone)..<now) ?? [])
      .filter { $0.addingTimeInterval(duration) <= now }
    var lastSteps: [Step] = []
    for (index, occurrence) in occurrences.enumerated() {
      let fromEnd = occurrences.count - 1 - index
      // A few occurrences nobody recorded: they show as missed.
      let missed =
        (spec.title == DemoCadence.content.title && fromEnd == 5)
        || (fromEnd > 2 && random.chance(0.025))
      if missed { continue }
      var review = Review(id: ids.next(at: occurrence), cadence: cadence.id, occurrence: occurrence)
      let (_, month, dayOfMonth) = Day(containing: occurrence, in: zone).components
      let holidays = (month == 12 && dayOfMonth >= 23) || (month == 1 && dayOfMonth <= 2)
      let skipped =
        holidays || (spec.title == DemoCadence.pipeline.title && fromEnd == 8)
        || (fromEnd > 2 && random.chance(0.03))
      if skipped {
        review.status = .skipped
        reviews.append(review)
        continue
      }
      lastSteps = hold(&review, of: spec, previousSteps: lastSteps)
      reviews.append(review)
    }
  }

  /// Fills in a held review (times, attendance, ratings, check-ins, minutes) and captures its
  /// decisions and steps; returns the steps.
  private mutating func hold(_ review: inout Review, of spec: DemoCadence, previousSteps: [Step])
    -> [Step]
  {
    let started = review.occurrence.addingTimeInterval(Double(random.int(0...4) * 60))
    let ended = started.addingTimeInterval(
      Double((spec.durationMinutes + random.int(-10...8)) * 60))
    review.status = .held
    review.startedAt = started
    review.endedAt = ended
    let roomRating = random.pick([6, 7, 7, 8, 8, 8, 8, 9, 9, 10])
    review.attendees = spec.participants.filter { $0 == spec.facilitator || !random.chance(0.1) }
    for attendee in review.attendees {
      review.ratings[attendee] = min(10, max(1, roomRating + meetingRandom.int(-1...1)))
    }
    for step in previousSteps {
      if step.status == .dropped, let completedAt = step.completedAt, completedAt <= started {
        continue
      }
      let done = step.status == .done && (step.completedAt.map { $0 <= started } ?? false)
      review.checkins[step.id] = done ? "done" : "not-done"
    }
    let delay = random.chance(0.1) ? random.int(26...60) : random.int(1...20)
    let minutesAt = ended.addingTimeInterval(Double(delay * 3600 + random.int(0...59) * 60))
    review.minutesAt = minutesAt <= now ? minutesAt : nil

    let reviewDay = Day(containing: started, in: zone)
    let quarter = "Q\((reviewDay.components.month - 1) / 3 + 1)"
    for _ in 0..<max(0, random.int(spec.decisionsPerReview)) {
      let text = fill(random.pick(spec.decisions), quarter: quarter)
      guard !decisions.contains(where: { $0.review == review.id && $0.text == text }) else {
        continue
      }
      let createdAt = during(started, minutes: spec.durationMinutes)
      decisions.append(
        Decision(
          id: ids.next(at: createdAt), text: text, decidedBy: random.pick(spec.deciders),
          review: review.id, createdAt: createdAt))
    }
    var captured: [Step] = []
    var used: Set<String> = []
    for _ in 0..<random.int(spec.stepsPerReview) {
      let idea = random.pick(spec.steps)
      guard used.insert(idea.title).inserted else { continue }
      let createdAt = during(started, minutes: spec.durationMinutes)
      var due = Day(containing: createdAt, in: zone).adding(days: random.int(spec.dueIn))
      if due.isoWeekday > 5 { due = due.adding(days: 5 - due.isoWeekday) }
      var step = Step(
        id: ids.next(at: createdAt), title: fill(idea.title, quarter: quarter),
        owner: random.pick(review.attendees), due: due, success: idea.success,
        createdAt: createdAt, review: review.id, tags: idea.tags)
      settle(&step)
      captured.append(step)
    }
    steps += captured
    return captured
  }

  /// Decides how a step turned out by `now`: done on time or late, still open (overdue or
  /// not yet due), or dropped; the owner's reliability sets the odds of on time.
  private mutating func settle(_ step: inout Step) {
    let dueEnd = step.due.end(in: zone)
    if step.due >= today {
      let roll = random.unit()
      if roll < 0.04 {
        close(&step, as: .dropped, at: between(step.createdAt, now))
      } else if roll < 0.16 {
        close(&step, as: .done, at: between(step.createdAt, now))
      }
      return
    }
    if random.chance(0.05) {
      close(&step, as: .dropped, at: between(step.createdAt, min(dueEnd, now)))
      return
    }
    let daysPast = Int(today.ordinal - step.due.ordinal)
    if random.chance(daysPast <= 42 ? 0.2 : 0.015) { return }  // still open: overdue
    if random.chance(DemoPeople.reliability[step.owner] ?? 0.8) {
      let createdDay = Day(containing: step.createdAt, in: zone)
      let day = max(createdDay, step.due.adding(days: -random.int(0...3)))
      var completedAt = workingTime(on: day)
      if completedAt <= step.createdAt || completedAt >= dueEnd {
        completedAt = between(step.createdAt, dueEnd)
      }
      close(&step, as: .done, at: completedAt)
    } else {
      let completedAt = workingTime(on: step.due.adding(days: random.int(1...min(12, daysPast))))
      if completedAt < now { close(&step, as: .done, at: completedAt) }
    }
  }

  private func close(_ step: inout Step, as status: Step.Status, at date: Date) {
    step.status = status
    step.completedAt = date
  }

  // MARK: - Priorities and exchanges

  private mutating func addPriorities() {
    let (year, month, _) = today.components
    let quarterIndex = year * 4 + (month - 1) / 3
    for spec in DemoPriority.all {
      let index = quarterIndex + spec.quarterOffset
      let quarterStart = Day(year: index / 4, month: index % 4 * 3 + 1, day: 1) ?? today
      let priority = Priority(
        id: ids.next(at: at(quarterStart, 9)), title: spec.title, owner: spec.owner,
        quarter: "\(index / 4)-Q\(index % 4 + 1)", status: spec.status, team: spec.team)
      changes.append(.create(priority))
    }
  }

  private mutating func addExchanges() {
    for spec in DemoExchange.all {
      var day = today.adding(days: -spec.daysAgo)
      if day.isoWeekday > 5 { day = day.adding(days: 5 - day.isoWeekday) }
      let createdAt = at(day, 11, random.int(0...59))
      changes.append(
        .create(
          Exchange(
            id: ids.next(at: createdAt), from: spec.from, to: spec.to, text: spec.text,
            createdAt: createdAt)))
    }
  }

  // MARK: - Time helpers

  /// `hour:minute` on `day` in the organisation's zone.
  func at(_ day: Day, _ hour: Int, _ minute: Int = 0) -> Date {
    LocalDateTime(day: day, time: TimeOfDay(secondOfDay: hour * 3600 + minute * 60))
      .instant(in: zone)
  }

  /// Some time during office hours on `day`.
  private mutating func workingTime(on day: Day) -> Date {
    at(day, random.int(9...17), random.int(0...59))
  }

  /// Some minute during a review that started at `start`, away from its edges.
  private mutating func during(_ start: Date, minutes: Int) -> Date {
    start.addingTimeInterval(Double(random.int(5...max(5, minutes - 5)) * 60))
  }

  /// Some instant from `start` up to `end`.
  private mutating func between(_ start: Date, _ end: Date) -> Date {
    guard end > start else { return start }
    let seconds = (end.timeIntervalSince(start) * random.unit()).rounded(.down)
    return start.addingTimeInterval(seconds)
  }

  private mutating func fill(_ text: String, quarter: String) -> String {
    var result = text.replacingOccurrences(of: "{quarter}", with: quarter)
    if result.contains("{account}") {
      result = result.replacingOccurrences(of: "{account}", with: random.pick(DemoPeople.accounts))
    }
    return result
  }
}
