import Foundation
import Testing

@testable import RhythmCore

/// The edit layer's rules, on a state (the cockpit's reader); the command line's reader is the
/// store, exercised by the end-to-end tests.
@Suite("Edits: one place for every domain change")
struct EditTests {
  private static let now = ISOInstant.parse("2026-11-25T09:00:00Z") ?? Date()
  private static let utc = TimeZone(identifier: "UTC") ?? .current

  private func context() -> EditContext {
    EditContext(now: Self.now, timeZone: Self.utc, actor: "maria", ids: RecordIDGenerator(seed: 7))
  }

  /// A state with maria and tom, a weekly cadence and one open step of maria's.
  private func state() -> StoreState {
    var stamper = MemoryStamper()
    let cadence = Cadence(
      id: "01cadence", title: "Weekly", rule: "FREQ=WEEKLY;BYDAY=MO", start: "2026-11-23T10:00:00",
      timeZone: "UTC", participants: ["maria", "tom"])
    let step = Step(
      id: "01step", title: "Draft", owner: "maria",
      due: Day(year: 2026, month: 11, day: 30) ?? Day(ordinal: 0), createdAt: Self.now)
    let changes: [Change] = [
      .create(Person(handle: "maria", name: "Maria")), .create(Person(handle: "tom", name: "Tom")),
      .create(cadence), .create(step),
    ]
    return StoreState.replaying(stamper.operations(for: changes, now: Self.now, person: "t"))
  }

  private func applied(_ edit: Edit, to state: StoreState) -> StoreState {
    var stamper = MemoryStamper()
    var result = state
    for operation in stamper.operations(
      for: edit.changes, now: Self.now, person: "t", after: state.latestStamp)
    {
      result.apply(operation)
    }
    return result
  }

