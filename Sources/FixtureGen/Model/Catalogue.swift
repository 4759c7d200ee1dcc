/// Every category the generator writes, per source, with its rate, seasonality and trend.
/// Rates are set so that Demostad looks like a mid-sized Dutch town: about 31 registered
/// crimes per 1,000 inhabitants a year, 16 police nuisance incidents, ~17 Veilig Thuis
/// reports per 1,000 households. Police codes are the CBS/police classification of
/// `INDICATORS.md`; E33 is the police's published code for a confused person; the other
/// incident codes and all partner category names are illustrative.
public struct Catalogue: Sendable {
  public private(set) var categories: [Category]
  private var lookup: [String: Int] = [:]

  public init() {
    var list: [Category] = []
    list += Catalogue.policeCrimes()
    list += Catalogue.policeIncidents()
    for corp in HousingCorporation.allCases { list += Catalogue.housing(corp) }
    list += Catalogue.aggregated()
    list += Catalogue.municipality()
    for i in list.indices { list[i].index = i }
    categories = list
    for c in list { lookup[c.source.rawValue + "|" + c.code] = c.index }
  }

  public func categories(of source: SourceID) -> [Category] {
    categories.filter { $0.source == source }
  }

  public func category(_ source: SourceID, _ code: String) -> Category? {
    lookup[source.rawValue + "|" + code].map { categories[$0] }
  }

  /// The police crime categories (CBS classification codes and labels).
  static func policeCrimes() -> [Category] {
    let s = SourceID.politieMisdrijven
    func c(
      _ code: String, _ label: String, _ rate: Double, _ group: CategoryGroup,
      season: Season = .flat, trend: Double = 0, weekday: WeekdayProfile = .flat
    ) -> Category {
      Category(
        source: s, code: code, label: label, perYear: rate, exposure: .inhabitants,
        group: group, season: season, trendPerYear: trend, weekday: weekday,
        sameDayShare: 0.6, maxLagDays: 21)
    }
    let dark = Season(amplitude: 0.35, peakDay: 355)
    let summer = Season(amplitude: 0.15, peakDay: 190)
    var list = [
      c(
        "1.1.1", "Diefstal/inbraak woning", 1.8, .residentialProperty, season: dark, trend: -0.05,
        weekday: .workdays),
      c(
        "1.1.2", "Diefstal/inbraak box/garage/schuur", 0.8, .residentialProperty,
        season: Season(amplitude: 0.2, peakDay: 330), trend: -0.03),
      c(
        "1.2.1", "Diefstal uit/vanaf motorvoertuigen", 2.5, .vehicle,
        season: Season(amplitude: 0.15, peakDay: 330), trend: -0.02),
      c(
        "1.2.2", "Diefstal van motorvoertuigen", 0.5, .vehicle,
        season: Season(amplitude: 0.1, peakDay: 320)),
      c(
        "1.2.3", "Diefstal van brom-, snor-, fietsen", 4.5, .bike,
        season: Season(amplitude: 0.25, peakDay: 270), trend: -0.02),
      c(
        "1.2.4", "Zakkenrollerij", 1.2, .pickpocket,
        season: Season(amplitude: 0.25, peakDay: 340), trend: -0.03, weekday: .shopping),
      c(
        "1.2.5", "Diefstal af/uit/van overige voertuigen", 0.3, .vehicle,
        season: Season(amplitude: 0.1, peakDay: 200)),
      c(
        "2.5.1", "Diefstal/inbraak bedrijven en instellingen", 1.0, .business,
        season: Season(amplitude: 0.15, peakDay: 340), weekday: .weekend),
      c(
        "2.5.2", "Winkeldiefstal", 2.3, .shop, season: Season(amplitude: 0.2, peakDay: 345),
        trend: 0.04, weekday: .shopping),
      c("1.4.1", "Zedenmisdrijf", 0.4, .violence, season: summer),
      c("1.4.2", "Moord, doodslag", 0.05, .violence),
      c("1.4.3", "Openlijk geweld (persoon)", 0.3, .violence, season: summer, weekday: .weekend),
      c("1.4.4", "Bedreiging", 1.8, .violence, season: summer),
      c("1.4.5", "Mishandeling", 2.6, .violence, season: summer, weekday: .weekend),
      c("1.4.6", "Straatroof", 0.2, .robbery, season: Season(amplitude: 0.25, peakDay: 340)),
      c("1.4.7", "Overval", 0.05, .robbery, season: Season(amplitude: 0.3, peakDay: 350)),
      c(
        "2.1.1", "Drugs/drankoverlast", 0.4, .nuisance,
        season: Season(amplitude: 0.3, peakDay: 190), weekday: .weekend),
      c(
        "2.2.1", "Vernieling cq. zaakbeschadiging", 4.0, .nuisance,
        season: Season(amplitude: 0.15, peakDay: 190, turnOfYear: 3), trend: -0.02,
        weekday: .weekend),
      c(
        "2.4.1", "Burengerucht (relatieproblemen)", 0.8, .domestic,
        season: Season(amplitude: 0.1, peakDay: 360), trend: 0.03),
      c("2.4.2", "Huisvredebreuk", 0.3, .residentialProperty),
      c(
        "2.7.3", "Leefbaarheid (overig)", 0.3, .nuisance,
        season: Season(amplitude: 0.1, peakDay: 190)),
      c(
        "3.6.4", "Aantasting openbare orde", 0.4, .nuisance,
        season: Season(amplitude: 0.2, peakDay: 190, turnOfYear: 4)),
      c(
        "1.6.1", "Brand/ontploffing", 0.4, .nuisance,
        season: Season(amplitude: 0.2, peakDay: 200, turnOfYear: 5)),
      c(
        "3.1.1", "Drugshandel", 0.6, .drugs, season: Season(amplitude: 0.05, peakDay: 200),
        trend: 0.02),
      c("3.1.2", "Mensensmokkel", 0.02, .subversion),
      c("3.1.3", "Wapenhandel", 0.3, .subversion, trend: 0.03),
      c("1.6.3", "Mensenhandel", 0.03, .subversion),
      c("2.7.2", "Bijzondere wetten", 0.6, .subversion),
      c("2.6.2", "Bodem", 0.05, .drugs),
    ]
    func reclassify(_ code: String, from prelim: String, share: Double) {
      guard let i = list.firstIndex(where: { $0.code == code }),
        let p = list.first(where: { $0.code == prelim })
      else { return }
      list[i].preliminary = (p.code, p.label, share)
    }
    reclassify("1.4.3", from: "1.4.5", share: 0.2)
    reclassify("1.1.1", from: "2.2.1", share: 0.08)
    reclassify("1.4.5", from: "1.4.4", share: 0.06)
    reclassify("3.1.1", from: "2.1.1", share: 0.15)
    reclassify("1.4.6", from: "1.2.4", share: 0.15)
    return list
  }

