import Foundation
import RhythmCore
import Testing

@testable import RhythmUI

@Suite("Steps triage, through the reducer")
struct TriageTests {
  private func onSteps() -> AppState {
    var state = Fixtures.demoState()
    Fixtures.press(["3"], &state)
    return state
  }

  private func visible(_ state: AppState) -> [Step] {
    state.steps.visible.compactMap { state.steps.step(atRow: $0) }
  }

  @Test("the list shows open steps by due day, oldest first")
  func defaultList() {
    let state = onSteps()
    let steps = visible(state)
    #expect(!steps.isEmpty)
    #expect(steps.allSatisfy { $0.status == .open })
    #expect(steps.map(\.due) == steps.map(\.due).sorted())
  }

  @Test("filter as you type: @owner, #tag, due<fri, overdue, status:done, words, combined")
  func filter() {
    var state = onSteps()
    Fixtures.press(["/"], &state)
    Fixtures.type("@sam", &state)
    #expect(!visible(state).isEmpty)
    #expect(visible(state).allSatisfy { $0.owner == "sam" && $0.status == .open })
    Fixtures.type(" overdue", &state)
    #expect(visible(state).allSatisfy { $0.owner == "sam" && $0.due < state.today })
    Fixtures.press(["<enter>"], &state)
    #expect(state.steps.filterText == "@sam overdue")

    let check: [(String, (Step) -> Bool)] = [
      ("#crm", { $0.tags.contains("crm") && $0.status == .open }),
      ("due<fri", { $0.due < Day(year: 2026, month: 11, day: 27)! && $0.status == .open }),
      ("status:done", { $0.status == .done }),
      ("proposal status:all", { $0.title.lowercased().contains("proposal") }),
    ]
    for (text, predicate) in check {
      _ = Fixtures.send(.filter, &state)
      Fixtures.press(["ctrl+u"], &state)
      Fixtures.type(text, &state)
      Fixtures.press(["<enter>"], &state)
      #expect(!visible(state).isEmpty, "\(text) matched nothing")
      #expect(visible(state).allSatisfy(predicate), "\(text)")
      let expected = state.data.steps.values.filter(predicate).count
      #expect(visible(state).count == expected, "\(text)")
    }
  }

  @Test("esc abandons a filter being typed and brings the previous one back")
  func cancelFilter() {
    var state = onSteps()
    let all = state.steps.visible.count
    Fixtures.press(["/"], &state)
    Fixtures.type("@sam", &state)
    #expect(state.steps.visible.count < all)
    Fixtures.press(["<esc>"], &state)
    #expect(state.prompt == nil)
    #expect(state.steps.filterText == "")
    #expect(state.steps.visible.count == all)
  }

  @Test("v selects, x marks every selected step done in one commit, u undoes one step at a time")
  func bulkDoneAndUndo() throws {
    var state = onSteps()
    let first = try #require(state.steps.selectedStep)
    Fixtures.press(["v"], &state)
    let second = try #require(state.steps.selectedStep)
    Fixtures.press(["v"], &state)
    #expect(state.steps.marked == [first.id, second.id])
    let effects = Fixtures.press(["x"], &state)
    let changes = [first, second].map {
      Change.update(
        Step.self, id: $0.id, [.set(\.status, .done), .set(\.completedAt, Fixtures.now)])
    }
    #expect(effects == [.commit(changes)])
    #expect(state.data.steps[first.id]?.status == .done)
    #expect(state.data.steps[second.id]?.status == .done)
    #expect(state.steps.marked.isEmpty)
    #expect(!visible(state).contains { $0.id == first.id || $0.id == second.id })
    #expect(state.message?.text == "2 steps done")
    // Each u undoes one step's operation (the last first), as `rhythm undo` does.
    #expect(Fixtures.press(["u"], &state) == [.undo(count: 1)])
    #expect(Fixtures.press(["u"], &state) == [.undo(count: 1)])
    #expect(Fixtures.press(["ctrl+r"], &state) == [.redo(count: 1)])
  }

  @Test("snooze moves due a week; drop and owner and due prompts commit one change per step")
  func otherBulkActions() throws {
    var state = onSteps()
    let step = try #require(state.steps.selectedStep)
    #expect(
      Fixtures.press(["s"], &state) == [
        .commit([.update(Step.self, id: step.id, [.set(\.due, step.due.adding(days: 7))])])
      ])
    let next = try #require(state.steps.selectedStep)
    Fixtures.press(["o"], &state)
    Fixtures.type("@to", &state)
    Fixtures.press(["<tab>"], &state)
    #expect(state.prompt?.field.value == "@tom ")
    #expect(
      Fixtures.press(["<enter>"], &state) == [
        .commit([.update(Step.self, id: next.id, [.set(\.owner, "tom")])])
      ])
    Fixtures.press(["d"], &state)
    Fixtures.type("eom", &state)
    let selected = try #require(state.steps.selectedStep)
    #expect(
      Fixtures.press(["<enter>"], &state) == [
        .commit([
          .update(
            Step.self, id: selected.id,
            [.set(\.due, Day(year: 2026, month: 11, day: 30) ?? selected.due)])
        ])
      ])
    let dropped = try #require(state.steps.selectedStep)
    Fixtures.press(["X"], &state)
    #expect(state.data.steps[dropped.id]?.status == .dropped)
  }

  @Test("e edits the step as one quick-add line and commits only what changed")
  func edit() throws {
    var state = onSteps()
    let step = try #require(state.steps.selectedStep)
    Fixtures.press(["e"], &state)
    #expect(state.prompt?.field.value == AppReducer.quickAddText(step))
    Fixtures.press(["<end>"], &state)
    Fixtures.type(" #urgent", &state)
    let effects = Fixtures.press(["<enter>"], &state)
    #expect(
      effects == [
        .commit([.update(Step.self, id: step.id, [.set(\.tags, step.tags + ["urgent"])])])
      ])
  }

  @Test("enter opens the detail pane and asks for the step's history; moving reloads it")
  func detail() throws {
    var state = onSteps()
    let step = try #require(state.steps.selectedStep)
    #expect(Fixtures.press(["<enter>"], &state) == [.loadHistory(stepID: step.id)])
    let entry = LogEntry(
      at: Fixtures.now, person: "maria", kind: .step, record: step.id,
      fields: [.init(field: "status", old: .string("open"), new: .string("done"))])
    _ = Fixtures.send(.historyLoaded(stepID: step.id, entries: [entry]), &state)
    #expect(state.steps.history?.entries == [entry])
    let effects = Fixtures.press(["j"], &state)
    let next = try #require(state.steps.selectedStep)
    #expect(effects == [.loadHistory(stepID: next.id)])
    Fixtures.press(["k"], &state)
    _ = Fixtures.send(.historyLoaded(stepID: step.id, entries: [entry]), &state)
    assertSnapshotOfState(state, named: "steps-detail-120x40")
  }

  @Test("another process's changes arrive as data and keep the selection on the same step")
  func liveData() throws {
    var state = onSteps()
    Fixtures.press(["j", "j"], &state)
    let selected = try #require(state.steps.selectedStep)
    var data = state.data
    let added = Step(
      id: "01kzzzzzzzzzzzzzzzzzzzzzzz", title: "Added elsewhere", owner: "ana",
      due: Day(year: 2026, month: 1, day: 1)!, createdAt: Fixtures.now)
    data.steps[added.id] = added
    _ = Fixtures.send(.dataChanged(data, message: nil), &state)
    #expect(state.steps.selectedStep?.id == selected.id)
    #expect(visible(state).first?.id == added.id)
  }
}
