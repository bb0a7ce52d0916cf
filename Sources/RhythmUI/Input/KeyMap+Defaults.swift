// MARK: - The default bindings

extension KeyMap {
  /// Rhythm's default keymap.
  public static let defaults = KeyMap(bindings: defaultBindings)

  private static let defaultBindings: [Binding] =
    input + review + ratingDigits + steps + cockpit + cadences + people + metrics + setup + global

  private static let input: [Binding] = [
    Binding(
      id: "input.submit", keys: ["<enter>"], action: .submit, description: "Accept",
      contexts: [.input], hint: "accept"),
    Binding(
      id: "input.cancel", keys: ["<esc>", "ctrl+c"], action: .cancel, description: "Cancel",
      contexts: [.input], hint: "cancel"),
    Binding(
      id: "input.complete", keys: ["<tab>"], action: .complete,
      description: "Complete @owner, #tag or date", contexts: [.input], hint: "complete"),
  ]

  private static let review: [Binding] = [
    Binding(
      id: "review.start", keys: ["s"], action: .startReview, description: "Start the review",
      contexts: [.review], hint: "start"),
    Binding(
      id: "review.next-section", keys: ["n"], action: .nextSection,
      description: "Next agenda section", contexts: [.review], hint: "next"),
    Binding(
      id: "review.previous-section", keys: ["p"], action: .previousSection,
      description: "Previous agenda section", contexts: [.review]),
    Binding(
      id: "review.checkin-toggle", keys: ["<space>"], action: .checkinToggle,
      description: "Check-in: not done (again: flip the answer)", contexts: [.review],
      hint: "not done"),
    Binding(
      id: "review.checkin-done", keys: ["x"], action: .checkinDone,
      description: "Check-in: done (marks the step done)", contexts: [.review], hint: "done"),
    Binding(
      id: "review.capture", keys: ["a"], action: .captureStep,
      description: "Capture a next step (@owner due:fri #tag)", contexts: [.review],
      hint: "step"),
    Binding(
      id: "review.decision", keys: ["D"], action: .recordDecision,
      description: "Record a decision (@decider)", contexts: [.review], hint: "decision"),
    Binding(
      id: "review.note", keys: ["N"], action: .recordNote, description: "Take a note",
      contexts: [.review], hint: "note"),
    Binding(
      id: "review.topic", keys: ["t"], action: .raiseTopic,
      description: "Raise a topic for this cadence", contexts: [.review], hint: "topic"),
    Binding(
      id: "review.topic-down", keys: ["J"], action: .rankTopic(by: 1),
      description: "Topics: move the selected topic down", contexts: [.review]),
    Binding(
      id: "review.topic-up", keys: ["K"], action: .rankTopic(by: -1),
      description: "Topics: move the selected topic up", contexts: [.review]),
    Binding(
      id: "review.topic-solve", keys: ["S"], action: .solveTopic,
      description: "Topics: mark the selected topic solved", contexts: [.review],
      hint: "solved"),
    Binding(
      id: "review.open", keys: ["<enter>"], action: .open,
      description:
        "Open: the metric's value, work the topic (again: leave it), audit answers, a decision right",
      contexts: [.review], hint: "open"),
    Binding(
      id: "review.priority-on-track", keys: ["o"], action: .priorityStatus(.onTrack),
      description: "Priorities: the selected one is on track", contexts: [.review],
      hint: "on track"),
    Binding(
      id: "review.priority-off-track", keys: ["f"], action: .priorityStatus(.offTrack),
      description: "Priorities: the selected one is off track", contexts: [.review],
      hint: "off track"),
    Binding(
      id: "review.priority-done", keys: ["d"], action: .priorityStatus(.done),
      description: "Priorities: the selected one is done", contexts: [.review], hint: "done"),
    Binding(
      id: "review.headline", keys: ["H"], action: .recordHeadline,
      description: "Tell a headline (- first: bad news)", contexts: [.review]),
    Binding(
      id: "review.attend", keys: ["A"], action: .toggleAttendance,
      description: "Conclude: the selected participant came (again: did not)",
      contexts: [.review], hint: "attended"),
    Binding(
      id: "review.rate-attendee", keys: ["R"], action: .rateAsAttendee,
      description: "Conclude: the selected participant's rating 1–10", contexts: [.review],
      hint: "their rating"),
    Binding(
      id: "review.unclear", keys: ["U"], action: .cycleUnclear,
      description: "Conclude: anything unclear about who does what? yes (again: no)",
      contexts: [.review], hint: "unclear"),
    Binding(
      id: "review.conclude", keys: ["c"], action: .conclude,
      description: "Conclude: rating (asked unless attendees rated), recap, minutes",
      contexts: [.review], hint: "conclude"),
    Binding(
      id: "review.minutes-sent", keys: ["m"], action: .minutesSent,
      description: "Mark the minutes as sent", contexts: [.review], hint: "minutes sent"),
    Binding(
      id: "review.pause", keys: ["P"], action: .togglePause,
      description: "Pause the meeting and its timers (again: resume)", contexts: [.review]),
    Binding(
      id: "review.drop", keys: ["X"], action: .dropSelected,
      description: "Drop the selected topic, or remove the selected decision right",
      contexts: [.review]),
    Binding(
      id: "review.topic-reopen", keys: ["O"], action: .reopenTopic,
      description: "Topics: reopen the selected topic settled in this review",
      contexts: [.review]),
    Binding(
      id: "review.make-topic", keys: ["T"], action: .makeTopic,
      description: "Make the selected metric, priority, headline or step a topic",
      contexts: [.review]),
    Binding(
      id: "review.exchange", keys: ["E"], action: .recordExchange,
      description: "Log an exchange: @from @to (or teams) what was given", contexts: [.review]),
    Binding(
      id: "review.right-add", keys: ["+"], action: .addRight,
      description: "Decision rights: add an area and its @decider", contexts: [.review]),
  ]

