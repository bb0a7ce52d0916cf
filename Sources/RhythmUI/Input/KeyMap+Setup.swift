// MARK: - The bindings of setting up from the cockpit

extension KeyMap {
  /// Adding and editing people, teams, metrics, priorities and topics, and `$EDITOR`.
  static let setup: [Binding] = [
    Binding(
      id: "input.editor", keys: ["ctrl+x"], action: .openEditor,
      description: "Write the note in $EDITOR (vi when unset)", contexts: [.input],
      hint: "editor"),
    Binding(
      id: "people.add", keys: ["a"], action: .addItem,
      description: "Add a person: handle | name | teams", contexts: [.people], hint: "add"),
    Binding(
      id: "people.edit", keys: ["e"], action: .editItem,
      description: "Edit the selected person (name | teams), or rename the selected team",
      contexts: [.people], hint: "edit"),
    Binding(
      id: "people.team", keys: ["T"], action: .addTeam, description: "Add a team",
      contexts: [.people], hint: "team"),
    Binding(
      id: "metrics.add", keys: ["a"], action: .addItem,
      description: "Add a metric (name | @owner | >=target | unit), or a priority "
        + "(title | @owner | quarter)", contexts: [.metrics], hint: "add"),
    Binding(
      id: "metrics.edit", keys: ["e"], action: .editItem,
      description: "Edit the selected metric or priority", contexts: [.metrics], hint: "edit"),
    Binding(
      id: "metrics.priorities", keys: ["P", "<tab>"], action: .togglePriorities,
      description: "Scorecard / priorities", contexts: [.metrics],
      hint: "scorecard/priorities"),
    Binding(
      id: "review.edit", keys: ["e"], action: .editItem,
      description: "Topics, Priorities: edit the selected topic's title or priority",
      contexts: [.review]),
    Binding(
      id: "review.describe-topic", keys: ["ctrl+x"], action: .describeTopic,
      description: "Topics: write the selected topic's description in $EDITOR",
      contexts: [.review]),
  ]
}