  @Test("a step needs an owner who exists; without a due date it is due in a week")
  func addStep() throws {
    var context = context()
    let data = state()
    #expect(throws: RhythmError.unknownPerson("nobody")) {
      try StepEdits.add(.init(title: "Call", owner: "@nobody"), in: data, &context)
    }
    #expect(throws: RhythmError.emptyTitle) {
      try StepEdits.add(.init(title: "  ", owner: "maria"), in: data, &context)
    }
    let edit = try StepEdits.add(
      .init(title: "Call", owner: "@Tom", tags: ["#a"]), in: data, &context)
    let created = try #require(edit.created)
    let step = try #require(applied(edit, to: data).steps[created])
    #expect(step.owner == "tom")
    #expect(step.due == Day(year: 2026, month: 12, day: 2))
    #expect(step.tags == ["a"])
    let adding = try StepEdits.add(
      .init(title: "Call", owner: "newbie"), addingOwner: true, in: data, &context)
    #expect(adding.changes.map(\.kind) == [.person, .step])
  }

  @Test("text with control characters is refused at entry, naming the field")
  func controlCharacters() {
    var context = context()
    let data = state()
    #expect(throws: RhythmError.self) {
      try StepEdits.add(
        .init(title: "Evil \u{1B}]0;pwned\u{07}", owner: "maria"), in: data, &context)
    }
    do {
      _ = try MeetingEdits.decide("Go \u{9B}31m", in: data, &context)
      Issue.record("a C1 control was accepted")
    } catch {
      #expect(error.description.contains("decision"))
    }
    #expect(throws: RhythmError.self) {
      try PeopleEdits.add(handle: "ana", name: "Ana\u{202E}", in: data)
    }
  }

  @Test("done, dropped and reopened set the status and when; steps already there are left")
  func status() throws {
    let data = state()
    let done = try StepEdits.setStatus(.done, of: ["01step", "01step"], in: data, context())
    #expect(
      done.changes == [
        .update(Step.self, id: "01step", [.set(\.status, .done), .set(\.completedAt, Self.now)])
      ])
    let after = applied(done, to: data)
    #expect(try StepEdits.setStatus(.done, of: ["01step"], in: after, context()).changes.isEmpty)
    let reopened = applied(
      try StepEdits.setStatus(.open, of: ["01step"], in: after, context()), to: after)
    #expect(reopened.steps["01step"]?.completedAt == nil)
  }

  @Test("skipping or moving an occurrence marks its stored review; held and live ones cannot be")
  func markOccurrence() throws {
    var context = context()
    var data = state()
    let occurrence = try #require(ISOInstant.parse("2026-11-30T10:00:00Z"))
    let skip = try ReviewEdits.mark("01cadence", occurrence: occurrence, in: data, &context)
    data = applied(skip, to: data)
    #expect(data.reviews.count == 1)
    // Moving the same occurrence updates that review instead of making a second one.
    let later = occurrence.addingTimeInterval(3600)
    let move = try ReviewEdits.mark(
      "01cadence", occurrence: occurrence, movedTo: later, in: data, &context)
    #expect(move.changes.allSatisfy { !$0.isCreation })
    data = applied(move, to: data)
    #expect(data.reviews.count == 1)
    #expect(data.reviews.values.first?.status == .moved)
    #expect(throws: RhythmError.self) {
      try ReviewEdits.mark(
        "01cadence", occurrence: occurrence, movedTo: occurrence, in: data, &context)
    }
    let reviewID = try #require(data.reviews.keys.first)
    data = applied(
      try ReviewEdits.start("01cadence", at: occurrence, review: reviewID, in: data, &context),
      to: data)
    #expect(data.reviews[reviewID]?.status == .live)
    do {
      _ = try ReviewEdits.mark("01cadence", occurrence: occurrence, in: data, &context)
      Issue.record("a live review was skipped")
    } catch {
      #expect(error.description.contains("already live"))
    }
  }

  @Test("two devices that skip or move the same occurrence make one review, not two")
  func oneReviewPerOccurrence() throws {
    let occurrence = try #require(ISOInstant.parse("2026-11-30T10:00:00Z"))
    var here = EditContext(now: Self.now, timeZone: Self.utc, ids: RecordIDGenerator(seed: 1))
    var there = EditContext(now: Self.now, timeZone: Self.utc, ids: RecordIDGenerator(seed: 2))
    let skip = try ReviewEdits.mark("01cadence", occurrence: occurrence, in: state(), &here)
    let move = try ReviewEdits.mark(
      "01cadence", occurrence: occurrence, movedTo: occurrence.addingTimeInterval(3600),
      in: state(), &there)
    #expect(skip.created == move.created)
    #expect(skip.created == Review.id(cadence: "01cadence", occurrence: occurrence))
    #expect(RecordIDGenerator.isValid(try #require(skip.created)))
    let merged = applied(Edit(skip.changes + move.changes), to: state())
    #expect(merged.reviews.count == 1)
  }

  @Test("a review starts live with the cadence's participants, concludes held with a rating 1–10")
  func reviewLifecycle() throws {
    var context = context()
    var data = state()
    let occurrence = try #require(ISOInstant.parse("2026-11-30T10:00:00Z"))
    let start = try ReviewEdits.start("01cadence", at: occurrence, in: data, &context)
    let id = try #require(start.created)
    data = applied(start, to: data)
    #expect(data.reviews[id]?.attendees == ["maria", "tom"])
    #expect(try ReviewEdits.start("01cadence", at: occurrence, in: data, &context).changes.isEmpty)
    #expect(throws: RhythmError.self) {
      try ReviewEdits.conclude(id, rating: 11, in: data, context)
    }
    data = applied(try ReviewEdits.conclude(id, rating: 8, in: data, context), to: data)
    #expect(data.reviews[id]?.status == .held)
    #expect(data.reviews[id]?.rating == 8)
    #expect(throws: RhythmError.self) { try ReviewEdits.conclude(id, rating: 8, in: data, context) }
  }

  @Test("a check-in answer sets the step's status with it")
  func checkin() throws {
    var context = context()
    var data = state()
    let occurrence = try #require(ISOInstant.parse("2026-11-30T10:00:00Z"))
    let start = try ReviewEdits.start("01cadence", at: occurrence, in: data, &context)
    data = applied(start, to: data)
    let review = try #require(start.created)
    data = applied(
      try ReviewEdits.checkin("01step", done: true, review: review, in: data, context), to: data)
    #expect(data.reviews[review]?.checkins["01step"] == "done")
    #expect(data.steps["01step"]?.status == .done)
    data = applied(
      try ReviewEdits.checkin("01step", done: false, review: review, in: data, context), to: data)
    #expect(data.steps["01step"]?.status == .open)
  }

  @Test("a cadence made by someone not yet in the store adds them as its facilitator")
  func cadenceFacilitator() throws {
    var context = context()
    let data = state()
    let rule = try Rule.compile("weekly thu 16:00")
    let start = LocalDateTime(day: context.today, time: TimeOfDay(secondOfDay: 9 * 3600))
    let draft = CadenceEdits.Draft(
      title: "Ops", rule: rule, start: start, timeZone: Self.utc, facilitator: "ruth",
      participants: ["ruth"])
    #expect(throws: RhythmError.unknownPerson("ruth")) {
      try CadenceEdits.add(draft, in: data, &context)
    }
    let edit = try CadenceEdits.add(draft, addingFacilitator: true, in: data, &context)
    let after = applied(edit, to: data)
    #expect(after.people["ruth"] != nil)
    let cadenceID = try #require(edit.created)
    #expect(after.cadences[cadenceID]?.facilitator == "ruth")
  }

  @Test("a metric's value goes to the period that holds the day")
  func metricValue() throws {
    var context = context()
    var data = state()
    let add = try MetricEdits.add(name: "Leads", owner: "maria", target: 10, in: data, &context)
    data = applied(add, to: data)
    let id = try #require(add.created)
    let set = try MetricEdits.setValue(4, of: id, on: context.today, in: data)
    #expect(set.changes == [.update(Metric.self, id: id, [.entry(\.values, "2026-11-23", 4.0)])])
    #expect(throws: RhythmError.self) { try MetricEdits.value("4x", field: "Leads") }
  }
}
