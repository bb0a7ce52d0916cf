import Foundation
import RhythmCore

/// What the home and people screens show, derived from the data and the time: worked out when
/// either changes, never while rendering.
public struct CockpitSummary: Sendable {
  /// A coming (or running) review of a cadence.
  public struct Upcoming: Hashable, Sendable {
    /// The cadence's id.
    public var cadenceID: String
    /// The cadence's title.
    public var title: String
    /// The occurrence (what its review is stored under).
    public var occurrence: Date
    /// When it starts: its new time when it was moved.
    public var startsAt: Date
    /// The stored review, when it is live already.
    public var liveReviewID: String?
  }

  /// One owner's (or team's) delivery.
  public struct Rate: Hashable, Sendable {
    /// The handle or team name.
    public var key: String
    /// Open steps.
    public var open: Int
    /// Open steps past due.
    public var overdue: Int
    /// Open steps due from today through Sunday.
    public var dueThisWeek: Int
    /// Steps due in the window.
    public var due: Int
    /// On-time rate over the window, nil when nothing was due.
    public var onTimeRate: Double?
    /// Weekly on-time rates, oldest first.
    public var trend: [Double?]
    /// Exchanges (unsolicited help) given in the window.
    public var given = 0
    /// Exchanges received in the window.
    public var received = 0
  }

  /// The next occurrence of each cadence, live ones first, soonest first.
  public var upcoming: [Upcoming] = []
  /// Open steps past due, oldest due first.
  public var overdue: [Step] = []
  /// Open steps due from today through Sunday.
  public var dueThisWeek: [Step] = []
  /// Per owner, sorted by handle.
  public var owners: [Rate] = []
  /// Per team, sorted by name.
  public var teams: [Rate] = []
  /// Metrics whose latest value misses the target, with that value.
  public var offTrackMetrics: [(metric: Metric, value: Double)] = []
  /// This quarter's priorities that are off track.
  public var offTrackPriorities: [Priority] = []
  /// Held reviews whose minutes are not out yet, newest first.
  public var minutesPending: [Review] = []
  /// The whole organisation's on-time rate over the window.
  public var overallRate: Double?

  /// The weeks the rates look back over.
  public static let windowWeeks = 13

  /// An empty summary.
  public init() {}

  /// Works the summary out.
  public init(data: StoreState, now: Date, timeZone: TimeZone) {
    let today = Day(containing: now, in: timeZone)
    upcoming = CockpitSummary.upcoming(data: data, now: now)
    let delivery = Delivery(
      steps: data.steps, people: data.people, today: today, timeZone: timeZone,
      windowWeeks: CockpitSummary.windowWeeks, trendWeeks: 12)
    overdue = delivery.overdue
    dueThisWeek = delivery.dueThisWeek
    owners = delivery.ownerRates
    teams = delivery.teamRates
    overallRate = delivery.overallRate
    countExchanges(data: data, today: today, timeZone: timeZone)

    for metric in data.metrics.values.sorted(by: { $0.name < $1.name }) where metric.isLive {
      if let latest = metric.orderedValues.last, !metric.isOnTrack(latest.value) {
        offTrackMetrics.append((metric, latest.value))
      }
    }
    let quarter = CockpitSummary.quarter(of: today)
    offTrackPriorities = data.priorities.values
      .filter { $0.isLive && $0.status == .offTrack && $0.quarter == quarter }
      .sorted { ($0.owner, $0.title) < ($1.owner, $1.title) }
    minutesPending = data.reviews.values
      .filter { $0.isLive && $0.status == .held && $0.minutesAt == nil }
      .sorted { $0.occurrence > $1.occurrence }
  }

  /// `2026-Q4` for a day in October–December 2026.
  public static func quarter(of day: Day) -> String {
    let (year, month, _) = day.components
    return "\(year)-Q\((month - 1) / 3 + 1)"
  }

  private static func upcoming(data: StoreState, now: Date) -> [Upcoming] {
    var result: [Upcoming] = []
    for cadence in data.cadences.values where cadence.isLive {
      guard let entry = try? cadence.upcoming(reviews: data.reviews.values, now: now) else {
        continue
      }
      result.append(
        Upcoming(
          cadenceID: cadence.id, title: cadence.title, occurrence: entry.occurrence,
          startsAt: entry.movedTo ?? entry.occurrence,
          liveReviewID: entry.status == .live ? entry.review?.id : nil))
    }
    return result.sorted {
      ($0.liveReviewID == nil ? 1 : 0, $0.startsAt, $0.title)
        < ($1.liveReviewID == nil ? 1 : 0, $1.startsAt, $1.title)
    }
  }
}
