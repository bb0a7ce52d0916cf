import Foundation
import RhythmCore

/// The demo organisation's people and teams: a marketing-and-sales group of twelve.
enum DemoPeople {
  static let teams = ["content", "marketing", "revops", "sales"]

  /// People, with how reliably each delivers on time (drives the demo's on-time rates).
  static let people: [(person: Person, reliability: Double)] = [
    (member("ruth", "Ruth Adeyemi", ["marketing", "sales"]), 0.86),
    (member("maria", "Maria Lopez", ["marketing"]), 0.91),
    (member("sam", "Sam Okafor", ["sales"]), 0.82),
    (member("priya", "Priya Shah", ["content", "marketing"]), 0.93),
    (member("tom", "Tom Becker", ["revops", "sales"]), 0.88),
    (member("ana", "Ana Costa", ["marketing"]), 0.85),
    (member("jonas", "Jonas Weber", ["sales"]), 0.68),
    (member("lea", "Lea Martin", ["sales"]), 0.8),
    (member("kenji", "Kenji Watanabe", ["marketing", "content"]), 0.76),
    (member("chloe", "Chloe Dubois", ["content"]), 0.9),
    (member("omar", "Omar Haddad", ["revops", "marketing"]), 0.72),
    (member("nina", "Nina Petrova", ["sales"]), 0.84),
  ]

  static let reliability: [String: Double] = Dictionary(
    uniqueKeysWithValues: people.map { ($0.person.handle, $0.reliability) })

  private static func member(_ handle: String, _ name: String, _ teams: [String]) -> Person {
    Person(handle: handle, name: name, teams: teams, email: "\(handle)@larkspur.example")
  }

  /// Fictional customer accounts that steps and decisions mention.
  static let accounts = [
    "Halvorsen Freight", "Brightwater Health", "Kestrel Bank", "Orchard Retail",
    "Tidewell Energy", "Marlow Insurance", "Pinecrest Logistics", "Aster Labs",
  ]
}
