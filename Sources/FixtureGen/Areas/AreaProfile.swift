/// What kind of neighbourhood a buurt is. The profile sets how strongly each group of
/// registrations occurs there relative to its inhabitants (see `CategoryGroup`).
public enum AreaProfile: String, Sendable, Hashable, CaseIterable {
  /// Shopping and nightlife centre: pickpocketing, shoplifting, bike theft, violence.
  case centre
  /// An ordinary residential neighbourhood.
  case ordinary
  /// A problem neighbourhood: drugs, youth nuisance, confused persons, rent arrears.
  case problem
  /// A well-off suburb: some burglary, little else.
  case suburb
  /// An old village centre absorbed by the town.
  case village
  /// A new-build neighbourhood whose population triples in 2019–2022, then holds.
  case newBuild
  /// An industrial estate or port with hardly any inhabitants.
  case industrial

  /// Average household size (inhabitants per household).
  var householdSize: Double {
    switch self {
    case .centre: 1.6
    case .ordinary: 2.1
    case .problem: 2.3
    case .suburb: 2.5
    case .village: 2.3
    case .newBuild: 2.4
    case .industrial: 1.5
    }
  }

  /// Share of dwellings owned by housing corporations (social rent).
  var socialHousingShare: Double {
    switch self {
    case .centre: 0.25
    case .ordinary: 0.35
    case .problem: 0.65
    case .suburb: 0.08
    case .village: 0.2
    case .newBuild: 0.3
    case .industrial: 0.0
    }
  }

  /// Yearly population growth (log scale) for established neighbourhoods.
  var growthPerYear: Double {
    switch self {
    case .centre: 0.008
    case .ordinary: 0.004
    case .problem: 0.0
    case .suburb: -0.002
    case .village: 0.002
    case .newBuild: 0.0
    case .industrial: 0.0
    }
  }
}

/// Groups of registrations that share how they depend on the kind of neighbourhood.
public enum CategoryGroup: String, Sendable, Hashable, CaseIterable {
  case residentialProperty, vehicle, bike, pickpocket, shop, business, violence, robbery
  case domestic, nuisance, youth, confused, drugs, subversion, poverty, housingNuisance
  case radicalisation, events, demonstrations, illegalParties, litter

  /// Relative rate of this group in a neighbourhood of `profile` (1 = town average).
  func multiplier(_ profile: AreaProfile) -> Double {
    switch (self, profile) {
    case (.pickpocket, .centre): 9
    case (.pickpocket, .industrial): 0.2
    case (.pickpocket, _): 0.25
    case (.shop, .centre): 6
    case (.shop, .village): 1.2
    case (.shop, .newBuild): 0.6
    case (.shop, _): 0.4
    case (.business, .industrial), (.business, .centre): 4
    case (.business, _): 0.5
    case (.bike, .centre): 3
    case (.violence, .centre): 2.5
    case (.robbery, .centre): 2.5
    case (.nuisance, .centre): 2.5
    case (.litter, .centre): 1.8
    case (.events, .centre): 20
    case (.demonstrations, .centre): 30
    case (.illegalParties, .industrial): 40
    case (.illegalParties, _): 0.3
    case (.residentialProperty, .suburb): 1.4
    case (.residentialProperty, .centre): 0.8
    case (.vehicle, .industrial): 1.5
    case (.drugs, .problem): 4
    case (.drugs, .centre): 1.5
    case (.subversion, .problem): 3
    case (.subversion, .industrial): 2
    case (.youth, .problem): 3
    case (.confused, .problem): 2.2
    case (.confused, .centre): 1.8
    case (.domestic, .problem): 1.8
    case (.poverty, .problem): 2.2
    case (.housingNuisance, .problem): 1.6
    case (.radicalisation, .problem): 2.5
    case (_, .suburb): 0.6
    case (_, .village): 0.8
    case (.robbery, .problem), (.violence, .problem), (.nuisance, .problem): 1.8
    default: 1
    }
  }

  /// Some groups happen where people work, shop or go out, not only where they live: an
  /// industrial estate with fifteen inhabitants still has business burglaries. The exposure
  /// of such groups is at least this many inhabitant-equivalents.
  func exposureFloor(_ profile: AreaProfile) -> Double {
    switch (self, profile) {
    case (.business, .industrial), (.vehicle, .industrial), (.litter, .industrial): 1_500
    case (.illegalParties, .industrial), (.events, .industrial): 600
    case (.drugs, .industrial), (.subversion, .industrial): 800
    default: 0
    }
  }
}
