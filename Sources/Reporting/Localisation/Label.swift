/// Every fixed text users see, in Dutch and English. One table for the whole project
/// (reports, terminal output, dashboard): add a case here and the compiler asks for both
/// languages. Long by design: one exhaustive table is what keeps both languages complete
/// (splitting the `switch` would lose the compiler's check).
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
  case rowsUnmapped
  case recordsNew, recordsReplaced, recordsUnchanged
  case runRunning, runOk, runFailed, runInterrupted
  case periodPrevious, periodNext, areaBuurten, areaFiguresIntro, areaChartWijkNote
  case areaChartSummedNote, areaChartNoDetection, areaSeries, areaSeriesIntro, noFlagsYet
  case areaNoFlags, areaLocation, areaCode, overviewTitle, overviewIntro, overviewWijken
  case overviewMapByIndex, overviewTheme
  case flagsSinceLastRun, flagsOpenOnly, flagsAllStatuses, flagsByTheme, flagsList
  case flagPageTitle, flagWhat, flagEvidence, peak, periods, flagConvergence, flagReviewHeading
  case flagReviewIntro, yourName, acknowledge, dismiss, noteRequired, nameRequired
  case reviewSaved, reviewFailed, flagSeries, areaFlagsIntro, areaEarlierFlags, view
  case flagsMapTitle, flagWeeksShaded, flagReviewBySignedIn, flagResolvedNotice
  case dataThrough, deskChartNote, areaChartPeriodNote
  // Reports
  case reportTitle, annualEvaluationTitle, syntheticDataNotice, generatedOn
  case sectionFlags, sectionThemes, sectionWijken, sectionMap, sectionMethods
  case sectionExports, sectionDetectors, sectionEvaluation
  case exportsApplied, exportsQuarantined, rowsRejected, rowsUnknownArea
  // Months
  case monthJanuary, monthFebruary, monthMarch, monthApril, monthMay, monthJune, monthJuly
  case monthAugust, monthSeptember, monthOctober, monthNovember, monthDecember
  case monthShortJanuary, monthShortFebruary, monthShortMarch, monthShortApril
  case monthShortMay, monthShortJune, monthShortJuly, monthShortAugust
  case monthShortSeptember, monthShortOctober, monthShortNovember, monthShortDecember
  // Periods ({0}, {1}: placeholders)
  case periodWeekLong, periodMonthLong, periodQuarterLong, periodWeekShort, periodQuarterShort
  case perWeek, perMonth, perQuarter, perYear
  // Units
  case unitCount, unitPer1000Inhabitants, unitPer1000Dwellings, unitPer1000Households
  // Report texts
  case and, versus, page, pageOf, contents, pipeline, syntheticShort
  case sectionSummary, sectionBuurten, comparedWithSentence, periodNotEnded, cardsNote
  case availabilityIncomplete, availabilityCoarser, availabilityNoData, availabilityComplete
  case indexShort, neighbours, inhabitants, disclosureSentence, disclosureHeading
  case highlightFlags, highlightRises, highlightFalls, highlightHighAreas, highlightAlarms
  case highlightIncomplete, highlightNothing, highlightNoChanges, highlightCoarser
  case highlightFlagWijken
  case themesIntro, subthemes, themeTotal, chartComputedNote, chartExplanation
  case chartSuppressedNote, significanceNote, orientationMapTitle, legendNotShown
  case chartAggregatedNote, chartAggregatedShort, trendPerYear
  case wijkenIntro, wijkTableCaption, buurtenIntro, buurtTableCaption, buurtLeftOutNote
  case indexExplanation, dashExplanation, mapIntro, flagMapTitle
  case flagsIntro, noFlagsInPeriod, stillOpenFlags, resolvedFlags, decisionColumn
  case flagsRaisedIn, outcomeStillOpen, outcomesNote, flagsCarriedOver
  case exportsIntro, source, exportsUsed, coverage, rowsOk, shapeAggregated, shapeRecords
  case ofApplied, noDataYet, rowsNote, duplicatesNote, quarantineHeading, noQuarantine
  case quarantineIntro, file, received, reason, detectorsIntro, method, settings, indicators
  case definitionsHeading, changeExplanation, themeTotalExplanation, periodExplanation
  case indicatorDefinitions, sourcesAndCategories, unit, detection
  // Table columns
  case level, codeColumn, parentColumn, shapeColumn, duplicatesColumn, fromColumn, throughColumn
  // Flags on the terminal (list, show, ack, run summary)
  case flagID, review, reviewNone, since, weeks, partnersAndIndicators, explanation, history
  case signalsOf, combinedPValue, members, openSince, resolvedOn, noFlagsMatch, flagsShown
  case eventOpened, eventEscalated, eventDeescalated, eventResolved, eventRevised
  case severityLow, severityMedium, severityHigh, flagsOfRun, flagsOpenTotal
  case acknowledgedBy, dismissedBy, reviewRecorded, unknownFlag, areaNotFound, vroegsignaleringNote
  case detectorAlarm, softSignal, trendRising, levelElevated, clusterOf, familyAcute
  // Evaluation
  case evaluationTitle, episodesFlagged, medianDelay, falseFlagsPerAreaWeek, flagWeeks
  case bestSingleSource, target, targetMet, targetNotMet, earlier, asEarly, later, episode
  case allKinds, clearlyElevated, evaluatedAreaWeeks, system, notFlagged
  case monthsUnit, quartersUnit, yearsUnit, atMunicipalRate
  case seriesNote, severityBand
  case targetSpikeDelay, targetConvergent, targetConvergentRule

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
    case .rowsUnmapped: ("rijen zonder indicator", "rows without an indicator")
    case .recordsNew: ("nieuw", "new")
    case .recordsReplaced: ("vervangen", "replaced")
    case .recordsUnchanged: ("ongewijzigd", "unchanged")
    case .runRunning: ("bezig", "running")
    case .runOk: ("gelukt", "ok")
    case .runFailed: ("mislukt", "failed")
    case .runInterrupted: ("onderbroken", "interrupted")
    case .periodPrevious: ("vorige", "previous")
    case .periodNext: ("volgende", "next")
    case .areaBuurten: ("Buurten in deze wijk", "Neighbourhoods in this district")
    case .areaFiguresIntro:
      (
        "Cijfers over {0}, met de verandering ten opzichte van de vorige periode en dezelfde periode vorig jaar. Index: 100 = het gemiddelde van de gemeente.",
        "Figures for {0}, with the change against the previous period and the same period last year. Index: 100 = the municipal average."
      )
    case .areaChartWijkNote:
      ("gevolgd per wijk: de reeks van {0}", "followed per district: the series of {0}")
    case .areaChartSummedNote:
      (
        "opgeteld over de buurten (de detectie kijkt per buurt)",
        "summed over the neighbourhoods (detection looks per neighbourhood)"
      )
    case .areaChartNoDetection:
      ("alleen waargenomen aantallen", "observed counts only")
    case .areaSeries: ("Reeksen", "Series")
    case .areaSeriesIntro:
      (
        "Per indicator het verloop in dit gebied: waargenomen aantallen, en waar de detectie draaide de verwachting, de bovengrens en alarmen. Open een reeks om hem te zien; reeksen met een alarm in deze periode of een open signaal staan al open.",
        "Per indicator its course in this area: observed counts and, where detection ran, the expectation, the upper bound and alarms. Open a series to see it; series with an alarm in this period or an open flag are open already."
      )
    case .noFlagsYet:
      (
        "Nog geen signalen: de detectie heeft nog niet gedraaid op deze gegevens.",
        "No flags yet: detection has not run on these data."
      )
    case .areaNoFlags: ("Geen open signalen voor dit gebied.", "No open flags for this area.")
    case .areaLocation: ("Ligging", "Location")
    case .areaCode: ("CBS-code", "CBS code")
    case .overviewTitle: ("Overzicht", "Overview")
    case .overviewIntro:
      (
        "De open signalen van vroegsignalering per thema, soort en status, en waar ze liggen.",
        "The open early-warning flags by theme, kind and status, and where they are."
      )
    case .overviewWijken: ("Wijken", "Districts")
    case .overviewMapByIndex: ("Kaart naar index", "Map by index")
    case .overviewTheme: ("Thema op de kaart", "Theme on the map")
    case .flagsSinceLastRun: ("sinds de laatste run van {0}", "since the last run of {0}")
    case .flagsOpenOnly: ("open", "open")
    case .flagsAllStatuses: ("alle, ook opgelost", "all, resolved too")
    case .flagsByTheme: ("Open signalen per thema", "Open flags by theme")
    case .flagsList: ("Signalen", "Flags")
    case .flagPageTitle: ("Signaal {0}", "Flag {0}")
    case .flagWhat: ("Wat er speelt", "What is going on")
    case .flagEvidence: ("Onderbouwing per indicator", "Evidence per indicator")
    case .peak: ("piek", "peak")
    case .periods: ("perioden", "periods")
    case .flagConvergence: ("Samenvallende signalen", "Signals coinciding")
    case .flagReviewHeading: ("Beoordelen", "Review")
    case .flagReviewIntro:
      (
        "Bevestig het signaal als het aandacht krijgt, of leg het terzijde als het geen actie vraagt, met een korte notitie. Uw beoordeling wordt met naam en tijd vastgelegd en kan niet meer worden gewijzigd; een nieuwe beoordeling komt erbij.",
        "Acknowledge the flag when it is taken up, or dismiss it when it needs no action, with a short note. Your review is recorded with your name and the time and cannot be changed afterwards; a new review is added to it."
      )
    case .yourName: ("Uw naam", "Your name")
    case .acknowledge: ("Bevestigen", "Acknowledge")
    case .dismiss: ("Terzijde leggen", "Dismiss")
    case .noteRequired: ("Schrijf een notitie (verplicht).", "Write a note (required).")
    case .nameRequired: ("Vul uw naam in (verplicht).", "Fill in your name (required).")
    case .reviewSaved: ("Uw beoordeling is vastgelegd.", "Your review was recorded.")
    case .reviewFailed:
      (
        "De beoordeling kon niet worden vastgelegd: de opslag is nu niet beschrijfbaar. Probeer het later opnieuw.",
        "The review could not be recorded: the store cannot be written now. Try again later."
      )
    case .flagSeries: ("De reeksen achter dit signaal", "The series behind this flag")
    case .areaFlagsIntro:
      (
        "Signalen voor dit gebied en de buurten erin.",
        "Flags for this area and the neighbourhoods in it."
      )
    case .areaEarlierFlags: ("Eerdere signalen", "Earlier flags")
    case .view: ("bekijk", "view")
    case .flagsMapTitle: ("Kaart naar signaalstatus", "Map by flag status")
    case .flagWeeksShaded:
      ("Geel: de periode van het signaal.", "Yellow: the period of the flag.")
    case .dataThrough: ("Gegevens tot en met {0}.", "Data up to and including {0}.")
    case .deskChartNote:
      (
        "In de grafieken: het waargenomen aantal (donkerblauwe lijn met punten), het verwachte aantal (grijze stippellijn) met daarboven de bovengrens (lichtblauwe band) en alarmen (rode punten), zoals de detectie ze bij de laatste run berekende. Reeksen met vooral kleine aantallen per week staan per maand; een maand heeft dan geen bovengrens, en alarmeert als een van zijn weken dat deed.",
        "In the charts: the observed count (dark blue line with dots), the expected count (grey dashed line) with the upper bound above it (light blue band) and alarms (red dots), as detection computed them in the last run. Series with mostly small weekly counts are shown per month; a month then has no upper bound, and alarms when one of its weeks did."
      )
    case .areaChartPeriodNote: ("Geel: {0}.", "Yellow: {0}.")
    case .flagReviewBySignedIn: ("vastgelegd als", "recorded as")
    case .flagResolvedNotice:
      ("Dit signaal is opgelost in {0}.", "This flag was resolved in {0}.")
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
    case .monthJanuary: ("januari", "January")
    case .monthFebruary: ("februari", "February")
    case .monthMarch: ("maart", "March")
    case .monthApril: ("april", "April")
    case .monthMay: ("mei", "May")
    case .monthJune: ("juni", "June")
    case .monthJuly: ("juli", "July")
    case .monthAugust: ("augustus", "August")
    case .monthSeptember: ("september", "September")
    case .monthOctober: ("oktober", "October")
    case .monthNovember: ("november", "November")
    case .monthDecember: ("december", "December")
    case .monthShortJanuary: ("jan", "Jan")
    case .monthShortFebruary: ("feb", "Feb")
    case .monthShortMarch: ("mrt", "Mar")
    case .monthShortApril: ("apr", "Apr")
    case .monthShortMay: ("mei", "May")
    case .monthShortJune: ("jun", "Jun")
    case .monthShortJuly: ("jul", "Jul")
    case .monthShortAugust: ("aug", "Aug")
    case .monthShortSeptember: ("sep", "Sep")
    case .monthShortOctober: ("okt", "Oct")
    case .monthShortNovember: ("nov", "Nov")
    case .monthShortDecember: ("dec", "Dec")
    case .periodWeekLong: ("week {0} van {1}", "week {0} of {1}")
    case .periodMonthLong: ("{0} {1}", "{0} {1}")
    case .periodQuarterLong: ("{0}e kwartaal {1}", "Q{0} {1}")
    case .periodWeekShort: ("wk {0} {1}", "wk {0} {1}")
    case .periodQuarterShort: ("{0}e kw. {1}", "Q{0} {1}")
    case .perWeek: ("per week", "per week")
    case .perMonth: ("per maand", "per month")
    case .perQuarter: ("per kwartaal", "per quarter")
    case .perYear: ("per jaar", "per year")
    case .unitCount: ("aantal", "count")
    case .unitPer1000Inhabitants: ("per 1.000 inwoners", "per 1,000 inhabitants")
    case .unitPer1000Dwellings: ("per 1.000 woningen", "per 1,000 dwellings")
    case .unitPer1000Households: ("per 1.000 huishoudens", "per 1,000 households")
    case .and: ("en", "and")
    case .versus: ("t.o.v.", "vs")
    case .page: ("pagina", "page")
    case .pageOf: ("van", "of")
    case .contents: ("Inhoud", "Contents")
    case .pipeline: ("pijplijn", "pipeline")
    case .syntheticShort: ("synthetische gegevens", "synthetic data")
    case .sectionSummary: ("Samenvatting", "Summary")
    case .sectionBuurten: ("Buurten", "Neighbourhoods")
    case .comparedWithSentence: ("vergeleken met {0}", "compared with {0}")
    case .periodNotEnded:
      (
        "Deze periode was op {0} nog niet voorbij: de cijfers lopen tot en met die dag.",
        "This period had not ended on {0}: the figures run up to that day."
      )
    case .cardsNote:
      (
        "Totaal per thema: alle registraties en meldingen van de indicatoren van het thema, elk één keer geteld.",
        "Total per theme: all registrations and reports of the theme's indicators, each counted once."
      )
    case .availabilityIncomplete:
      ("onvolledig: gegevens over {0}", "incomplete: data cover {0}")
    case .availabilityCoarser:
      ("geen cijfers: de bronnen leveren {0}", "no figures: the sources deliver {0}")
    case .availabilityNoData: ("nog geen gegevens", "no data yet")
    case .availabilityComplete: ("volledig", "complete")
    case .indexShort: ("index", "index")
    case .neighbours: ("aangrenzend", "adjacent")
    case .inhabitants: ("inwoners", "inhabitants")
    case .disclosureSentence:
      (
        "Aantallen onder {0} staan er als <{0}, nooit precies. Cijfers per 1.000 en indexen staan er alleen bij een getoond aantal en ten minste {1} inwoners (woningen, huishoudens); een verandering alleen als beide aantallen getoond zijn.",
        "Counts below {0} are shown as <{0}, never exactly. Rates per 1,000 and indices are shown only with a shown count and at least {1} inhabitants (dwellings, households); a change only when both counts are shown."
      )
    case .disclosureHeading: ("Kleine aantallen", "Small counts")
    case .highlightFlags:
      (
        "{0} nieuwe en {1} verergerde signalen; aan het eind van de periode staan {2} signalen open.",
        "{0} new and {1} escalated flags; {2} flags are open at the end of the period."
      )
    case .highlightRises:
      ("Sterkste stijgingen t.o.v. {0}: {1}.", "Largest rises against {0}: {1}.")
    case .highlightFalls: ("Sterkste dalingen t.o.v. {0}: {1}.", "Largest falls against {0}: {1}.")
    case .highlightHighAreas:
      (
        "Wijken ruim boven het gemeentelijk niveau (index 150 of hoger): {0}.",
        "Districts well above the municipal level (index 150 or more): {0}."
      )
    case .highlightAlarms:
      (
        "Gemeentebreed hoger dan verwacht in deze periode: {0}.",
        "Higher than expected across the municipality in this period: {0}."
      )
    case .highlightIncomplete:
      (
        "Let op, onvolledige of ontbrekende cijfers: {0}.",
        "Note, incomplete or missing figures: {0}."
      )
    case .highlightFlagWijken:
      ("Open signalen per wijk: {0}.", "Open flags per district: {0}.")
    case .highlightCoarser:
      (
        "Geen cijfers {0}, omdat de bronnen alleen grotere perioden leveren: {1}.",
        "No figures {0}, because their sources deliver longer periods only: {1}."
      )
    case .highlightNoChanges:
      (
        "Geen indicator veranderde t.o.v. {0} meer dan toeval kan verklaren.",
        "No indicator changed against {0} by more than chance can explain."
      )
    case .highlightNothing: ("Geen opvallende veranderingen.", "No notable changes.")
    case .themesIntro:
      (
        "Per thema de indicatoren in {0}, de verandering ten opzichte van de vergelijkingsperioden, en hun verloop in de gemeente als geheel.",
        "Per theme the indicators in {0}, the change against the comparison periods, and their course in the municipality as a whole."
      )
    case .subthemes: ("Subthema's", "Sub-themes")
    case .themeTotal: ("Totaal thema", "Theme total")
    case .chartComputedNote:
      (
        "Verwacht aantal en bovengrens komen van de detectiemethode van de indicator (zie Methoden), toegepast op de reeks van de hele gemeente; signalen per buurt en wijk staan bij Signalen.",
        "Expected count and upper bound come from the indicator's detection method (see Methods), applied to the series of the whole municipality; flags per neighbourhood and district are under Flags."
      )
    case .chartAggregatedNote:
      (
        "Grafieken ‘opgeteld uit weken’ tonen maandtotalen omdat de aantallen {0} meestal te klein zijn om te tonen: verwacht is dan de som van de verwachtingen {0}, een bovengrens ontbreekt, en een rode punt is een maand met een alarm in een van haar weken.",
        "Charts ‘summed from weeks’ show monthly totals because the counts {0} are mostly too small to show: expected is then the sum of the expectations {0}, there is no upper bound, and a red dot is a month with an alarm in one of its weeks."
      )
    case .trendPerYear: ("trend {0} per jaar", "trend {0} per year")
    case .chartAggregatedShort: ("opgeteld uit weken", "summed from weeks")
    case .orientationMapTitle: ("Wijken en buurten", "Districts and neighbourhoods")
    case .legendNotShown: ("niet getoond (klein aantal)", "not shown (small count)")
    case .significanceNote:
      (
        "Een pijl (▲▼) staat alleen bij een verandering die waarschijnlijk geen toeval is (binomiale toets, p < 0,05); grijze percentages kunnen toeval zijn.",
        "An arrow (▲▼) marks only a change that is unlikely to be chance (binomial test, p < 0.05); grey percentages may be chance."
      )
    case .chartExplanation:
      (
        "In de grafieken: het waargenomen aantal (donkerblauwe lijn met punten), het verwachte aantal (grijze stippellijn) met daarboven de bovengrens (lichtblauwe band), alarmen als rode punten. De periode van dit rapport is geel gemarkeerd.",
        "In the charts: the observed count (dark blue line with dots), the expected count (grey dashed line) with the upper bound above it (light blue band), alarms as red dots. The period of this report is shaded yellow."
      )
    case .chartSuppressedNote:
      (
        "Aantallen onder {0} liggen in de grijze band onderaan, zonder precieze waarde.",
        "Counts below {0} sit in the grey band at the bottom, without their exact value."
      )
    case .wijkenIntro:
      (
        "Per wijk en thema de index (gemeente = 100) en daaronder het aantal en de verandering; de open signalen van de wijk en haar buurten.",
        "Per district and theme the index (municipality = 100), with the count and the change below it; the open flags of the district and its neighbourhoods."
      )
    case .wijkTableCaption:
      (
        "Index per thema (gemeente = 100); aantal · verandering",
        "Index per theme (municipality = 100); count · change"
      )
    case .buurtenIntro:
      (
        "Dezelfde cijfers per buurt, gegroepeerd per wijk (de regel van de wijk zelf is vet).",
        "The same figures per neighbourhood, grouped by district (the district's own row is bold)."
      )
    case .buurtTableCaption:
      (
        "Index per thema (gemeente = 100) per buurt",
        "Index per theme (municipality = 100) per neighbourhood"
      )
    case .buurtLeftOutNote:
      (
        "Niet in de buurtcijfers, omdat de bronnen alleen per wijk leveren: {0}.",
        "Not in the neighbourhood figures, because their sources deliver per district only: {0}."
      )
    case .indexExplanation:
      (
        "Het aantal per 1.000 inwoners in het gebied als percentage van dat van de hele gemeente: 100 is het gemeentelijk niveau, 150 anderhalf keer zo hoog.",
        "The count per 1,000 inhabitants in the area as a percentage of the municipality's: 100 is the municipal level, 150 one and a half times as high."
      )
    case .dashExplanation:
      (
        "Een streepje (–) betekent: niet getoond, omdat het aantal onder de minimale celwaarde ligt of het gebied te weinig inwoners heeft.",
        "A dash (–) means: not shown, because the count is below the minimum cell size or the area has too few inhabitants."
      )
    case .mapIntro:
      (
        "De index per {0} en thema (gemeente = 100); de dikke lijnen zijn wijkgrenzen.",
        "The index per {0} and theme (municipality = 100); the thick lines are district boundaries."
      )
    case .flagMapTitle:
      ("Open signalen aan het eind van de periode", "Open flags at the end of the period")
    case .flagsIntro:
      (
        "Vroegsignalering: signalen dat het in een buurt of wijk de verkeerde kant op gaat, uit de gegevens van meerdere partners (niet de landelijke vroegsignalering van schulden). Elk signaal met uitleg: welke indicatoren en partners, en het waargenomen tegenover het verwachte aantal.",
        "Early warning: signs that a neighbourhood or district is taking a wrong turn, from several partners' data (not the national early warning of debts). Each flag with its explanation: which indicators and partners, and what was observed against what was expected."
      )
    case .noFlagsInPeriod: ("Geen signalen in {0}.", "No flags in {0}.")
    case .stillOpenFlags: ("Nog open", "Still open")
    case .resolvedFlags: ("Opgelost in deze periode", "Resolved in this period")
    case .decisionColumn: ("beoordeling", "analyst's decision")
    case .flagsRaisedIn:
      ("Signalen in {0} en wat ermee gebeurde", "Flags raised in {0} and what became of them")
    case .outcomeStillOpen: ("nog open", "still open")
    case .outcomesNote:
      (
        "Een signaal kan zowel opgelost als bevestigd zijn; de kolommen tellen dus niet op tot het totaal.",
        "A flag can be both resolved and acknowledged, so the columns do not add up to the total."
      )
    case .flagsCarriedOver:
      (
        "Signalen van eerder die in dit jaar nog open stonden",
        "Flags from before that were still open during the year"
      )
    case .exportsIntro:
      (
        "De cijfers en grafieken in dit rapport gebruiken gegevens over {0}. Per bron: de aanleveringen die daarvoor gebruikt zijn, de periode die de gegevens beslaan, en de kwaliteit over alles wat de bron aanleverde.",
        "The figures and charts in this report use data about {0}. Per source: the exports used for them, the days the data cover, and the quality over everything the source delivered."
      )
    case .source: ("bron", "source")
    case .exportsUsed: ("bestanden gebruikt", "files used")
    case .coverage: ("gegevens over", "data cover")
    case .rowsOk: ("rijen verwerkt", "rows processed")
    case .shapeAggregated: ("geaggregeerde aantallen", "aggregated counts")
    case .shapeRecords: ("per registratie", "one row per registration")
    case .ofApplied: ("van {0} verwerkt", "of {0} applied")
    case .noDataYet: ("nog geen gegevens", "no data yet")
    case .rowsNote:
      (
        "Afgewezen rijen (onmogelijke datum, ontbrekende cellen, datum na de rundatum) tellen niet mee; rijen met een onbekend gebied tellen niet mee in een wijk of buurt.",
        "Rejected rows (impossible dates, missing cells, dates after the run date) do not count; rows with an unknown area count in no district or neighbourhood."
      )
    case .duplicatesNote:
      (
        "{0} bestanden zijn nog eens aangeleverd met dezelfde inhoud en overgeslagen.",
        "{0} files were delivered again with the same content and skipped."
      )
    case .quarantineHeading: ("In quarantaine", "Quarantined")
    case .noQuarantine: ("Geen bestanden in quarantaine.", "No files quarantined.")
    case .quarantineIntro:
      (
        "Deze bestanden zijn in hun geheel geweigerd; niets ervan telt mee.",
        "These files were rejected whole; nothing of them counts."
      )
    case .file: ("bestand", "file")
    case .received: ("ontvangen", "received")
    case .reason: ("reden", "reason")
    case .detectorsIntro:
      (
        "Welke detectiemethoden met welke instellingen zijn gebruikt (de instellingen uit de pijplijn; wat daar niet staat heeft de standaardwaarde van de methode).",
        "Which detection methods ran with which settings (the pipeline's settings; what it leaves out has the method's default)."
      )
    case .method: ("methode", "method")
    case .settings: ("instellingen", "settings")
    case .indicators: ("indicatoren", "indicators")
    case .definitionsHeading: ("Begrippen", "Definitions")
    case .changeExplanation:
      (
        "(aantal nu − aantal toen) / aantal toen, alleen als beide aantallen getoond zijn.",
        "(count now − count then) / count then, only when both counts are shown."
      )
    case .themeTotalExplanation:
      (
        "Alle registraties en meldingen van de bronnen en categorieën die de indicatoren van het thema voeden, elk één keer geteld. Per wijk en buurt: zonder rijen met een onbekend gebied.",
        "All registrations and reports of the sources and categories that feed the theme's indicators, each counted once. Per district and neighbourhood: without rows whose area is unknown."
      )
    case .periodExplanation:
      (
        "Weken zijn ISO-weken (maandag tot en met zondag). Een week telt mee in de maand, het kwartaal en het jaar van haar donderdag.",
        "Weeks are ISO weeks (Monday to Sunday). A week counts in the month, quarter and year of its Thursday."
      )
    case .indicatorDefinitions: ("Indicatoren en hun bronnen", "Indicators and their sources")
    case .sourcesAndCategories: ("bronnen en categorieën", "sources and categories")
    case .unit: ("eenheid", "unit")
    case .detection: ("detectie", "detection")
    case .level: ("niveau", "level")
    case .codeColumn: ("code", "code")
    case .parentColumn: ("ligt in", "part of")
    case .shapeColumn: ("vorm", "shape")
    case .duplicatesColumn: ("dubbel aangeleverd", "delivered twice")
    case .fromColumn: ("vanaf", "from")
    case .throughColumn: ("tot en met", "through")
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
    case .severityBand: ("ernstklasse", "severity band")
    case .targetSpikeDelay: ("mediane vertraging van pieken (weken)", "median spike delay (weeks)")
    case .targetConvergent:
      (
        "samenvallend: eerder dan de beste enkele bron",
        "convergent: earlier than the best single source"
      )
    case .targetConvergentRule:
      (
        "lagere mediane vertraging, of vaker eerder dan later",
        "median delay lower, or earlier in more episodes than later"
      )
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
