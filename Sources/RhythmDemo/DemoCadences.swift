import Foundation
import RhythmCore

/// A next step the demo may capture: `{account}` and `{quarter}` are filled in per review.
struct DemoStepIdea {
  let title: String
  let success: String
  let tags: [String]

  init(_ title: String, _ success: String, _ tags: [String]) {
    self.title = title
    self.success = success
    self.tags = tags
  }
}

/// One of the demo's recurring reviews and what tends to come out of it.
struct DemoCadence {
  let title: String
  /// Canonical RRULE text.
  let rule: String
  let hour: Int
  let minute: Int
  let facilitator: String
  let participants: [String]
  let team: String
  let agenda: [AgendaSection]
  /// Names of the scorecard metrics it reviews.
  let metrics: [String]
  let stepsPerReview: ClosedRange<Int>
  let decisionsPerReview: ClosedRange<Int>
  /// Days from the review to a step's due date.
  let dueIn: ClosedRange<Int>
  /// Who usually has the decision right here.
  let deciders: [String]
  let steps: [DemoStepIdea]
  let decisions: [String]

  var durationMinutes: Int { agenda.reduce(0) { $0 + $1.minutes } }
}

extension DemoCadence {
  static let all = [pipeline, leadership, content, campaigns, strategy]

  static let pipeline = DemoCadence(
    title: "Weekly pipeline review", rule: "FREQ=WEEKLY;BYDAY=MO", hour: 9, minute: 30,
    facilitator: "sam", participants: ["sam", "jonas", "lea", "nina", "tom", "ana"],
    team: "sales", agenda: AgendaTemplate.pipeline.sections,
    metrics: ["Pipeline created", "Sales-qualified opportunities", "Win rate", "Sales cycle"],
    stepsPerReview: 1...3, decisionsPerReview: -2...1, dueIn: 3...14, deciders: ["sam"],
    steps: [
      DemoStepIdea(
        "Send the mutual action plan to {account}", "Plan agreed with their buyer", ["deal"]),
      DemoStepIdea(
        "Book the technical validation call with {account}", "Call on both calendars", ["deal"]),
      DemoStepIdea(
        "Update close dates on stalled opportunities", "No open deal has a past close date", ["crm"]
      ),
      DemoStepIdea(
        "Requalify the {account} opportunity", "Stage and amount match the last call", ["deal"]),
      DemoStepIdea(
        "Draft the proposal for {account}", "Proposal with legal for review", ["deal", "proposal"]),
      DemoStepIdea(
        "Follow up inbound demo requests older than two days",
        "Every request has a booked call or a reason", ["sdr"]),
      DemoStepIdea(
        "Share win/loss notes from {account}", "Notes posted in the sales channel", ["win-loss"]),
      DemoStepIdea(
        "Review discount approvals over 15%", "Each has a written rationale", ["pricing"]),
      DemoStepIdea(
        "Line up a reference customer for {account}", "Reference call scheduled", ["deal"]),
      DemoStepIdea("Merge duplicate accounts in the CRM", "Duplicate report shows zero", ["crm"]),
      DemoStepIdea(
        "Map the decision makers at {account}", "Economic buyer named in the CRM", ["deal"]),
      DemoStepIdea(
        "Rewrite the stage-two exit criteria", "Criteria agreed with the account executives",
        ["process"]),
    ],
    decisions: [
      "Move {account} to commit for this quarter",
      "Discounts over 20% need Sam's approval",
      "Stage two needs a confirmed economic buyer",
      "Route inbound leads under 50 employees to inside sales",
      "Keep {account} in best case until the legal review is done",
      "Close out opportunities with no activity for 60 days",
      "Pause outbound to retail until the new sequence is ready",
    ])

