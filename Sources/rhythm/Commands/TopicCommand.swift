import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm topic add|list|solve|drop|reopen|rank|describe`: what the reviews discuss.
struct TopicCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topic", abstract: "Raise, rank and settle the topics reviews discuss.",
    subcommands: [
      Add.self, List.self, Settle.Solve.self, Settle.Drop.self, Reopen.self, Rank.self,
      Describe.self,
    ])

  /// `rhythm topic add TEXT [--cadence C] [--by P] [--about REF] [--description TEXT]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Raise a topic; prints its short id.",
      discussion: """
        Without --cadence the topic goes to the cadence whose review is live now, when exactly
        one is; else it belongs to no cadence. --about names what it is about (a metric's name
        or id, or a priority, step or headline id); without TEXT the topic is named after it.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The topic.") var text: [String] = []
    @Option(help: "The cadence whose reviews discuss it (part of its title, or of its id).")
    var cadence: String?
    @Option(help: "Who raised it (default: you, when you are a person of the store).") var by:
      String?
    @Option(help: "What it is about: a metric, priority, step or headline.") var about: String?
    @Option(help: "A longer account of it.") var description: String?

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      let title = text.joined(separator: " ")
      if title.trimmingCharacters(in: .whitespaces).isEmpty && about == nil {
        throw ValidationError("give the topic's text, or --about what it is about")
      }
      let edit = try context.commit(store) { store, editContext throws(RhythmError) in
        var cadenceID = try liveCadence(in: store)
        if let cadence { cadenceID = try CadenceSupport.cadence(cadence, in: store).id }
        return try TopicEdits.add(
          title.isEmpty ? nil : title, cadence: cadenceID, by: by, description: description,
          refersTo: try about.map { (text) throws(RhythmError) in try subject(text, in: store) },
          in: store, &editContext)
      }
      guard let id = edit.created else { return }
      Output.line(try References.short(Topic.self, id: id, in: store))
    }

    /// The cadence of the one review live now, if exactly one is.
    private func liveCadence(in store: Store) throws(RhythmError) -> String? {
      let live = try store.records(Review.self).values.filter { $0.status == .live }
      return live.count == 1 ? live.first?.cadence : nil
    }

    /// The id of the metric (by name or id), priority, headline or step `reference` names.
    private func subject(_ reference: String, in store: Store) throws(RhythmError) -> String {
      let metrics = try store.records(Metric.self)
      if let named = metrics.values.first(where: {
        $0.name.lowercased() == reference.lowercased()
      }) {
        return named.id
      }
      let ids =
        Array(metrics.keys) + Array(try store.records(Priority.self).keys)
        + Array(try store.records(Headline.self).keys)
      let kind = "metric, priority, step or headline"
      do {
        return try store.resolve(reference, among: ids, kind: kind)
      } catch .notFound {
        do {
          return try store.resolveStep(reference).id
        } catch .notFound {
          throw .notFound(kind: kind, reference: reference)
        }
      }
    }
  }

  /// `rhythm topic list [--cadence C] [--status open|solved|dropped|all] [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List topics (default: the open ones), in the order the room works them.",
      discussion: """
        Open topics come first, by cadence and rank; then solved and dropped ones, latest
        first. --json prints objects {id, short, title, by, cadence, status, rank (the
        topic's place among its cadence's open topics, 1 first; null when not open),
        createdAt, solvedAt, review (where it was solved or dropped), description, refersTo,
        workedMinutes and workedReviews (the time every review spent on it, and how many)}.
        """)
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only this cadence's topics.") var cadence: String?
    @Option(help: "open, solved, dropped or all.") var status: TopicStatusFilter = .open
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let store = try CommandContext(storeOptions).openStore()
      let topics = try store.records(Topic.self)
      let cadences = try store.records(Cadence.self)
      let chosen = try cadence.map { (text) throws(RhythmError) in
        try CadenceSupport.cadence(text, in: store).id
      }
      // Places in each cadence's queue.
      var places: [String: Int] = [:]
      for key in Set(topics.values.map(\.cadence)) {
        for (offset, topic) in Topic.queue(of: key, in: topics.values).enumerated() {
          places[topic.id] = offset + 1
        }
      }
      let shown = topics.values.filter {
        (chosen == nil || $0.cadence == chosen) && status.admits($0.status)
      }
      .sorted { left, right in
        if (left.status == .open) != (right.status == .open) { return left.status == .open }
        if left.status == .open {
          let leftCadence = left.cadence.flatMap { cadences[$0]?.title } ?? ""
          let rightCadence = right.cadence.flatMap { cadences[$0]?.title } ?? ""
          return (leftCadence, places[left.id] ?? 0, left.id)
            < (rightCadence, places[right.id] ?? 0, right.id)
        }
        return (left.solvedAt ?? left.createdAt, left.id) > (
          right.solvedAt ?? right.createdAt, right.id
        )
      }
      let shorts = ShortIDs.map(Array(topics.keys))
      let worked = TopicTimeWorked.byTopic(
        in: try store.records(Review.self).values, now: store.clock.now)
      if json {
        Output.json(
          .array(
            shown.map { topic in
              .object([
                "id": .string(topic.id), "short": .string(shorts[topic.id] ?? topic.id),
                "title": .string(topic.title), "by": JSONValue(topic.by),
                "cadence": JSONValue(topic.cadence), "status": .string(topic.status.rawValue),
                "rank": places[topic.id].map { .number(Double($0)) } ?? .null,
                "createdAt": JSONValue(topic.createdAt), "solvedAt": JSONValue(topic.solvedAt),
                "review": JSONValue(topic.review), "description": JSONValue(topic.description),
                "refersTo": JSONValue(topic.refersTo),
                "workedMinutes": .number(Double(worked[topic.id]?.minutes ?? 0)),
                "workedReviews": .number(Double(worked[topic.id]?.reviews ?? 0)),
              ])
            }))
        return
      }
      guard !shown.isEmpty else {
        Output.line(status == .open ? "no open topics" : "no topics")
        return
      }
      Output.table(
        shown.map { topic in
          [
            shorts[topic.id] ?? topic.id, places[topic.id].map { "#\($0)" } ?? "",
            topic.cadence.flatMap { cadences[$0]?.title } ?? "-", topic.status.rawValue,
            topic.by.map { "@" + $0 } ?? "", worked[topic.id]?.minutes.map { "\($0)m" } ?? "",
            topic.title,
          ]
        })
    }
  }

  /// `rhythm topic solve|drop ID [--review R]`.
  enum Settle {
    /// Marks a topic solved.
    struct Solve: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Mark a topic solved (in its cadence's live review, or --review).")
      @OptionGroup var storeOptions: StoreOptions
      @Argument(help: "The topic: 4+ characters of its id.") var id: String
      @Option(help: "The review it was solved in.") var review: String?

      func run() throws {
        try Settle.run(.solved, id: id, review: review, options: storeOptions)
      }
    }

    /// Drops a topic.
    struct Drop: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "drop", abstract: "Drop a topic (no longer worth discussing).")
      @OptionGroup var storeOptions: StoreOptions
      @Argument(help: "The topic: 4+ characters of its id.") var id: String
      @Option(help: "The review it was dropped in.") var review: String?

      func run() throws {
        try Settle.run(.dropped, id: id, review: review, options: storeOptions)
      }
    }

    static func run(
      _ status: Topic.Status, id: String, review: String?, options: StoreOptions
    ) throws {
      try TopicCommand.change(id, options: options, verb: status.rawValue) {
        topic, store, editContext throws(RhythmError) in
        let reviewID = try References.review(review, in: store)
        return status == .solved
          ? try TopicEdits.solve(topic, review: reviewID, in: store, editContext)
          : try TopicEdits.drop(topic, review: reviewID, in: store, editContext)
      }
    }
  }

  /// `rhythm topic reopen ID`.
  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reopen",
      abstract: "Open a solved or dropped topic again (last in its cadence's queue).")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The topic: 4+ characters of its id.") var id: String

    func run() throws {
      try TopicCommand.change(id, options: storeOptions, verb: "reopened") {
        topic, store, _ throws(RhythmError) in try TopicEdits.reopen(topic, in: store)
      }
    }
  }

  /// `rhythm topic rank ID N`.
  struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rank",
      abstract: "Move an open topic to place N (1 = first) among its cadence's open topics.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The topic: 4+ characters of its id.") var id: String
    @Argument(help: "Its new place, 1 first; past the end puts it last.") var position: Int

    func run() throws {
      let context = try CommandContext(storeOptions)
      let store = try context.openStore()
      var topicID = id
      try context.commit(store) { store, _ throws(RhythmError) in
        topicID = try References.record(Topic.self, id, kind: "topic", in: store).id
        return try TopicEdits.rank(topicID, to: position, in: store)
      }
      let topics = try store.records(Topic.self)
      let cadence = topics[topicID]?.cadence
      let place = Topic.queue(of: cadence, in: topics.values).firstIndex { $0.id == topicID }
      Output.line(
        "\(try References.short(Topic.self, id: topicID, in: store)) is #\((place ?? 0) + 1)")
    }
  }

  /// `rhythm topic describe ID TEXT`.
  struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "describe",
      abstract: "Write a topic's description (an empty TEXT clears it).")
    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The topic: 4+ characters of its id.") var id: String
    @Argument(help: "The description.") var text: String

    func run() throws {
      try TopicCommand.change(id, options: storeOptions, verb: "described") {
        topic, store, _ throws(RhythmError) in try TopicEdits.describe(topic, text, in: store)
      }
    }
  }
}

extension TopicCommand {
  /// Resolves the topic `reference` names, commits what `edit` makes of it (given its full id),
  /// and prints `verb` with the topic's short id.
  static func change(
    _ reference: String, options: StoreOptions, verb: String,
    _ edit: (String, Store, EditContext) throws(RhythmError) -> Edit
  ) throws {
    let context = try CommandContext(options)
    let store = try context.openStore()
    var short = reference
    try context.commit(store) { store, editContext throws(RhythmError) in
      let topic = try References.record(Topic.self, reference, kind: "topic", in: store)
      short = try References.short(Topic.self, id: topic.id, in: store)
      return try edit(topic.id, store, editContext)
    }
    Output.line("\(verb) \(short)")
  }
}

/// Which topics `topic list --status` shows.
enum TopicStatusFilter: String, ExpressibleByArgument, CaseIterable {
  case open, solved, dropped, all

  func admits(_ status: Topic.Status) -> Bool {
    self == .all || rawValue == status.rawValue
  }
}