  private static let steps: [Binding] = [
    Binding(
      id: "steps.filter", keys: ["/"], action: .filter,
      description: "Filter: words @owner #tag due<fri overdue status:done", contexts: [.steps],
      hint: "filter"),
    Binding(
      id: "steps.mark", keys: ["v"], action: .toggleMark, description: "Select for bulk action",
      contexts: [.steps], hint: "select"),
    Binding(
      id: "steps.done", keys: ["x"], action: .markDone, description: "Done",
      contexts: [.steps], hint: "done"),
    Binding(
      id: "steps.owner", keys: ["o"], action: .changeOwner, description: "Change owner",
      contexts: [.steps], hint: "owner"),
    Binding(
      id: "steps.due", keys: ["d"], action: .changeDue, description: "Change due day",
      contexts: [.steps], hint: "due"),
    Binding(
      id: "steps.snooze", keys: ["s"], action: .snooze, description: "Snooze a week",
      contexts: [.steps], hint: "snooze"),
    Binding(
      id: "steps.drop", keys: ["X"], action: .drop, description: "Drop", contexts: [.steps]),
    Binding(
      id: "steps.reopen", keys: ["R"], action: .reopen, description: "Reopen",
      contexts: [.steps]),
    Binding(
      id: "steps.edit", keys: ["e"], action: .edit, description: "Edit (quick-add form)",
      contexts: [.steps], hint: "edit"),
    Binding(
      id: "steps.add", keys: ["a"], action: .addStep, description: "Add a step",
      contexts: [.steps]),
    Binding(
      id: "steps.sort", keys: ["S"], action: .cycleSort,
      description: "Sort by due, owner, status, created", contexts: [.steps]),
    Binding(
      id: "steps.detail", keys: ["<enter>"], action: .toggleDetail,
      description: "Show or hide the detail pane with history", contexts: [.steps]),
    Binding(
      id: "steps.undo", keys: ["u"], action: .undo, description: "Undo", contexts: [.steps],
      hint: "undo"),
    Binding(
      id: "steps.redo", keys: ["ctrl+r"], action: .redo, description: "Redo",
      contexts: [.steps]),
  ]

  private static let cockpit: [Binding] = [
    Binding(
      id: "cockpit.open", keys: ["<enter>"], action: .open,
      description: "Open the selected review or step", contexts: [.cockpit], hint: "open"),
    Binding(
      id: "cockpit.start-review", keys: ["r"], action: .startReview,
      description: "Start the selected (or next) review", contexts: [.cockpit, .cadences],
      hint: "start review"),
  ]

