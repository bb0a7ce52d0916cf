import Foundation

/// Exchanges: unsolicited help from one person or team to another, logged so it can be
/// counted.
public enum ExchangeEdits {
  /// Logs help `from` gave `to` (each `@person` or a team) on `day` (today when `nil`; a past
  /// day is logged at noon). Help is logged once given: a day ahead is refused.
  public static func add(
    from giver: String, to receiver: String, _ text: String, on day: Day? = nil,
    in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let from = try EditRules.party(giver, in: reader)
    let to = try EditRules.party(receiver, in: reader)
    guard from != to else { throw .message("an exchange is between two people or teams") }
    let body = try EditRules.text(text, field: "exchange")
    let createdAt: Date
    switch day {
    case nil: createdAt = context.now
    case let day? where day == context.today: createdAt = context.now
    case let day? where day < context.today:
      createdAt = day.start(in: context.timeZone).addingTimeInterval(12 * 3600)
    case let day?:
      throw .invalidValue(field: "date", value: day.description, expected: "today or a past day")
    }
    let exchange = Exchange(
      id: context.newID(), from: from, to: to, text: body, createdAt: createdAt)
    return Edit([.create(exchange)], created: exchange.id)
  }
}
