/// Demostad: a fictional municipality (CBS code GM9999, which belongs to no real
/// municipality), eight wijken and forty buurten with made-up Dutch-sounding names. It
/// lies, on paper, in the IJsselmeer (RD New around x 150 km, y 535 km), so its synthetic
/// polygons cannot be mistaken for a real town.
enum DemostadPlan {
  static let woonpunt = "woonpuntMeldingen"
  static let veiligheidshuis = "veiligheidshuisCasussen"

  static func plan() -> GemeentePlan {
    typealias B = BuurtPlan
    let wijken: [WijkPlan] = [
      WijkPlan(
        name: "Binnenstad",
        buurten: [
          B(
            name: "Marktkwartier", profile: .centre, inhabitants: 1_450, areaWeight: 0.6,
            aliases: [("Centrum-Markt", woonpunt)]),
          B(name: "Kerkbuurt", profile: .centre, inhabitants: 1_900, areaWeight: 0.6),
          B(name: "Oude Haven", profile: .centre, inhabitants: 1_250, areaWeight: 0.7),
          B(name: "Stationskwartier", profile: .centre, inhabitants: 980, areaWeight: 0.8),
          B(name: "Vismarkt", profile: .ordinary, inhabitants: 1_600, areaWeight: 0.6),
          B(name: "Kaaikwartier", profile: .ordinary, inhabitants: 2_100, areaWeight: 0.8),
        ], woonpuntShare: 1, aliases: [("Centrum", veiligheidshuis)]),
      WijkPlan(
        name: "Mariënwaard",
        buurten: [
          B(
            name: "Mariënwaard-Noord", profile: .ordinary, inhabitants: 2_650, areaWeight: 1,
            aliases: [("Marienwaard-Noord", woonpunt), ("Mariënwaard Noord", nil)]),
          B(
            name: "Mariënwaard-Zuid", profile: .ordinary, inhabitants: 2_400, areaWeight: 1,
            aliases: [("Marienwaard-Zuid", woonpunt), ("Mariënwaard Zuid", nil)]),
          B(
            name: "Ariënshof", profile: .ordinary, inhabitants: 1_300, areaWeight: 0.8,
            aliases: [("Ariens Hof", woonpunt)]),
          B(name: "Kloosterweide", profile: .suburb, inhabitants: 1_750, areaWeight: 1.4),
          B(name: "Dorpsakker", profile: .village, inhabitants: 900, areaWeight: 1.2),
        ], woonpuntShare: 1, aliases: [("Marienwaard", veiligheidshuis)]),
      WijkPlan(
        name: "Vlietzoom",
        buurten: [
          B(name: "Vlietoever", profile: .ordinary, inhabitants: 1_800, areaWeight: 1),
          B(name: "Zoomhof", profile: .ordinary, inhabitants: 2_200, areaWeight: 1),
          B(name: "Rietkraag", profile: .suburb, inhabitants: 1_150, areaWeight: 1.4),
          B(name: "Zwanenveld", profile: .ordinary, inhabitants: 1_650, areaWeight: 1),
          B(name: "Molenkade", profile: .ordinary, inhabitants: 950, areaWeight: 0.8),
        ], woonpuntShare: 1),
      WijkPlan(
        name: "Kruisakker",
        buurten: [
          B(
            name: "Kruisakker-Oost", profile: .problem, inhabitants: 2_800, areaWeight: 0.9,
            aliases: [("Kruisakker O.", woonpunt)]),
          B(name: "Kruisakker-West", profile: .ordinary, inhabitants: 2_450, areaWeight: 1),
          B(
            name: "Galgenveld", profile: .problem, inhabitants: 3_100, areaWeight: 1,
            aliases: [("Het Galgenveld", nil)], codeChangeYear: 2022),
          B(name: "Looierij", profile: .ordinary, inhabitants: 1_400, areaWeight: 0.8),
          B(name: "Smidsbuurt", profile: .problem, inhabitants: 1_700, areaWeight: 0.8),
        ], woonpuntShare: 0.5),
      WijkPlan(
        name: "Hoogveld",
        buurten: [
          B(name: "Hoogveld-Noord", profile: .suburb, inhabitants: 2_300, areaWeight: 1.4),
          B(name: "Hoogveld-Zuid", profile: .suburb, inhabitants: 2_150, areaWeight: 1.4),
          B(name: "Heidezoom", profile: .suburb, inhabitants: 1_200, areaWeight: 1.8),
          B(name: "Berkenrode", profile: .suburb, inhabitants: 1_550, areaWeight: 1.4),
          B(name: "Dennenhaghe", profile: .village, inhabitants: 850, areaWeight: 1.2),
          B(name: "Sparrenrijk", profile: .ordinary, inhabitants: 1_000, areaWeight: 1),
        ], woonpuntShare: 0),
      WijkPlan(
        name: "De Weiden",
        buurten: [
          B(name: "Weidebloem", profile: .ordinary, inhabitants: 1_900, areaWeight: 1),
          B(name: "Koekoeksweide", profile: .ordinary, inhabitants: 1_600, areaWeight: 1),
          B(name: "Boterbloem", profile: .problem, inhabitants: 1_400, areaWeight: 0.8),
          B(name: "Ooievaarsnest", profile: .ordinary, inhabitants: 1_200, areaWeight: 1),
          B(name: "Eendenkooi", profile: .newBuild, inhabitants: 2_400, areaWeight: 1.3),
        ], woonpuntShare: 0.6),
      WijkPlan(
        name: "Dijkhaven",
        buurten: [
          B(name: "Dijkhaven-Industrie", profile: .industrial, inhabitants: 15, areaWeight: 4),
          B(name: "Zuiderdok", profile: .industrial, inhabitants: 320, areaWeight: 2.5),
          B(name: "Scheepsweg", profile: .ordinary, inhabitants: 780, areaWeight: 1),
        ], woonpuntShare: 0),
      WijkPlan(
        name: "Groenhoven",
        buurten: [
          B(
            name: "Belvédère", profile: .suburb, inhabitants: 1_950, areaWeight: 1.4,
            aliases: [("Belvedere", nil)]),
          B(
            name: "Ruïnehof", profile: .suburb, inhabitants: 1_100, areaWeight: 1.2,
            aliases: [("Ruinehof", nil)]),
          B(name: "Kastanjehof", profile: .suburb, inhabitants: 1_700, areaWeight: 1.4),
          B(name: "Hoveniersbuurt", profile: .ordinary, inhabitants: 1_500, areaWeight: 1),
          B(name: "Lindelaan", profile: .suburb, inhabitants: 1_250, areaWeight: 1.2),
        ], woonpuntShare: 0.2),
    ]
    return GemeentePlan(
      number: 9999, name: "Demostad", wijken: wijken, originX: 150_000, originY: 535_000)
  }
}
