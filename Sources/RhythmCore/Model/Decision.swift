import Foundation

/// What was decided, by whom, and in which review.
public struct Decision: Record, Hashable {
  public static let kind = RecordKind.decision
  public var id: String
  public var text: String
  /// The handle of the person with the decision right, when known.
  public var decidedBy: String?
  public var review: String?
  public var createdAt: Date
  public var tags: [String]
  /// The topic it settled, when one was open as it was recorded.
  public var topic: String?
  public var deleted: Bool?

  /// A decision made at `createdAt`.
  public init(
    id: String, text: String, decidedBy: String? = nil, review: String? = nil, createdAt: Date,
    tags: [String] = [], topic: String? = nil
  ) {
    self.id = id
    self.text = text
    self.decidedBy = decidedBy
    self.review = review
    self.createdAt = createdAt
    self.tags = tags
    self.topic = topic
  }
}

/// A note taken during a review.
public struct Note: Record, Hashable {
  public static let kind = RecordKind.note
  public var id: String
  public var text: String
  public var review: String?
  public var author: String?
  public var createdAt: Date
  public var deleted: Bool?

  /// A note taken at `createdAt`.
  public init(
    id: String, text: String, review: String? = nil, author: String? = nil, createdAt: Date
  ) {
    self.id = id
    self.text = text
    self.review = review
    self.author = author
    self.createdAt = createdAt
  }
}
