/// Every fixed text users see, in Dutch and English. One table for the whole project
/// (reports, terminal output, dashboard): add a case here and the compiler asks for both
/// languages.
public enum Label: String, Sendable, Hashable, CaseIterable {
  // Flag kinds
  case kindSpike, kindRising, kindElevated, kindConvergent, kindCluster
  // Flag statuses
  case statusNew, statusOngoing, statusEscalated, statusDeescalated, statusResolved
  case statusAcknowledged, statusDismissed
  // Common nouns
  case area, wijk, buurt, gemeente, theme, indicator, partner, partners, period, kind
  case status, severity, firstSeen, lastSeen, observed, expected, upperBound, pValue
  case trendSlope, index, count, rate, total, change, note, by, when, flags, flag
  case openFlags, newFlags, escalatedFlags, noFlags, series, map, methods, data
  // Comparisons
  case previousPeriod, sameLastYear, changeVsPrevious, changeVsLastYear
  // Disclosure and honesty
  case suppressedSmallCount, suppressedSmallPopulation, insufficientHistory, notAvailable
  // Chart legends
  case legendObserved, legendExpected, legendUpperBound, legendAlarm, legendSuppressed
  // Map legends
  case legendIndexBelow80, legendIndex80to100, legendIndex100to120, legendIndex120to150
  case legendIndexAbove150, legendNoData
  // Reports
  case reportTitle, annualEvaluationTitle, syntheticDataNotice, generatedOn
  case sectionFlags, sectionThemes, sectionWijken, sectionMap, sectionMethods
  case sectionExports, sectionDetectors, sectionEvaluation
  case exportsApplied, exportsQuarantined, rowsRejected, rowsUnknownArea
  // Flags on the terminal (list, show, ack, run summary)
  case flagID, review, reviewNone, since, weeks, partnersAndIndicators, explanation, history
  case signalsOf, combinedPValue, members, openSince, resolvedOn, noFlagsMatch, flagsShown
  case eventOpened, eventEscalated, eventDeescalated, eventResolved, eventRevised
  case severityLow, severityMedium, severityHigh, perYear, flagsOfRun, flagsOpenTotal
  case acknowledgedBy, dismissedBy, reviewRecorded, unknownFlag, areaNotFound, vroegsignaleringNote
  case detectorAlarm, softSignal, trendRising, levelElevated, clusterOf, familyAcute
  // Evaluation
  case evaluationTitle, episodesFlagged, medianDelay, falseFlagsPerAreaWeek, flagWeeks
  case bestSingleSource, target, targetMet, targetNotMet, earlier, asEarly, later, episode
  case allKinds, clearlyElevated, evaluatedAreaWeeks, system, notFlagged
  case monthsUnit, quartersUnit, yearsUnit, atMunicipalRate, perWeek, perMonth, perQuarter
  case seriesNote, areaCode, severityBand

  public func text(_ language: DisplayLanguage) -> String {
    let t = translations
    return language == .nl ? t.nl : t.en
  }

