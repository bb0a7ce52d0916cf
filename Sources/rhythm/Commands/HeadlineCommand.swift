import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm headline add|list`: one-line good or bad news told in a review.
struct HeadlineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "headline", abstract: "Tell and list one-line news about customers and people.",
    subcommands: [Add.self, List.self])

  /// `rhythm headline add TEXT --review R [--bad] [--by P]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a headline in a review; prints its short id.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The news, in one line.") var text: [String]
    @Option(help: "The review it is told in: 4+ characters of its id.") var review: String
    @Flag(help: "Bad news (default: good).") var bad = false
    @Option(help: "Who told it (default: you, when you are a person of the store).") var by: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        try MeetingEdits.headline(
          text.joined(separator: " "), tone: bad ? .bad : .good, by: by,
          review: try References.record(Review.self, review, kind: "review", in: store).id,
          in: store, &editContext)
      }
      guard let id = edit.created else { return }
      Output.line(try References.short(Headline.self, id: id, in: store))
    }
  }

  /// `rhythm headline list [--review R] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List headlines, newest first.",
      discussion:
        "--json prints objects {id, short, text, tone (good or bad), by, review, createdAt}.")
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only those of this review.") var review: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let reviewID = try References.review(review, in: store)
      let all = try store.records(Headline.self)
      let headlines = all.values.filter { reviewID == nil || $0.review == reviewID }
        .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
      let shorts = ShortIDs.map(Array(all.keys))
      if json {
        Output.json(
          .array(
            headlines.map { headline in
              .object([
                "id": .string(headline.id), "short": .string(shorts[headline.id] ?? headline.id),
                "text": .string(headline.text), "tone": .string(headline.tone.rawValue),
                "by": JSONValue(headline.by), "review": .string(headline.review),
                "createdAt": JSONValue(headline.createdAt),
              ])
            }))
        return
      }
      guard !headlines.isEmpty else {
        Output.line("no headlines")
        return
      }
      Output.table(
        headlines.map { headline in
          [
            shorts[headline.id] ?? headline.id,
            Day(containing: headline.createdAt, in: context.timeZone).description,
            headline.tone.rawValue, headline.by.map { "@" + $0 } ?? "", headline.text,
          ]
        })
    }
  }
}
