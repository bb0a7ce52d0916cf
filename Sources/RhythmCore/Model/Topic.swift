import Foundation

/// Something raised for discussion in a cadence's reviews: identified, discussed and solved
/// (solving it yields decisions and steps, which name it), or dropped. An unsolved topic stays
/// open for the next review.
public struct Topic: Record, Hashable {
  /// Where a topic stands.
  public enum Status: String, Codable, Sendable, CaseIterable {
    case open, solved, dropped
  }

  public static let kind = RecordKind.topic
  public var id: String
  public var title: String
  /// The handle of who raised it, when known.
  public var by: String?
  /// The cadence whose reviews work it.
  public var cadence: String?
  public var status: Status
  /// Its order among the cadence's open topics, lowest first. Fractional, so moving one topic
  /// writes only its own rank (two people ranking different topics never collide).
  public var rank: Double
  public var createdAt: Date
  /// When it was solved or dropped.
  public var solvedAt: Date?
  /// The review it was solved or dropped in.
  public var review: String?
  /// A longer account of it, when someone wrote one.
  public var description: String?
  /// What it is about: the id of a metric, priority, step or headline.
  public var refersTo: String?
  public var deleted: Bool?

  /// An open topic.
  public init(
    id: String, title: String, by: String? = nil, cadence: String? = nil, rank: Double,
    createdAt: Date, description: String? = nil, refersTo: String? = nil
  ) {
    self.id = id
    self.title = title
    self.by = by
    self.cadence = cadence
    self.status = .open
    self.rank = rank
    self.createdAt = createdAt
    self.description = description
    self.refersTo = refersTo
  }
}

/// One line of good or bad news about customers or people, told in a review.
public struct Headline: Record, Hashable {
  /// Whether the news is good or bad.
  public enum Tone: String, Codable, Sendable, CaseIterable {
    case good, bad
  }

  public static let kind = RecordKind.headline
  public var id: String
  public var text: String
  /// The handle of who told it, when known.
  public var by: String?
  /// The review it was told in.
  public var review: String
  public var tone: Tone
  public var createdAt: Date
  public var deleted: Bool?

  /// A headline told in `review` at `createdAt`.
  public init(
    id: String, text: String, by: String? = nil, review: String, tone: Tone = .good,
    createdAt: Date
  ) {
    self.id = id
    self.text = text
    self.by = by
    self.review = review
    self.tone = tone
    self.createdAt = createdAt
  }
}

/// A decision right: who decides in an area (campaign spend, pricing exceptions), for one
/// cadence or for everyone.
public struct DecisionRight: Record, Hashable {
  public static let kind = RecordKind.right
  public var id: String
  public var area: String
  /// The handle of the person who decides.
  public var decider: String
  /// The cadence whose room agreed it; `nil` for the whole organisation.
  public var cadence: String?
  public var deleted: Bool?

  /// `decider` decides in `area`.
  public init(id: String, area: String, decider: String, cadence: String? = nil) {
    self.id = id
    self.area = area
    self.decider = decider
    self.cadence = cadence
  }
}
