import Foundation

/// One review's collaboration audit: each attendee's answers and the means per question,
/// derived from the review (never stored).
public struct AuditSummary: Sendable, Equatable {
  /// The means of the three questions, and of all answers.
  public struct Means: Sendable, Equatable {
    public var risk: Double
    public var transparency: Double
    public var drive: Double

    /// The three means' mean.
    public var overall: Double { (risk + transparency + drive) / 3 }
  }

  public var review: Review
  /// Answers by handle, in handle order.
  public var answers: [(by: String, answer: AuditAnswer)]
  public var means: Means

  /// The audit of `review`; `nil` when nobody answered it.
  public init?(_ review: Review) {
    guard !review.audit.isEmpty else { return nil }
    self.review = review
    let answers = review.audit.keys.sorted().compactMap { handle in
      review.audit[handle].map { (by: handle, answer: $0) }
    }
    func mean(_ value: (AuditAnswer) -> Int) -> Double {
      Double(answers.reduce(0) { $0 + value($1.answer) }) / Double(answers.count)
    }
    self.answers = answers
    means = Means(risk: mean(\.risk), transparency: mean(\.transparency), drive: mean(\.drive))
  }

  /// The audit of the latest review of the same cadence before `review` that has one: what
  /// "last quarter" means beside this one's answers.
  public static func previous(before review: Review, in reviews: some Sequence<Review>)
    -> AuditSummary?
  {
    reviews.filter {
      $0.cadence == review.cadence && $0.occurrence < review.occurrence && $0.isLive
        && !$0.audit.isEmpty
    }
    .max { $0.occurrence < $1.occurrence }
    .flatMap(AuditSummary.init)
  }

  public static func == (lhs: AuditSummary, rhs: AuditSummary) -> Bool {
    lhs.review == rhs.review && lhs.means == rhs.means
  }
}
