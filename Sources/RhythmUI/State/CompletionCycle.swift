/// Where `tab` left the input line after putting in one of several candidates: the next
/// `tab` puts in the following one, as long as nothing else was typed meanwhile.
public struct CompletionCycle: Hashable, Sendable {
  /// The candidates, those that begin with the typed text first.
  public var candidates: [String]
  /// The candidate in the line now.
  public var index: Int
  /// Where the candidate starts in the text (a character offset).
  public var start: Int
  /// The text as `tab` left it; any other edit ends the cycle.
  public var text: String

  /// A cycle showing `candidates[index]` at `start` in `text`.
  public init(candidates: [String], index: Int, start: Int, text: String) {
    self.candidates = candidates
    self.index = index
    self.start = start
    self.text = text
  }
}
