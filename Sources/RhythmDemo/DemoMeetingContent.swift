import Foundation
import RhythmCore

/// Topics each demo cadence tends to discuss; `{account}` and `{quarter}` are filled in.
enum DemoTopicIdea {
  static let byCadence: [String: [String]] = [
    DemoCadence.pipeline.title: [
      "Deals slipping out of {quarter}", "Why {account} went quiet after the demo",
      "Inbound leads waiting too long for a first call", "Discounting to close at quarter end",
      "Stage two exit criteria are not applied", "Pipeline coverage for next quarter",
      "Handover from SDRs to account executives",
    ],
    DemoCadence.leadership.title: [
      "Marketing and sales count pipeline differently", "Lead scoring thresholds",
      "Budget for the {quarter} campaign", "SDR hiring is behind plan",
      "Attribution of partner-sourced leads", "Customer advisory board agenda",
      "Reporting nobody reads", "Win rate dropped in the mid-market",
    ],
    DemoCadence.content.title: [
      "Case studies take too long to approve", "Newsletter open rate is falling",
      "Who signs off product claims", "Video budget for {quarter}",
      "Landing pages that convert worst", "Benchmark report scope",
    ],
    DemoCadence.campaigns.title: [
      "Cost per MQL above target on paid social", "Webinar attendance is down",
      "Retargeting for trial users", "Event follow-up is too slow",
      "Partner co-marketing in the Nordics", "Email nurture drop-off",
    ],
  ]
}

/// One-line news the demo's weekly reviews hear.
enum DemoHeadline {
  static let good = [
    "{account} renewed for two more years", "{account} agreed to be a reference",
    "Chloe's guide is the most read page this month", "Two SDRs accepted their offers",
    "The webinar had a record 340 registrations", "{account} expanded to three more teams",
  ]
  static let bad = [
    "{account} is evaluating a competitor", "Our top account executive has resigned",
    "{account} delayed the signature to next quarter", "The pricing page went down for a day",
  ]
}

/// The demo's decision rights: area, decider, and the cadence whose room agreed them (`nil`:
/// everyone).
enum DemoRight {
  static let all: [(area: String, decider: String, cadence: String?)] = [
    ("Pricing exceptions", "ruth", nil),
    ("Campaign spend over 10k", "maria", nil),
    ("Discounts over 20%", "sam", nil),
    ("Product claims in published content", "kenji", nil),
    ("Lead routing rules", "omar", nil),
    ("Quarterly targets by segment", "ruth", DemoCadence.strategy.title),
    ("Hiring plan", "maria", DemoCadence.strategy.title),
  ]
}
