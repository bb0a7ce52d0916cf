import Foundation

/// Everything in a store, replayed and typed: what the cockpit works on. Records removed by an
/// undone creation are left out of the sections (and kept aside, so a redo brings them back).
///
/// Every change reaches it through `apply`: per field, the write with the greatest stamp wins,
/// whatever order operations arrive in, so a state kept current by applying operations one by
/// one equals a replay of them all.
public struct StoreState: Sendable {
  public var people: [String: Person] = [:]
  public var teams: [String: Team] = [:]
  public var cadences: [String: Cadence] = [:]
  public var reviews: [String: Review] = [:]
  public var steps: [String: Step] = [:]
  public var decisions: [String: Decision] = [:]
  public var notes: [String: Note] = [:]
  public var metrics: [String: Metric] = [:]
  public var priorities: [String: Priority] = [:]
  public var exchanges: [String: Exchange] = [:]
  public var topics: [String: Topic] = [:]
  public var headlines: [String: Headline] = [:]
  public var rights: [String: DecisionRight] = [:]

  /// The stamp of the fields of records read from a snapshot, which keeps values, not the
  /// stamps that wrote them (`nil`: no snapshot, every field came from an operation here).
  public var snapshotStamp: Stamp? {
    didSet {
      if let snapshotStamp, latestStamp.map({ snapshotStamp > $0 }) ?? true {
        latestStamp = snapshotStamp
      }
    }
  }
  /// The greatest stamp of the operations applied here (or of the snapshot).
  public internal(set) var latestStamp: Stamp?
  /// The stamps of the fields written by operations applied here, by record.
  var stamps: [RecordKey: FieldStamps] = [:]
  /// Removed records (an undone creation), kept so that a redo brings them back.
  var removed: [RecordKey: any Record] = [:]
  /// Fields that arrived before their record's creation.
  var orphans: [RecordKey: [String: StampedValue]] = [:]

  /// An empty state.
  public init() {}
}

/// One record of one kind.
struct RecordKey: Hashable, Sendable {
  var kind: RecordKind
  var id: String
}

/// A field's value as an operation wrote it, with the operation's stamp.
struct StampedValue: Sendable {
  var json: JSONValue
  var stamp: Stamp
}
