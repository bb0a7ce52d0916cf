import Foundation
import RhythmCore

/// A sample marketing-and-sales organisation with a year of history, for `rhythm init --demo`
/// and `rhythm demo`: four teams, twelve people, five cadences (weekly pipeline, leadership
/// and content reviews, a monthly campaign review, a quarterly strategy reset), a year of held,
/// skipped and missed reviews with decisions and about 300 next steps, a scorecard of eight
/// weekly metrics, this and last quarter's priorities, and logged exchanges.
///
/// Deterministic: the same `now` and time zone always give the same changes. Cadences keep
/// `timeZone` when it is an IANA zone, else Europe/London; reviews sit exactly on the
/// cadences' scheduled occurrences.
public enum DemoOrganisation {
  /// The changes that create the organisation, as of `now`.
  public static func build(now: Date, timeZone: TimeZone) -> [Change] {
    var builder = DemoBuilder(now: now, timeZone: timeZone)
    builder.build()
    return builder.changes
  }
}