  static let leadership = DemoCadence(
    title: "Weekly marketing leadership review", rule: "FREQ=WEEKLY;BYDAY=TU", hour: 10,
    minute: 0, facilitator: "maria",
    participants: ["maria", "ruth", "sam", "priya", "tom", "omar"], team: "marketing",
    agenda: AgendaTemplate.weekly.sections,
    metrics: [
      "Pipeline created", "Marketing-qualified leads", "Win rate", "Customer acquisition cost",
      "Content published", "Demo requests",
    ],
    stepsPerReview: 1...3, decisionsPerReview: 0...2, dueIn: 7...28, deciders: ["maria", "ruth"],
    steps: [
      DemoStepIdea(
        "Draft the board update on pipeline coverage", "Slides approved by Ruth", ["board"]),
      DemoStepIdea(
        "Agree lead scoring changes with sales", "New thresholds signed off by both teams",
        ["scoring"]),
      DemoStepIdea("Publish the SDR hiring plan", "Plan shared with finance", ["hiring"]),
      DemoStepIdea(
        "Reconcile marketing-sourced pipeline with finance", "One number everybody uses",
        ["reporting"]),
      DemoStepIdea(
        "Brief the agency on the {quarter} campaign", "Brief accepted with a delivery date",
        ["campaign"]),
      DemoStepIdea(
        "Fix attribution for partner-sourced leads",
        "Partner leads tagged correctly in the dashboard", ["attribution"]),
      DemoStepIdea(
        "Send the customer advisory board invitations", "Twelve confirmed attendees", ["customers"]),
      DemoStepIdea("Review the trade show budget", "Budget approved or cut by 20%", ["events"]),
      DemoStepIdea(
        "Write the positioning one-pager for the new pricing", "Signed off by the sales leaders",
        ["positioning"]),
      DemoStepIdea("Draft booth design for the conference", "Approved by the VP", ["conference"]),
      DemoStepIdea(
        "Set up the shared scorecard view", "Everyone can open it from the cockpit", ["scorecard"]),
    ],
    decisions: [
      "Shift 10% of the paid social budget to events",
      "Adopt the new lead scoring model from next month",
      "Ruth has the final say on pricing exceptions",
      "Hold the trade show budget flat",
      "Share the scorecard with the whole company every Monday",
      "Hire two SDRs before the end of {quarter}",
      "Use one pipeline definition across marketing and sales",
      "Run the customer advisory board twice a year",
    ])

  static let content = DemoCadence(
    title: "Weekly content review", rule: "FREQ=WEEKLY;BYDAY=WE", hour: 14, minute: 0,
    facilitator: "priya", participants: ["priya", "chloe", "kenji", "ana"], team: "content",
    agenda: [
      AgendaSection("Publishing calendar", minutes: 10), AgendaSection("Performance", minutes: 10),
      AgendaSection("Last steps", minutes: 5), AgendaSection("Topics", minutes: 15),
      AgendaSection("Conclude", minutes: 5),
    ],
    metrics: ["Content published", "Demo requests"], stepsPerReview: 1...2,
    decisionsPerReview: -3...1, dueIn: 3...14, deciders: ["priya"],
    steps: [
      DemoStepIdea(
        "Publish the {account} customer story", "Live on the website with their approval",
        ["case-study"]),
      DemoStepIdea("Edit the pricing guide blog post", "Published and shared with sales", ["blog"]),
      DemoStepIdea(
        "Record the product demo video", "Under three minutes, with captions", ["video"]),
      DemoStepIdea(
        "Refresh the top ten landing pages", "Conversion tracked per page", ["web", "seo"]),
      DemoStepIdea(
        "Outline the industry benchmark report", "Outline reviewed by Kenji", ["report"]),
      DemoStepIdea(
        "Draft this month's newsletter", "Sent with an open rate over 30%", ["newsletter"]),
      DemoStepIdea(
        "Update the brand guidelines for partners", "PDF shared with partner managers", ["brand"]),
      DemoStepIdea(
        "Write three LinkedIn posts for the webinar", "Scheduled a week ahead",
        ["social", "webinar"]),
      DemoStepIdea(
        "Translate the security whitepaper into German", "Reviewed by a native speaker",
        ["localisation"]),
      DemoStepIdea(
        "Turn the webinar recording into a blog post", "Published within a week of the webinar",
        ["webinar", "blog"]),
    ],
    decisions: [
      "Publish a customer story every second week",
      "Move the newsletter to Thursdays",
      "Gate the benchmark report behind a short form",
      "Keep blog posts under 1,500 words unless they are guides",
      "Kenji signs off product claims before publishing",
    ])

