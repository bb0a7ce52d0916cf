import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm audit add|list`: the quarterly collaboration audit, answered with a review.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Answer and list the collaboration audit.",
    discussion: """
      Three questions, each answered 1 (not at all) to 5 (fully) by each attendee:
      risk: do we have mutual risk and reward (shared metrics, not one team winning while
      another loses)? transparency: do people share what is not working? drive: do we all
      have a drive to win, with clear ownership and decision rights?
      """,
    subcommands: [Add.self, List.self])

  /// `rhythm audit add REVIEW --by P --risk N --transparency N --drive N`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record one person's answers (1–5 each) with a review.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The review: 4+ characters of its id.") var review: String
    @Option(help: "Who answers.") var by: String
    @Option(help: "Mutual risk and reward, 1–5.") var risk: Int
    @Option(help: "Transparency, 1–5.") var transparency: Int
    @Option(help: "Drive to win, 1–5.") var drive: Int

    func run() throws {
      let context = try CommandContext(storeOptions)
      let answer = AuditAnswer(risk: risk, transparency: transparency, drive: drive)
      let store = try context.openStore()
      var short = review
      try context.commit(store) { store, _ throws(RhythmError) in
        let found = try References.record(Review.self, review, kind: "review", in: store)
        short = try References.short(Review.self, id: found.id, in: store)
        return try ReviewEdits.answerAudit(found.id, by: by, answer, in: store)
      }
      Output.line(
        "audit \(short): @\(EditRules.handle(by)) risk \(risk), transparency \(transparency), "
          + "drive \(drive)")
    }
  }

  /// `rhythm audit list [--cadence C] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the reviews with audit answers, oldest first, with their means.",
      discussion: """
        --json prints one object per review {review (its id), short, cadence, occurrence,
        answers [{by, risk, transparency, drive}], mean {risk, transparency, drive, overall},
        exchanges (logged in the review's quarter)}.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only this cadence's reviews.") var cadence: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let cadenceID = try cadence.map { (text) throws(RhythmError) in
        try CadenceSupport.cadence(text, in: store).id
      }
      let reviews = try store.records(Review.self)
      let audits = reviews.values.filter { cadenceID == nil || $0.cadence == cadenceID }
        .compactMap(AuditSummary.init)
        .sorted { ($0.review.occurrence, $0.review.id) < ($1.review.occurrence, $1.review.id) }
      let cadences = try store.records(Cadence.self)
      let exchanges = try store.records(Exchange.self).values.map {
        Day(containing: $0.createdAt, in: context.timeZone)
      }
      let shorts = ShortIDs.map(Array(reviews.keys))
      func zone(_ summary: AuditSummary) -> TimeZone {
        cadences[summary.review.cadence].flatMap { TimeZone(identifier: $0.timeZone) }
          ?? context.timeZone
      }
      func quarterCount(_ summary: AuditSummary) -> Int {
        let quarter = Quarter(
          containing: Day(containing: summary.review.occurrence, in: zone(summary)))
        return exchanges.filter(quarter.contains).count
      }
      if json {
        Output.json(
          .array(
            audits.map { summary in
              .object([
                "review": .string(summary.review.id),
                "short": .string(shorts[summary.review.id] ?? summary.review.id),
                "cadence": .string(summary.review.cadence),
                "occurrence": .string(
                  ISOInstant.format(summary.review.occurrence, in: zone(summary))),
                "answers": .array(
                  summary.answers.map { answer in
                    .object([
                      "by": .string(answer.by), "risk": answer.answer.risk.json,
                      "transparency": answer.answer.transparency.json,
                      "drive": answer.answer.drive.json,
                    ])
                  }),
                "mean": .object([
                  "risk": .number(summary.means.risk),
                  "transparency": .number(summary.means.transparency),
                  "drive": .number(summary.means.drive), "overall": .number(summary.means.overall),
                ]),
                "exchanges": quarterCount(summary).json,
              ])
            }))
        return
      }
      guard !audits.isEmpty else {
        Output.line("no audit answers yet")
        return
      }
      var rows = [
        ["review", "when", "cadence", "answers", "risk", "transparency", "drive", "exchanges"]
      ]
      for summary in audits {
        let review = summary.review
        rows.append([
          shorts[review.id] ?? review.id, TimeText.dayAndTime(review.occurrence, zone(summary)),
          cadences[review.cadence]?.title ?? review.cadence, String(summary.answers.count),
          Minutes.score(summary.means.risk), Minutes.score(summary.means.transparency),
          Minutes.score(summary.means.drive), String(quarterCount(summary)),
        ])
      }
      Output.table(rows)
    }
  }
}
