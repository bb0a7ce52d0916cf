import Foundation

/// The scorecard: adding metrics and entering a period's value.
public enum MetricEdits {
  /// Adds a metric owned by a known person.
  public static func add(
    name: String, owner: String, unit: String = "", target: Double,
    direction: Metric.Direction = .higherIsBetter, period: Metric.Period = .week,
    in reader: some RecordReader, _ context: inout EditContext
  ) throws(RhythmError) -> Edit {
    let name = try EditRules.text(name, field: "name")
    guard target.isFinite else {
      throw .invalidValue(field: "target", value: String(target), expected: "a number")
    }
    let metric = Metric(
      id: context.newID(), name: name, owner: try EditRules.person(owner, in: reader),
      unit: unit.trimmingCharacters(in: .whitespaces), target: target, direction: direction,
      period: period)
    return Edit([.create(metric)], created: metric.id)
  }

  /// Enters the value of the period (week or month) that contains `day`.
  public static func setValue(
    _ value: Double, of metricID: String, on day: Day, in reader: some RecordReader
  ) throws(RhythmError) -> Edit {
    guard let metric = try reader.live(Metric.self, id: metricID) else {
      throw .notFound(kind: "metric", reference: metricID)
    }
    guard value.isFinite else {
      throw .invalidValue(field: metric.name, value: String(value), expected: "a number")
    }
    let period = metric.periodStart(containing: day)
    return Edit([.update(Metric.self, id: metricID, [.entry(\.values, period.description, value)])])
  }

  /// A value as people type it: `4,230`, ` 20.5 `.
  public static func value(_ text: String, field: String) throws(RhythmError) -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    guard let value = Double(trimmed), value.isFinite else {
      throw .invalidValue(field: field, value: trimmed, expected: "a number")
    }
    return value
  }
}