  private var translations: (nl: String, en: String) {
    switch self {
    case .kindSpike: ("piek", "spike")
    case .kindRising: ("stijgend", "rising")
    case .kindElevated: ("verhoogd", "elevated")
    case .kindConvergent: ("samenvallend", "convergent")
    case .kindCluster: ("cluster", "cluster")
    case .statusNew: ("nieuw", "new")
    case .statusOngoing: ("lopend", "ongoing")
    case .statusEscalated: ("verergerd", "escalated")
    case .statusDeescalated: ("afgezwakt", "de-escalated")
    case .statusResolved: ("opgelost", "resolved")
    case .statusAcknowledged: ("bevestigd", "acknowledged")
    case .statusDismissed: ("terzijde gelegd", "dismissed")
    case .area: ("gebied", "area")
    case .wijk: ("wijk", "district")
    case .buurt: ("buurt", "neighbourhood")
    case .gemeente: ("gemeente", "municipality")
    case .theme: ("thema", "theme")
    case .indicator: ("indicator", "indicator")
    case .partner: ("partner", "partner")
    case .partners: ("partners", "partners")
    case .period: ("periode", "period")
    case .kind: ("soort", "kind")
    case .status: ("status", "status")
    case .severity: ("ernst", "severity")
    case .firstSeen: ("eerst gezien", "first seen")
    case .lastSeen: ("laatst gezien", "last seen")
    case .observed: ("waargenomen", "observed")
    case .expected: ("verwacht", "expected")
    case .upperBound: ("bovengrens", "upper bound")
    case .pValue: ("p-waarde", "p-value")
    case .trendSlope: ("trend (helling)", "trend (slope)")
    case .index: ("index (gemeente = 100)", "index (municipality = 100)")
    case .count: ("aantal", "count")
    case .rate: ("per 1.000", "per 1,000")
    case .total: ("totaal", "total")
    case .change: ("verandering", "change")
    case .note: ("notitie", "note")
    case .by: ("door", "by")
    case .when: ("wanneer", "when")
    case .flags: ("signalen", "flags")
    case .flag: ("signaal", "flag")
    case .openFlags: ("open signalen", "open flags")
    case .newFlags: ("nieuwe signalen", "new flags")
    case .escalatedFlags: ("verergerde signalen", "escalated flags")
    case .noFlags: ("geen signalen", "no flags")
    case .series: ("reeks", "series")
    case .map: ("kaart", "map")
    case .methods: ("methoden", "methods")
    case .data: ("gegevens", "data")
    case .previousPeriod: ("vorige periode", "previous period")
    case .sameLastYear: ("zelfde periode vorig jaar", "same period last year")
    case .changeVsPrevious: ("t.o.v. vorige periode", "vs previous period")
    case .changeVsLastYear: ("t.o.v. vorig jaar", "vs last year")
    case .suppressedSmallCount: ("minder dan de minimale celwaarde", "below the minimum cell size")
    case .suppressedSmallPopulation:
      ("niet getoond: te weinig inwoners", "not shown: too few inhabitants")
    case .insufficientHistory: ("onvoldoende historie", "insufficient history")
    case .notAvailable: ("niet beschikbaar", "not available")
    case .legendObserved: ("waargenomen", "observed")
    case .legendExpected: ("verwacht", "expected")
    case .legendUpperBound: ("bovengrens (alarmdrempel)", "upper bound (alarm threshold)")
    case .legendAlarm: ("alarm", "alarm")
    case .legendSuppressed: ("klein aantal (afgeschermd)", "small count (suppressed)")
    case .legendIndexBelow80: ("onder 80", "below 80")
    case .legendIndex80to100: ("80 – 100", "80 – 100")
    case .legendIndex100to120: ("100 – 120", "100 – 120")
    case .legendIndex120to150: ("120 – 150", "120 – 150")
    case .legendIndexAbove150: ("150 en hoger", "150 and above")
    case .legendNoData: ("geen gegevens", "no data")
    case .reportTitle: ("Veiligheidsmonitor", "Safety monitor")
    case .annualEvaluationTitle: ("Jaarevaluatie veiligheid", "Annual safety evaluation")
    case .syntheticDataNotice:
      (
        "Let op: dit rapport is gemaakt met synthetische demonstratiegegevens.",
        "Note: this report was made from synthetic demonstration data."
      )
    case .generatedOn: ("gemaakt op", "generated on")
    case .sectionFlags: ("Signalen", "Flags")
    case .sectionThemes: ("Thema's", "Themes")
    case .sectionWijken: ("Wijken", "Districts")
    case .sectionMap: ("Kaart", "Map")
    case .sectionMethods: ("Methoden en gegevens", "Methods and data")
    case .sectionExports: ("Gebruikte aanleveringen", "Exports used")
    case .sectionDetectors: ("Detectiemethoden", "Detectors")
    case .sectionEvaluation: ("Evaluatie", "Evaluation")
    case .exportsApplied: ("verwerkt", "applied")
    case .exportsQuarantined: ("in quarantaine", "quarantined")
    case .rowsRejected: ("rijen afgewezen", "rows rejected")
    case .rowsUnknownArea: ("rijen met onbekend gebied", "rows with unknown area")
    case .flagID: ("id", "id")
    case .review: ("beoordeling", "review")
    case .reviewNone: ("nog niet beoordeeld", "not reviewed yet")
    case .since: ("sinds", "since")
    case .weeks: ("weken", "weeks")
    case .partnersAndIndicators: ("indicatoren en partners", "indicators and partners")
    case .explanation: ("toelichting", "explanation")
    case .history: ("geschiedenis", "history")
    case .signalsOf: ("signalen van", "signals of")
    case .combinedPValue: ("gecombineerde p-waarde", "combined p-value")
    case .members: ("aangrenzende gebieden", "adjacent areas")
    case .openSince: ("open sinds", "open since")
    case .resolvedOn: ("opgelost in", "resolved in")
    case .noFlagsMatch: ("geen signalen die aan de filters voldoen", "no flags match the filters")
    case .flagsShown: ("signalen getoond", "flags shown")
    case .eventOpened: ("afgegeven", "raised")
    case .eventEscalated: ("verergerd", "escalated")
    case .eventDeescalated: ("afgezwakt", "de-escalated")
    case .eventResolved: ("opgelost", "resolved")
    case .eventRevised: ("na herziene gegevens", "after revised data")
    case .severityLow: ("laag", "low")
    case .severityMedium: ("midden", "medium")
    case .severityHigh: ("hoog", "high")
    case .perYear: ("per jaar", "per year")
    case .flagsOfRun: ("signalen", "flags")
    case .flagsOpenTotal: ("open in totaal", "open in total")
    case .acknowledgedBy: ("bevestigd door", "acknowledged by")
    case .dismissedBy: ("terzijde gelegd door", "dismissed by")
    case .reviewRecorded: ("vastgelegd", "recorded")
    case .unknownFlag: ("onbekend signaal", "unknown flag")
    case .areaNotFound: ("onbekend gebied", "unknown area")
    case .vroegsignaleringNote:
      (
        "Vroegsignalering: vroege waarschuwing voor veiligheidsproblemen in buurten "
          + "(niet de landelijke vroegsignalering van schulden).",
        "Early warning (vroegsignalering) of safety problems in neighbourhoods "
          + "(not the national early signalling of debts)."
      )
    case .detectorAlarm: ("alarm van", "alarm of")
    case .softSignal: ("zwak signaal", "soft signal")
    case .trendRising: ("stijgende trend", "rising trend")
    case .levelElevated: ("hoog niveau", "high level")
    case .clusterOf: ("cluster van", "cluster of")
    case .familyAcute: ("acuut", "acute")
    case .evaluationTitle: ("Kwaliteit van de signalen", "Flag quality")
    case .episodesFlagged: ("episodes gevonden", "episodes flagged")
    case .medianDelay: ("mediane vertraging (weken)", "median delay (weeks)")
    case .falseFlagsPerAreaWeek: ("valse signalen per gebied-week", "false flags per area-week")
    case .flagWeeks: ("signaalweken", "flag-weeks")
    case .bestSingleSource: ("beste enkele bron", "best single source")
    case .target: ("doel", "target")
    case .targetMet: ("gehaald", "met")
    case .targetNotMet: ("niet gehaald", "not met")
    case .earlier: ("eerder", "earlier")
    case .asEarly: ("even vroeg", "as early")
    case .later: ("later", "later")
    case .episode: ("episode", "episode")
    case .allKinds: ("alle", "all")
    case .clearlyElevated: ("duidelijk verhoogde gebied-thema's", "clearly elevated area-themes")
    case .evaluatedAreaWeeks: ("gebied-weken beoordeeld", "area-weeks evaluated")
    case .system: ("systeem", "system")
    case .notFlagged: ("niet gevonden", "not flagged")
    case .monthsUnit: ("maanden", "months")
    case .quartersUnit: ("kwartalen", "quarters")
    case .yearsUnit: ("jaren", "years")
    case .atMunicipalRate: ("bij het gemeentelijk niveau", "at the municipal rate")
    case .perWeek: ("per week", "per week")
    case .perMonth: ("per maand", "per month")
    case .perQuarter: ("per kwartaal", "per quarter")
    case .areaCode: ("gebiedscode", "area code")
    case .severityBand: ("ernstklasse", "severity band")
    case .seriesNote:
      (
        "per 4 weken (weekreeksen) of per maand, laatste twee jaar; aantallen onder de minimale celwaarde op de laagste stand",
        "per 4 weeks (weekly series) or per month, last two years; counts below the minimum cell at the lowest level"
      )
    }
  }
}

extension DisplayLanguage {
  /// Shorthand: `lang[.observed]`.
  public subscript(_ label: Label) -> String { label.text(self) }
}