  private static let cadences: [Binding] = [
    Binding(
      id: "cadences.add", keys: ["a"], action: .addCadence,
      description: "Add a cadence: title | rule | agenda | @participants", contexts: [.cadences],
      hint: "add"),
    Binding(
      id: "cadences.edit", keys: ["e"], action: .editCadence,
      description: "Edit title | rule | agenda | @participants", contexts: [.cadences],
      hint: "edit"),
    Binding(
      id: "cadences.skip", keys: ["K"], action: .skipOccurrence,
      description: "Skip the next occurrence", contexts: [.cadences], hint: "skip next"),
    Binding(
      id: "cadences.previous", keys: ["[", "<"], action: .previousPeriod,
      description: "Calendar: previous month", contexts: [.cadences]),
    Binding(
      id: "cadences.next", keys: ["]", ">"], action: .nextPeriod,
      description: "Calendar: next month", contexts: [.cadences]),
    Binding(
      id: "cadences.span", keys: ["Q"], action: .toggleCalendarSpan,
      description: "Calendar: month / quarter", contexts: [.cadences], hint: "month/quarter"),
    Binding(
      id: "cadences.open", keys: ["<enter>"], action: .open,
      description: "Open the next review", contexts: [.cadences]),
  ]

  private static let people: [Binding] = [
    Binding(
      id: "people.open", keys: ["<enter>"], action: .open,
      description: "Open the person's open steps", contexts: [.people], hint: "their steps")
  ]

  /// `1`…`9` and `0` in the conclude section: one key per rating, down the list; `1`…`5` in
  /// the audit section: one key per answer.
  private static let ratingDigits: [Binding] = (0...9).map { digit in
    Binding(
      id: "review.rate-\(digit)", keys: [String(digit)], action: .rateDigit(digit),
      description: "Conclude: the selected participant rates it \(digit == 0 ? 10 : digit)"
        + ((1...5).contains(digit) ? "; audit: the selected attendee's next answer" : "")
        + " (other sections: as everywhere)", contexts: [.review])
  }

  private static let metrics: [Binding] = [
    Binding(
      id: "metrics.enter", keys: ["<enter>"], action: .enterValue,
      description: "Enter this period's value", contexts: [.metrics], hint: "enter value")
  ]

  private static let global: [Binding] = [
    Binding(
      id: "global.cockpit", keys: ["1"], action: .showScreen(.cockpit),
      description: "Cockpit", contexts: [.global]),
    Binding(
      id: "global.review", keys: ["2"], action: .showScreen(.review), description: "Review",
      contexts: [.global]),
    Binding(
      id: "global.steps", keys: ["3"], action: .showScreen(.steps), description: "Steps",
      contexts: [.global]),
    Binding(
      id: "global.cadences", keys: ["4"], action: .showScreen(.cadences),
      description: "Cadences", contexts: [.global]),
    Binding(
      id: "global.people", keys: ["5"], action: .showScreen(.people), description: "People",
      contexts: [.global]),
    Binding(
      id: "global.metrics", keys: ["6"], action: .showScreen(.metrics),
      description: "Metrics", contexts: [.global]),
    Binding(
      id: "global.down", keys: ["j", "<down>"], action: .moveDown, description: "Down",
      contexts: [.global]),
    Binding(
      id: "global.up", keys: ["k", "<up>"], action: .moveUp, description: "Up",
      contexts: [.global]),
    Binding(
      id: "global.page-down", keys: ["ctrl+d", "<pgdn>"], action: .pageDown,
      description: "Page down", contexts: [.global]),
    Binding(
      id: "global.page-up", keys: ["ctrl+u", "<pgup>"], action: .pageUp,
      description: "Page up", contexts: [.global]),
    Binding(
      id: "global.top", keys: ["g", "<home>"], action: .moveTop, description: "First row",
      contexts: [.global]),
    Binding(
      id: "global.bottom", keys: ["G", "<end>"], action: .moveBottom, description: "Last row",
      contexts: [.global]),
    Binding(
      id: "global.command", keys: [":"], action: .commandLine,
      description: "Command line (:1…:6, :q, :filter …)", contexts: [.global]),
    Binding(
      id: "global.help", keys: ["?"], action: .toggleHelp, description: "Help",
      contexts: [.global], hint: "help"),
    Binding(
      id: "global.back", keys: ["q", "<esc>"], action: .back,
      description: "Back (quit on the cockpit)", contexts: [.global], hint: "back"),
    Binding(
      id: "global.search", keys: ["/"], action: .filter, description: "Search steps",
      contexts: [.global]),
    Binding(
      id: "global.undo", keys: ["u"], action: .undo, description: "Undo the last change",
      contexts: [.global]),
    Binding(
      id: "global.redo", keys: ["ctrl+r"], action: .redo, description: "Redo",
      contexts: [.global]),
    Binding(
      id: "global.quit", keys: ["ctrl+c"], action: .quit, description: "Quit",
      contexts: [.global]),
  ]
}