  /// Police nuisance incidents (not crimes).
  static func policeIncidents() -> [Category] {
    let s = SourceID.politieIncidenten
    let summer = Season(amplitude: 0.35, peakDay: 195)
    var e33 = Category(
      source: s, code: "E33", label: "Overlast door persoon met verward gedrag", perYear: 5.5,
      exposure: .inhabitants, group: .confused, season: Season(amplitude: 0.1, peakDay: 190),
      trendPerYear: 0.05, hours: .anytime)
    e33.preliminary = ("E37", "Geluidsoverlast", 0.05)
    return [
      e33,
      Category(
        source: s, code: "E38", label: "Overlast jeugd", perYear: 4.0, exposure: .inhabitants,
        group: .youth, season: summer, trendPerYear: 0.02, weekday: .weekend, hours: .evening),
      Category(
        source: s, code: "E35", label: "Overlast i.v.m. alcohol/drugs", perYear: 2.0,
        exposure: .inhabitants, group: .nuisance, season: Season(amplitude: 0.3, peakDay: 195),
        weekday: .weekend, hours: .night),
      Category(
        source: s, code: "E37", label: "Geluidsoverlast", perYear: 4.0, exposure: .inhabitants,
        group: .nuisance, season: Season(amplitude: 0.3, peakDay: 200), weekday: .weekend,
        hours: .night),
      Category(
        source: s, code: "F22", label: "Hennepkwekerij aangetroffen", perYear: 0.15,
        exposure: .inhabitants, group: .drugs, hours: .daytime),
    ]
  }

