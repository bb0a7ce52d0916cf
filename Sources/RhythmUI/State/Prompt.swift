import RhythmCore

/// The one-line input at the bottom of the screen: what it is for and what has been typed.
public struct Prompt: Sendable {
  /// What the typed text becomes.
  public enum Purpose: Hashable, Sendable {
    /// A next step in quick-add form, captured in the live review.
    case capture
    /// A decision (`@decider` optional) in the live review.
    case decision
    /// A note in the live review.
    case note
    /// A headline told in the live review (`-` first: bad news).
    case headline
    /// One attendee's rating of the live review, 1–10.
    case attendeeRating(handle: String)
    /// A new topic for the review's cadence.
    case topic
    /// The meeting's rating, 1–10, when concluding.
    case rating
    /// The steps filter, applied as it is typed.
    case filter
    /// A new owner for the selected steps.
    case owner
    /// A new due day for the selected steps.
    case due
    /// The step, rewritten in quick-add form.
    case edit(stepID: String)
    /// A new step in quick-add form.
    case addStep
    /// This period's value of a metric.
    case metricValue(metricID: String)
    /// A new cadence: `title | rule | agenda`.
    case addCadence
    /// A cadence rewritten as `title | rule | agenda`.
    case editCadence(cadenceID: String)
    /// A `:` command.
    case command
    /// One key: add `handle` as a person and submit the held prompt again (`y`), or go back.
    case confirmPerson(handle: String)
    /// A new person: `handle | name | teams`.
    case addPerson
    /// A person rewritten as `name | teams`.
    case editPerson(handle: String)
    /// A new team's name.
    case addTeam
    /// A team's new name.
    case renameTeam(name: String)
    /// A new metric: `name | @owner | target | unit`.
    case addMetric
    /// A metric rewritten as `name | @owner | target | unit`.
    case editMetric(metricID: String)
    /// A new priority: `title | @owner | quarter`.
    case addPriority
    /// A priority rewritten as `title | @owner | quarter`.
    case editPriority(priorityID: String)
    /// A topic's new title.
    case editTopic(topicID: String)
    /// One attendee's collaboration audit answers: three scores 1–5.
    case auditAnswer(handle: String)
    /// An exchange logged in the live review: `from to what`.
    case exchange
    /// A decision right, `area @decider`: a new one, or a new decider for `rightID`.
    case right(rightID: String?)
  }

  /// What the text is for.
  public var purpose: Purpose
  /// The label before the text.
  public var label: String
  /// The text and cursor.
  public var field: TextField
  /// Completions offered for the word under the cursor (after `tab`).
  public var completions: [String]
  /// The text when the prompt opened (a cancelled filter goes back to it).
  public var original: String
  /// Why the last submit was refused, shown under the line until the text changes.
  public var error: String?
  /// The completions `tab` is cycling through, while the text is as the last `tab` left it.
  public var completionCycle: CompletionCycle?

  /// A prompt with `text` typed so far.
  public init(purpose: Purpose, label: String, text: String = "") {
    self.purpose = purpose
    self.label = label
    field = TextField(value: text)
    completions = []
    original = text
  }
}
