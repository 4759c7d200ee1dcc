/// The partner exports the generator writes, by the source ids the demo pipeline uses.
public enum SourceID: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Police registered crimes: record-level, monthly, overlapping, reclassifications.
  case politieMisdrijven
  /// Police nuisance incidents (E33 confused person, youth, alcohol/drugs, noise).
  case politieIncidenten
  /// Housing corporation Woonpunt: record-level, quarterly, local buurt names.
  case woonpuntMeldingen
  /// Housing corporation Stadswonen: Windows-1252, CRLF, comma-separated, keeps an old code.
  case stadswonenMeldingen
  /// Welfare organisation: aggregated per wijk per month.
  case welzijnCasussen
  /// Veilig Thuis: domestic-violence reports aggregated per buurt per month.
  case veiligThuisMeldingen
  /// Veiligheidshuis: radicalisation and top-X cases per wijk (by name) per quarter.
  case veiligheidshuisCasussen
  /// Municipality: public-space reports (MOR), weekly.
  case gemeenteMOR
  /// Municipality: public-order registrations (events, demonstrations, football, parties).
  case gemeenteOpenbareOrde

  public var partner: String {
    switch self {
    case .politieMisdrijven, .politieIncidenten: "Politie"
    case .woonpuntMeldingen: "Woonpunt"
    case .stadswonenMeldingen: "Stadswonen"
    case .welzijnCasussen: "Welzijn Demostad"
    case .veiligThuisMeldingen: "Veilig Thuis"
    case .veiligheidshuisCasussen: "Veiligheidshuis"
    case .gemeenteMOR, .gemeenteOpenbareOrde: "Gemeente"
    }
  }

  public var isAggregated: Bool {
    switch self {
    case .welzijnCasussen, .veiligThuisMeldingen, .veiligheidshuisCasussen: true
    default: false
    }
  }

  public static func < (a: SourceID, b: SourceID) -> Bool {
    a.ordinal < b.ordinal
  }
}

/// The two housing corporations, in the order of `Buurt.corporationShare`.
public enum HousingCorporation: Int, Sendable, CaseIterable {
  case woonpunt = 0
  case stadswonen = 1

  public var source: SourceID {
    switch self {
    case .woonpunt: .woonpuntMeldingen
    case .stadswonen: .stadswonenMeldingen
    }
  }
}