  /// A housing corporation's categories, in its own words.
  static func housing(_ corp: HousingCorporation) -> [Category] {
    let s = corp.source
    let names: [String] =
      corp == .woonpunt
      ? [
        "hennepkwekerij", "woonfraude", "burenoverlast", "geluidsoverlast", "huurachterstand",
        "ontruiming aangezegd", "ontruiming uitgevoerd", "overig",
      ]
      : [
        "Hennepteelt", "Illegale onderhuur", "Overlast buren", "Geluidshinder",
        "Betalingsachterstand", "Ontruimingsvonnis", "Ontruiming", "Overige melding",
      ]
    let e = Exposure.corporationDwellings(corp)
    func c(
      _ i: Int, _ rate: Double, _ group: CategoryGroup, season: Season = .flat, trend: Double = 0
    )
      -> Category
    {
      Category(
        source: s, code: names[i], perYear: rate, exposure: e, group: group, season: season,
        trendPerYear: trend, weekday: .workdays, hours: .daytime)
    }
    var hemp = c(0, 1.0, .drugs)
    hemp.preliminary = (names[2], nil, 0.3)  // smell complaints turn out to be a cannabis farm
    var fraud = c(1, 2.5, .subversion)
    fraud.preliminary = (names[7], nil, 0.2)
    return [
      hemp, fraud,
      c(2, 25, .housingNuisance, season: Season(amplitude: 0.15, peakDay: 200)),
      c(3, 12, .housingNuisance, season: Season(amplitude: 0.25, peakDay: 200)),
      c(4, 18, .poverty, season: Season(amplitude: 0.1, peakDay: 15), trend: -0.02),
      c(5, 3, .poverty),
      c(6, 0.9, .poverty),
      c(7, 10, .housingNuisance),
    ]
  }

  /// The aggregated sources: welfare (wijk × month), Veilig Thuis (buurt × month) and the
  /// Veiligheidshuis (wijk × quarter).
  static func aggregated() -> [Category] {
    [
      Category(
        source: .welzijnCasussen, code: "Risicojongeren", perYear: 1.2, exposure: .inhabitants,
        group: .youth, season: Season(amplitude: 0.2, peakDay: 280), dispersion: 10),
      Category(
        source: .welzijnCasussen, code: "Nazorg ex-gedetineerden", perYear: 0.6,
        exposure: .inhabitants, group: .poverty, dispersion: 10),
      Category(
        source: .welzijnCasussen, code: "Signalen mensenhandel", perYear: 0.15,
        exposure: .inhabitants, group: .subversion, dispersion: 10),
      Category(
        source: .veiligThuisMeldingen, code: "meldingen", perYear: 16, exposure: .households,
        group: .domestic, season: Season(amplitude: 0.1, peakDay: 360), trendPerYear: 0.03,
        dispersion: 10),
      Category(
        source: .veiligheidshuisCasussen, code: "Radicalisering", perYear: 0.1,
        exposure: .inhabitants, group: .radicalisation, dispersion: 10),
      Category(
        source: .veiligheidshuisCasussen, code: "Top-X", perYear: 0.3, exposure: .inhabitants,
        group: .violence, dispersion: 10),
    ]
  }

  /// The municipality's own registrations: public-space reports (MOR) and public order.
  static func municipality() -> [Category] {
    [
      Category(
        source: .gemeenteMOR, code: "Jongerenoverlast", perYear: 3, exposure: .inhabitants,
        group: .youth, season: Season(amplitude: 0.35, peakDay: 195), trendPerYear: 0.02,
        weekday: .weekend, hours: .evening),
      Category(
        source: .gemeenteMOR, code: "Overlast personen", perYear: 2.2, exposure: .inhabitants,
        group: .confused, season: Season(amplitude: 0.15, peakDay: 200), hours: .evening),
      Category(
        source: .gemeenteMOR, code: "Afval en zwerfvuil", perYear: 5, exposure: .inhabitants,
        group: .litter, season: Season(amplitude: 0.2, peakDay: 200), hours: .daytime),
      Category(
        source: .gemeenteMOR, code: "Straatverlichting", perYear: 1.5, exposure: .inhabitants,
        group: .litter, season: Season(amplitude: 0.5, peakDay: 355), hours: .evening),
      Category(
        source: .gemeenteOpenbareOrde, code: "Evenement", perYear: 3, exposure: .fixed,
        group: .events, season: Season(amplitude: 0.6, peakDay: 190), dispersion: 20,
        weekday: .weekend, hours: .daytime),
      Category(
        source: .gemeenteOpenbareOrde, code: "Demonstratie", perYear: 0.2, exposure: .fixed,
        group: .demonstrations, dispersion: 20, weekday: .weekend, hours: .daytime),
      Category(
        source: .gemeenteOpenbareOrde, code: "Illegaal feest", perYear: 0.1, exposure: .fixed,
        group: .illegalParties, season: Season(amplitude: 0.8, peakDay: 200), dispersion: 20,
        weekday: .weekend, hours: .night),
      // Football matches follow a fixture list, not a rate (see `FootballSchedule`).
      Category(
        source: .gemeenteOpenbareOrde, code: "Voetbalwedstrijd", perYear: 0, exposure: .fixed,
        group: .events, weekday: .weekend, hours: .evening),
    ]
  }
}
