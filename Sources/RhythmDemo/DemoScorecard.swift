import Foundation
import RhythmCore

/// A scorecard row of the demo and how its weekly values move over the year.
struct DemoMetric {
  let name: String
  let owner: String
  let unit: String
  let target: Double
  let direction: Metric.Direction
  /// Typical value as a multiple of the target.
  let level: Double
  /// Size of the half-yearly swing, as a fraction of the target.
  let swing: Double
  /// Size of the week-to-week noise, as a fraction of the target.
  let noise: Double
  /// Change over the year, as a fraction of the target (the latest weeks differ by this much).
  let drift: Double
  let decimals: Int

  static let all = [
    DemoMetric(
      name: "Pipeline created", owner: "sam", unit: "k$", target: 250, direction: .higherIsBetter,
      level: 1.02, swing: 0.12, noise: 0.15, drift: 0.05, decimals: 0),
    DemoMetric(
      name: "Marketing-qualified leads", owner: "ana", unit: "leads", target: 180,
      direction: .higherIsBetter, level: 1.04, swing: 0.1, noise: 0.12, drift: 0.08, decimals: 0),
    DemoMetric(
      name: "Sales-qualified opportunities", owner: "lea", unit: "opps", target: 35,
      direction: .higherIsBetter, level: 0.98, swing: 0.1, noise: 0.15, drift: 0.04, decimals: 0),
    DemoMetric(
      name: "Win rate", owner: "sam", unit: "%", target: 25, direction: .higherIsBetter,
      level: 1.0, swing: 0.06, noise: 0.1, drift: -0.12, decimals: 1),
    DemoMetric(
      name: "Customer acquisition cost", owner: "tom", unit: "$", target: 4200,
      direction: .lowerIsBetter, level: 0.98, swing: 0.08, noise: 0.06, drift: 0.06, decimals: 0),
    DemoMetric(
      name: "Content published", owner: "priya", unit: "pieces", target: 4,
      direction: .higherIsBetter, level: 1.05, swing: 0.1, noise: 0.3, drift: 0, decimals: 0),
    DemoMetric(
      name: "Demo requests", owner: "omar", unit: "requests", target: 60,
      direction: .higherIsBetter, level: 1.0, swing: 0.12, noise: 0.12, drift: 0.1, decimals: 0),
    DemoMetric(
      name: "Sales cycle", owner: "tom", unit: "days", target: 45, direction: .lowerIsBetter,
      level: 1.0, swing: 0.05, noise: 0.06, drift: 0.04, decimals: 0),
  ]

  /// The value for week `index` of `count` (0 = oldest).
  func value(week index: Int, of count: Int, random: inout DemoRandom) -> Double {
    let phase = Double(index) / 26 * 2 * Double.pi
    let progress = count > 1 ? Double(index) / Double(count - 1) : 1
    let raw =
      target
      * (level + swing * sin(phase) + noise * (random.unit() * 2 - 1) + drift * (progress - 0.5))
    let scale = pow(10, Double(decimals))
    return max(0, (raw * scale).rounded() / scale)
  }
}

/// A quarterly priority of the demo; `quarterOffset` is 0 for this quarter, -1 for the last.
struct DemoPriority {
  let title: String
  let owner: String
  let team: String
  let quarterOffset: Int
  let status: Priority.Status

  static let all = [
    DemoPriority(
      title: "Launch the partner referral programme", owner: "omar", team: "revops",
      quarterOffset: -1, status: .done),
    DemoPriority(
      title: "Ship the new pricing page", owner: "kenji", team: "marketing", quarterOffset: -1,
      status: .done),
    DemoPriority(
      title: "Publish the industry benchmark report", owner: "priya", team: "content",
      quarterOffset: -1, status: .done),
    DemoPriority(
      title: "Cut cost per MQL by 15%", owner: "ana", team: "marketing", quarterOffset: -1,
      status: .offTrack),
    DemoPriority(
      title: "Reach 3x pipeline coverage", owner: "sam", team: "sales", quarterOffset: -1,
      status: .done),
    DemoPriority(
      title: "Reach 3x pipeline coverage for next quarter", owner: "sam", team: "sales",
      quarterOffset: 0, status: .onTrack),
    DemoPriority(
      title: "Launch the customer advocacy programme", owner: "priya", team: "content",
      quarterOffset: 0, status: .onTrack),
    DemoPriority(
      title: "Roll out the new lead scoring model", owner: "omar", team: "revops", quarterOffset: 0,
      status: .offTrack),
    DemoPriority(
      title: "Run the mid-market webinar series", owner: "ana", team: "marketing", quarterOffset: 0,
      status: .onTrack),
    DemoPriority(
      title: "Hire and ramp two SDRs", owner: "lea", team: "sales", quarterOffset: 0,
      status: .offTrack),
    DemoPriority(
      title: "Consolidate reporting into one dashboard", owner: "tom", team: "revops",
      quarterOffset: 0, status: .done),
  ]
}

/// Help given across team lines, logged through the year; `daysAgo` places it.
struct DemoExchange {
  let from: String
  let to: String
  let text: String
  let daysAgo: Int

  static let all = [
    DemoExchange(
      from: "content", to: "sales", text: "Wrote a tailored case study for the Kestrel Bank pitch",
      daysAgo: 330),
    DemoExchange(
      from: "tom", to: "marketing", text: "Built the campaign attribution dashboard", daysAgo: 301),
    DemoExchange(
      from: "jonas", to: "kenji", text: "Joined three customer interviews for the positioning work",
      daysAgo: 270),
    DemoExchange(
      from: "lea", to: "content", text: "Shared the top objections from last month's calls",
      daysAgo: 244),
    DemoExchange(
      from: "omar", to: "sales", text: "Fixed the routing rule that was dropping inbound leads",
      daysAgo: 215),
    DemoExchange(
      from: "priya", to: "nina", text: "Edited the proposal template before a renewal", daysAgo: 190
    ),
    DemoExchange(
      from: "sales", to: "marketing",
      text: "Staffed the conference booth with two account executives", daysAgo: 163),
    DemoExchange(
      from: "chloe", to: "ana", text: "Rewrote the nurture emails at short notice", daysAgo: 140),
    DemoExchange(
      from: "kenji", to: "sales", text: "Ran a competitor battlecard session", daysAgo: 112),
    DemoExchange(
      from: "ruth", to: "content", text: "Recorded the video introduction for the benchmark report",
      daysAgo: 88),
    DemoExchange(
      from: "nina", to: "content", text: "Found a customer happy to be a reference", daysAgo: 61),
    DemoExchange(
      from: "marketing", to: "revops",
      text: "Covered the CRM licence overage from the marketing budget", daysAgo: 40),
    DemoExchange(
      from: "tom", to: "lea", text: "Cleaned up the SDR territory assignments", daysAgo: 23),
    DemoExchange(
      from: "ana", to: "sales", text: "Sent a last-minute invite wave for the customer dinner",
      daysAgo: 9),
  ]
}
