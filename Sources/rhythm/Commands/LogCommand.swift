import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm log [ID] [--json] [--limit N]`: who changed what, from the journals.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "Show who changed what: a record's history, or the store's.",
    discussion: """
      Every operation from every device's journal, oldest first: when, who, the device, the
      record, and each field's old and new value. ID is any record's id (4+ characters of its
      ending or beginning), or a person's handle; without it, the whole store.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "A record: a step, review, cadence, decision, metric… or @handle.") var id:
    String?
  @Option(help: "Only the last N operations.") var limit: Int?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    let store = try CommandContext(storeOptions).openStore()
    let record = try id.map { (reference) throws(RhythmError) in
      try LogCommand.resolve(reference, in: store)
    }
    var entries = try store.log(of: record)
    if let limit { entries = Array(entries.suffix(limit)) }
    if json {
      Output.json(.array(entries.map(\.json)))
      return
    }
    let shorts = ShortIDs.map(Array(Set(entries.map(\.record))))
    Output.table(
      entries.map { entry in
        [
          TimeText.local(entry.at, .current), "@" + entry.person, entry.device,
          entry.kind.rawValue + " " + (entry.kind == .person ? "@" : "")
            + (entry.kind == .person || entry.kind == .team
              ? entry.record : shorts[entry.record] ?? entry.record),
          entry.summary,
        ]
      })
  }

  /// The id of the one record `reference` names, whatever its kind.
  static func resolve(_ reference: String, in store: Store) throws(RhythmError) -> String {
    let handle = EditRules.handle(reference)
    let person = try store.live(Person.self, id: handle)
    if reference.hasPrefix("@") || person != nil {
      guard person != nil else { throw .unknownPerson(handle) }
      return handle
    }
    if try store.live(Team.self, id: reference) != nil { return reference }
    var found: [String] = []
    do {
      found.append(try store.resolveStep(reference).id)
    } catch .notFound {
    } catch {
      throw error
    }
    for kind in RecordKind.allCases where kind != .step && kind != .person && kind != .team {
      func ids<R: Record>(_ type: R.Type) throws(RhythmError) -> [String] {
        Array(try store.all(R.self).keys)
      }
      do {
        found.append(
          try store.resolve(reference, among: try ids(kind.recordType), kind: kind.rawValue))
      } catch .notFound {
      } catch {
        throw error
      }
    }
    guard let first = found.first else { throw .notFound(kind: "record", reference: reference) }
    guard found.count == 1 else {
      throw .ambiguous(kind: "record", reference: reference, candidates: found.sorted())
    }
    return first
  }
}
