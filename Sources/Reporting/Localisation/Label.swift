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
  // Dashboard (the analysts' desk in the browser)
  case navOverview, navData, navAPI, otherLanguageName, skipToContent
  case signIn, signOut, signedInAs, accessToken, userName, password, signInFailed, signInIntro
  case errorNotFound, errorNotFoundText, errorBadRequest, errorForbidden, errorCSRF
  case errorServer, errorHeading, errorUnauthorised, backToOverview
  case dataTitle, dataIntro, dataPerSource, dataLedger, dataRuns, dataUnknownAreas
  case dataUnknownAreasIntro, dataQuarantineIntro, dataNoExports, dataShowing, dataShowAll
  case dataUnmappedCategories, dataUnmappedIntro, dataFilter, dataAll, dataLastReceived
  case dataRunStarted, dataRunFinished, dataRunDate, dataRowsTotal, dataRecords
  case dataDuplicates, dataKeptAt, dataPeriods, dataBytes, dataFiles, dataNoRuns
  case source, file, received, reason, rowsOk, rowsUnmapped
  case recordsNew, recordsReplaced, recordsUnchanged
  case runRunning, runOk, runFailed, runInterrupted
  // Reports
  case reportTitle, annualEvaluationTitle, syntheticDataNotice, generatedOn
  case sectionFlags, sectionThemes, sectionWijken, sectionMap, sectionMethods
  case sectionExports, sectionDetectors, sectionEvaluation
  case exportsApplied, exportsQuarantined, rowsRejected, rowsUnknownArea

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
    case .navOverview: ("Overzicht", "Overview")
    case .navData: ("Gegevens", "Data")
    case .navAPI: ("API", "API")
    case .otherLanguageName: ("English", "Nederlands")
    case .skipToContent: ("Naar de inhoud", "Skip to content")
    case .signIn: ("Aanmelden", "Sign in")
    case .signOut: ("Afmelden", "Sign out")
    case .signedInAs: ("aangemeld als", "signed in as")
    case .accessToken: ("Toegangscode", "Access token")
    case .userName: ("Gebruikersnaam", "User name")
    case .password: ("Wachtwoord", "Password")
    case .signInFailed:
      (
        "Aanmelden is niet gelukt. Controleer wat u invulde.",
        "Sign-in failed. Check what you entered."
      )
    case .signInIntro:
      (
        "Deze monitor bevat gevoelige gegevens. Meld u aan om verder te gaan.",
        "This monitor holds sensitive data. Sign in to continue."
      )
    case .errorNotFound: ("Niet gevonden", "Not found")
    case .errorNotFoundText:
      (
        "Deze pagina of dit gebied bestaat niet (meer).",
        "This page or area does not exist (any more)."
      )
    case .errorBadRequest: ("Ongeldig verzoek", "Bad request")
    case .errorForbidden: ("Geweigerd", "Forbidden")
    case .errorCSRF:
      (
        "Dit formulier is verlopen of kwam niet van deze monitor. Laad de pagina opnieuw en probeer het nog eens.",
        "This form has expired or did not come from this monitor. Reload the page and try again."
      )
    case .errorServer:
      (
        "Er ging iets mis bij het lezen van de gegevens. Probeer het later opnieuw; blijft het misgaan, meld het dan aan de beheerder.",
        "Something went wrong reading the data. Try again later; if it keeps failing, tell the administrator."
      )
    case .errorHeading: ("Er ging iets mis", "Something went wrong")
    case .errorUnauthorised: ("Aanmelden vereist", "Sign-in required")
    case .backToOverview: ("Terug naar het overzicht", "Back to the overview")
    case .dataTitle: ("Aanleveringen", "Exports")
    case .dataIntro:
      (
        "Welke bestanden de partners aanleverden, wanneer, en wat ermee gebeurde: zo kunt u een cijfer vertrouwen of ter discussie stellen.",
        "Which files the partners delivered, when, and what became of them: so you can trust or question a figure."
      )
    case .dataPerSource: ("Per bron", "Per source")
    case .dataLedger: ("Alle aanleveringen", "All exports")
    case .dataRuns: ("Verwerkingsrondes", "Runs")
    case .dataUnknownAreas: ("Onbekende gebieden", "Unknown areas")
    case .dataUnknownAreasIntro:
      (
        "Gebiedsnamen en -codes uit de bestanden die bij geen gebied horen. Deze rijen tellen in geen wijk of buurt mee; voeg een alias toe aan het gebiedsregister als u het gebied herkent.",
        "Area names and codes in the files that match no area. These rows count in no district or neighbourhood; add an alias to the area registry if you recognise the area."
      )
    case .dataQuarantineIntro:
      (
        "Deze bestanden zijn in hun geheel geweigerd; niets ervan telt mee. De reden staat erbij.",
        "These files were rejected whole; nothing of them counts. The reason is given."
      )
    case .dataNoExports: ("Nog geen aanleveringen verwerkt.", "No exports processed yet.")
    case .dataShowing: ("getoond", "shown")
    case .dataShowAll: ("Toon alles", "Show all")
    case .dataUnmappedCategories:
      ("Categorieën zonder indicator", "Categories without an indicator")
    case .dataUnmappedIntro:
      (
        "Deze categorieën komen in de gegevens voor maar voeden geen indicator (bewust, of een ontbrekende koppeling in de pijplijn).",
        "These categories occur in the data but feed no indicator (on purpose, or a mapping missing from the pipeline)."
      )
    case .dataFilter: ("Filter", "Filter")
    case .dataAll: ("alle", "all")
    case .dataLastReceived: ("laatst ontvangen", "last received")
    case .dataRunStarted: ("begonnen", "started")
    case .dataRunFinished: ("klaar", "finished")
    case .dataRunDate: ("rundatum", "run date")
    case .dataRowsTotal: ("rijen", "rows")
    case .dataRecords:
      ("registraties nieuw / vervangen / ongewijzigd", "records new / replaced / unchanged")
    case .dataDuplicates: ("dubbel aangeleverd", "delivered twice")
    case .dataKeptAt: ("bewaard in", "kept at")
    case .dataPeriods: ("periode in het bestand", "period in the file")
    case .dataBytes: ("bytes", "bytes")
    case .dataFiles: ("bestanden", "files")
    case .dataNoRuns: ("Nog geen verwerkingsrondes.", "No runs yet.")
    case .source: ("bron", "source")
    case .file: ("bestand", "file")
    case .received: ("ontvangen", "received")
    case .reason: ("reden", "reason")
    case .rowsOk: ("rijen verwerkt", "rows processed")
    case .rowsUnmapped: ("rijen zonder indicator", "rows without an indicator")
    case .recordsNew: ("nieuw", "new")
    case .recordsReplaced: ("vervangen", "replaced")
    case .recordsUnchanged: ("ongewijzigd", "unchanged")
    case .runRunning: ("bezig", "running")
    case .runOk: ("gelukt", "ok")
    case .runFailed: ("mislukt", "failed")
    case .runInterrupted: ("onderbroken", "interrupted")
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
    }
  }
}

extension DisplayLanguage {
  /// Shorthand: `lang[.observed]`.
  public subscript(_ label: Label) -> String { label.text(self) }
}
