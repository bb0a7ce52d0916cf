import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm decision add|list`.
struct DecisionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decision", abstract: "Record and list decisions.",
    subcommands: [Add.self, List.self])

  /// `rhythm decision add TEXT [--by P] [--review R] [--tag T]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Record a decision.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "What was decided.") var text: [String]
    @Option(help: "Who holds the decision right.") var by: String?
    @Option(help: "The review it was made in.") var review: String?
    @Option(help: "A tag; repeat for several.") var tag: [String] = []
    @Option(help: "The topic it settles (id or short id).") var topic: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let words = text.joined(separator: " ").trimmingCharacters(in: .whitespaces)
      guard !words.isEmpty else { throw ValidationError("the decision has no text") }
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        let reviewID = try review.map { (text) throws(RhythmError) in
          try store.resolve(text, among: try store.records(Review.self).keys, kind: "review")
        }
        return try MeetingEdits.decide(
          words, decider: by, review: reviewID, tags: tag,
          topic: try References.topic(topic, in: store), in: store, &editContext)
      }
      Output.line(String((edit.created ?? "").suffix(6)))
    }
  }

  /// `rhythm decision list [--review R] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List decisions, newest first.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only decisions of this review.") var review: String?
    @Option(help: "At most this many.") var limit: Int?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      // Newest first; the id orders those made in the same instant the same on every device.
      var decisions = try store.records(Decision.self).values.sorted {
        ($0.createdAt, $0.id) > ($1.createdAt, $1.id)
      }
      if let review {
        let id = try store.resolve(
          review, among: try store.records(Review.self).keys, kind: "review")
        decisions = decisions.filter { $0.review == id }
      }
      if let limit { decisions = Array(decisions.prefix(max(0, limit))) }
      if json {
        Output.json(
          .array(
            decisions.map { decision in
              .object([
                "id": .string(decision.id), "text": .string(decision.text),
                "decidedBy": JSONValue(decision.decidedBy), "review": JSONValue(decision.review),
                "createdAt": JSONValue(decision.createdAt), "tags": JSONValue(decision.tags),
                "topic": JSONValue(decision.topic),
              ])
            }))
        return
      }
      Output.table(
        decisions.map { decision in
          [
            String(ISOInstant.format(decision.createdAt).prefix(10)),
            decision.decidedBy.map { "@" + $0 } ?? "",
            decision.text,
          ]
        })
    }
  }
}