  static let campaigns = DemoCadence(
    title: "Monthly campaign review", rule: "FREQ=MONTHLY;BYDAY=1TH", hour: 15, minute: 0,
    facilitator: "ana", participants: ["ana", "maria", "kenji", "omar", "priya", "lea"],
    team: "marketing", agenda: AgendaTemplate.monthly.sections,
    metrics: ["Marketing-qualified leads", "Customer acquisition cost", "Demo requests"],
    stepsPerReview: 2...4, decisionsPerReview: 1...3, dueIn: 10...35, deciders: ["maria", "ana"],
    steps: [
      DemoStepIdea(
        "Cut underperforming paid search keywords", "Cost per MQL back under target", ["paid"]),
      DemoStepIdea(
        "Launch the retargeting campaign for trial users", "Live with tracking verified",
        ["paid", "trial"]),
      DemoStepIdea(
        "Set up the landing page for the webinar series", "Registration page live", ["webinar"]),
      DemoStepIdea(
        "A/B test the demo request form", "Test running with enough traffic to read", ["web"]),
      DemoStepIdea(
        "Report campaign return for {quarter} so far", "Report shared before the next review",
        ["reporting"]),
      DemoStepIdea(
        "Agree the co-marketing plan with partners", "Plan signed by both partners", ["partners"]),
      DemoStepIdea(
        "Find where the email nurture loses people", "Drop-off point found and fixed", ["email"]),
      DemoStepIdea(
        "Plan the event follow-up sequence", "Sequence ready before the event", ["events", "email"]),
    ],
    decisions: [
      "Stop the display campaign and move its budget to search",
      "Extend the webinar series for another quarter",
      "Run the pricing page test for two more weeks",
      "Launch the partner campaign in the Nordics first",
      "Cap cost per MQL at the target for every channel",
    ])

  static let strategy = DemoCadence(
    title: "Quarterly strategy reset", rule: "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1WE", hour: 9,
    minute: 30, facilitator: "ruth",
    participants: ["ruth", "maria", "sam", "priya", "tom", "ana", "lea", "kenji"],
    team: "marketing", agenda: AgendaTemplate.quarterly.sections,
    metrics: [
      "Pipeline created", "Marketing-qualified leads", "Win rate", "Customer acquisition cost",
    ],
    stepsPerReview: 4...6, decisionsPerReview: 3...4, dueIn: 14...45, deciders: ["ruth"],
    steps: [
      DemoStepIdea(
        "Write the {quarter} marketing plan", "Plan reviewed by the leadership team", ["planning"]),
      DemoStepIdea(
        "Set {quarter} pipeline targets by segment", "Targets agreed by sales and marketing",
        ["planning"]),
      DemoStepIdea(
        "Define decision rights for campaign spend", "RACI published in the handbook",
        ["decision-rights"]),
      DemoStepIdea(
        "Agree the shared metric for marketing and sales", "One pipeline number on the scorecard",
        ["scorecard"]),
      DemoStepIdea(
        "Open the content marketing manager role", "Job posted with a hiring panel", ["hiring"]),
      DemoStepIdea(
        "Close the gaps from the collaboration audit", "Each gap has an owner and a date",
        ["collaboration"]),
      DemoStepIdea("Retire the reports nobody reads", "Report list cut by a third", ["reporting"]),
    ],
    decisions: [
      "Focus on the mid-market segment for the next two quarters",
      "Marketing and sales share one pipeline target",
      "Every priority has one owner and a weekly status",
      "Campaign spend above 10k needs Maria's sign-off",
      "Drop the annual conference sponsorship",
      "Review decision rights every quarter",
      "Content reports to marketing with a dotted line to sales",
    ])
}
