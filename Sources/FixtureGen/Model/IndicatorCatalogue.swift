import SafetyCore

/// An indicator as the demo pipeline defines it: which source categories feed it, its
/// theme, base period and level. The generator needs this to plant episodes per indicator
/// and to write which indicators and themes an episode concerns; a test keeps it equal to
/// `pipelines/demostad.yaml`.
public struct IndicatorDef: Sendable {
  public var id: String
  public var theme: String
  public var subtheme: String?
  public var from: [(source: SourceID, categories: [String])]
  public var period: PeriodKind
  public var level: AreaLevel

  public var sources: [SourceID] { from.map(\.source) }
}

public enum IndicatorCatalogue {
  public static let themes = [
    "ondermijning", "overlast", "hic", "zorgEnVeiligheid", "openbareOrde",
  ]
  public static let careSubthemes = [
    "verwardGedrag", "huiselijkGeweld", "radicalisering", "risicojeugd", "exJustitiabelen",
    "mensenhandel", "multiproblematiek",
  ]

  public static let all: [IndicatorDef] = {
    typealias I = IndicatorDef
    let pm = SourceID.politieMisdrijven
    let pi = SourceID.politieIncidenten
    let wp = SourceID.woonpuntMeldingen
    let sw = SourceID.stadswonenMeldingen
    let z = "zorgEnVeiligheid"
    return [
      I(
        id: "drugshandel", theme: "ondermijning", from: [(pm, ["3.1.1", "2.6.2"])],
        period: .week, level: .buurt),
      I(
        id: "hennepkwekerijen", theme: "ondermijning",
        from: [(wp, ["hennepkwekerij"]), (sw, ["Hennepteelt"]), (pi, ["F22"])],
        period: .month, level: .wijk),
      I(
        id: "woonfraude", theme: "ondermijning",
        from: [(wp, ["woonfraude"]), (sw, ["Illegale onderhuur"])], period: .month, level: .wijk),
      I(
        id: "wapensEnMensensmokkel", theme: "ondermijning",
        from: [(pm, ["3.1.3", "3.1.2", "2.7.2"])], period: .month, level: .wijk),
      I(
        id: "overlastPolitie", theme: "overlast", from: [(pi, ["E35", "E37"])],
        period: .week, level: .buurt),
      I(
        id: "drugsDrankoverlast", theme: "overlast", from: [(pm, ["2.1.1"])],
        period: .month, level: .wijk),
      I(
        id: "vernielingEnOpenbareOrde", theme: "overlast",
        from: [(pm, ["2.2.1", "3.6.4", "2.7.3"])], period: .week, level: .buurt),
      I(
        id: "woonoverlast", theme: "overlast",
        from: [
          (wp, ["burenoverlast", "geluidsoverlast"]), (sw, ["Overlast buren", "Geluidshinder"]),
        ],
        period: .week, level: .buurt),
      I(
        id: "overlastMOR", theme: "overlast",
        from: [(.gemeenteMOR, ["Jongerenoverlast", "Overlast personen"])],
        period: .week, level: .buurt),
      I(id: "woninginbraak", theme: "hic", from: [(pm, ["1.1.1"])], period: .week, level: .buurt),
      I(id: "zakkenrollerij", theme: "hic", from: [(pm, ["1.2.4"])], period: .week, level: .buurt),
      I(
        id: "diefstalVanMotorvoertuigen", theme: "hic", from: [(pm, ["1.2.2"])],
        period: .month, level: .wijk),
      I(
        id: "diefstalUitVanMotorvoertuigen", theme: "hic", from: [(pm, ["1.2.1"])],
        period: .week, level: .buurt),
      I(id: "fietsdiefstal", theme: "hic", from: [(pm, ["1.2.3"])], period: .week, level: .buurt),
      I(
        id: "straatroofEnOverval", theme: "hic", from: [(pm, ["1.4.6", "1.4.7"])],
        period: .month, level: .wijk),
      I(
        id: "geweld", theme: "hic", from: [(pm, ["1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5"])],
        period: .week, level: .buurt),
      I(id: "winkeldiefstal", theme: "hic", from: [(pm, ["2.5.2"])], period: .week, level: .buurt),
      I(
        id: "verwardGedrag", theme: z, subtheme: "verwardGedrag", from: [(pi, ["E33"])],
        period: .week, level: .buurt),
      I(
        id: "huiselijkGeweld", theme: z, subtheme: "huiselijkGeweld",
        from: [(.veiligThuisMeldingen, ["meldingen"]), (pm, ["2.4.1"])],
        period: .month, level: .buurt),
      I(
        id: "risicojeugd", theme: z, subtheme: "risicojeugd",
        from: [(pi, ["E38"]), (.welzijnCasussen, ["Risicojongeren"])],
        period: .month, level: .wijk),
      I(
        id: "nazorgExGedetineerden", theme: z, subtheme: "exJustitiabelen",
        from: [(.welzijnCasussen, ["Nazorg ex-gedetineerden"])], period: .month, level: .wijk),
      I(
        id: "topX", theme: z, subtheme: "exJustitiabelen",
        from: [(.veiligheidshuisCasussen, ["Top-X"])], period: .quarter, level: .wijk),
      I(
        id: "radicalisering", theme: z, subtheme: "radicalisering",
        from: [(.veiligheidshuisCasussen, ["Radicalisering"])], period: .quarter, level: .wijk),
      I(
        id: "mensenhandel", theme: z, subtheme: "mensenhandel",
        from: [(pm, ["1.6.3"]), (.welzijnCasussen, ["Signalen mensenhandel"])],
        period: .month, level: .wijk),
      I(
        id: "huurachterstandEnOntruiming", theme: z, subtheme: "multiproblematiek",
        from: [
          (wp, ["huurachterstand", "ontruiming aangezegd", "ontruiming uitgevoerd"]),
          (sw, ["Betalingsachterstand", "Ontruimingsvonnis", "Ontruiming"]),
        ], period: .month, level: .buurt),
      I(
        id: "evenementen", theme: "openbareOrde", from: [(.gemeenteOpenbareOrde, ["Evenement"])],
        period: .month, level: .wijk),
      I(
        id: "demonstraties", theme: "openbareOrde",
        from: [(.gemeenteOpenbareOrde, ["Demonstratie"])], period: .month, level: .wijk),
      I(
        id: "voetbal", theme: "openbareOrde",
        from: [(.gemeenteOpenbareOrde, ["Voetbalwedstrijd"])], period: .month, level: .wijk),
      I(
        id: "illegaleFeesten", theme: "openbareOrde",
        from: [(.gemeenteOpenbareOrde, ["Illegaal feest"])], period: .month, level: .wijk),
    ]
  }()

  public static func indicator(_ id: String) -> IndicatorDef? { all.first { $0.id == id } }
}
