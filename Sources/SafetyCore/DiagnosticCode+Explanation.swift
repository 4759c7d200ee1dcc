/// Plain-language explanations of the diagnostic codes, in Dutch and English.
///
/// Diagnostic messages themselves are technical and English, like a compiler's, with the
/// position and the stable code (`file:line:column: error: message [code]`); operators grep
/// and script them. What analysts and partners read beside them — the run's summary, the
/// `.reason.txt` of a quarantined export, the dashboard's data page — adds this one-line
/// explanation in the reader's language.
extension DiagnosticCode {
  /// Every code of the catalogue (`DiagnosticCode+Catalogue.swift`).
  public static let catalogue: [DiagnosticCode] = [
    .unterminatedQuote, .encodingError, .binaryFile, .fieldTooLarge, .recordTooWide,
    .missingCell, .extraCell, .blankRow, .blankHeader, .duplicateHeader, .emptyFile, .ioError,
    .parseError, .invalidQuote, .recordTooLarge, .encodingMismatch, .typeError, .missingColumn,
    .constraintError, .invalidDate, .futureDate, .unknownArea, .unknownCategory, .duplicateKey,
    .configError, .unknownKey, .missingFile,
  ]

  /// What the code means and what to do about it, in one sentence; nil for a code outside
  /// the catalogue.
  public func explanation(dutch: Bool) -> String? {
    guard let texts = Self.explanations[self] else { return nil }
    return dutch ? texts.nl : texts.en
  }

  /// The code a rendered diagnostic ends with (`... [code]`), if it is one of the catalogue.
  public static func trailing(in text: String) -> DiagnosticCode? {
    guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return nil }
    let code = DiagnosticCode(
      rawValue: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    return explanations[code] == nil ? nil : code
  }

  static let explanations: [DiagnosticCode: (nl: String, en: String)] = [
    .unterminatedQuote: (
      "een veld tussen aanhalingstekens wordt niet afgesloten; het bestand is waarschijnlijk afgebroken — vraag de partner het opnieuw te leveren",
      "a quoted field is never closed; the file was probably cut off — ask the partner to deliver it again"
    ),
    .encodingError: (
      "de tekst past niet bij de tekenset van de bron (bijvoorbeeld Windows-1252 in plaats van UTF-8); pas `encoding` in het pipelinebestand aan of vraag een UTF-8-export",
      "the text does not fit the source's character encoding (e.g. Windows-1252 instead of UTF-8); set `encoding` in the pipeline file or ask for a UTF-8 export"
    ),
    .binaryFile: (
      "dit is geen tekstbestand (bijvoorbeeld een Excel- of zip-bestand); vraag een CSV-export",
      "this is not a text file (e.g. an Excel or zip file); ask for a CSV export"
    ),
    .fieldTooLarge: (
      "één veld is groter dan de ingestelde grens; meestal een kapot of verkeerd gescheiden bestand",
      "one field exceeds the configured limit; usually a broken file or the wrong delimiter"
    ),
    .recordTooWide: (
      "een rij heeft meer kolommen dan de ingestelde grens; controleer het scheidingsteken",
      "a row has more columns than the configured limit; check the delimiter"
    ),
    .missingCell: (
      "een rij heeft minder kolommen dan de kopregel",
      "a row has fewer columns than the header"
    ),
    .extraCell: (
      "een rij heeft meer kolommen dan de kopregel; vaak een scheidingsteken in een veld zonder aanhalingstekens",
      "a row has more columns than the header; often a delimiter inside an unquoted field"
    ),
    .blankRow: ("een lege rij; die wordt overgeslagen", "an empty row; it is skipped"),
    .blankHeader: (
      "een kolom in de kopregel heeft geen naam", "a column of the header has no name"
    ),
    .duplicateHeader: (
      "twee kolommen in de kopregel hebben dezelfde naam",
      "two columns of the header have the same name"
    ),
    .emptyFile: (
      "het bestand is leeg of heeft alleen een kopregel", "the file is empty or holds only a header"
    ),
    .ioError: (
      "het bestand of de map kon niet worden gelezen of geschreven (rechten, schijfruimte)",
      "the file or folder could not be read or written (permissions, disk space)"
    ),
    .parseError: (
      "het bestand is geen geldige CSV volgens de opgegeven indeling",
      "the file is not valid CSV in the declared dialect"
    ),
    .invalidQuote: (
      "een aanhalingsteken staat op een plek waar het niet mag (midden in een veld of na een afsluitend aanhalingsteken)",
      "a quote character stands where it may not (inside an unquoted field or after a closing quote)"
    ),
    .recordTooLarge: (
      "één rij is samen groter dan de ingestelde grens; meestal een kapot bestand",
      "one row together exceeds the configured limit; usually a broken file"
    ),
    .encodingMismatch: (
      "de opgegeven tekenset spreekt het bestand tegen (bijvoorbeeld een UTF-8-kenmerk in een Windows-1252-bron); pas `encoding` aan",
      "the declared encoding contradicts the file (e.g. a UTF-8 byte-order mark in a Windows-1252 source); fix `encoding`"
    ),
    .typeError: (
      "een waarde heeft niet de verwachte vorm (bijvoorbeeld tekst waar een aantal hoort)",
      "a value does not have the expected form (e.g. text where a count belongs)"
    ),
    .missingColumn: (
      "een kolom die het pipelinebestand noemt, ontbreekt in de export; de partner heeft de indeling misschien gewijzigd",
      "a column the pipeline file names is missing from the export; the partner may have changed its layout"
    ),
    .constraintError: (
      "een waarde valt buiten wat is toegestaan (bijvoorbeeld een negatief aantal)",
      "a value is outside what is allowed (e.g. a negative count)"
    ),
    .invalidDate: (
      "een datum past niet bij het opgegeven datumformaat of bestaat niet (31 april)",
      "a date does not fit the declared date format or does not exist (31 April)"
    ),
    .futureDate: (
      "een datum ligt na de rundatum; die rij telt niet mee",
      "a date lies after the run date; that row does not count"
    ),
    .unknownArea: (
      "een gebiedsaanduiding komt niet voor in het gebiedsregister; voeg een alias of crosswalk toe (docs/AREAS.md)",
      "an area text is not in the area registry; add an alias or crosswalk entry (docs/AREAS.md)"
    ),
    .unknownCategory: (
      "een categorie hoort bij geen enkele indicator; die registraties tellen nergens mee",
      "a category belongs to no indicator; those registrations count nowhere"
    ),
    .duplicateKey: (
      "iets staat twee keer waar het uniek moet zijn (een gebiedscode of -naam in het register, een week in een reeks)",
      "something occurs twice where it must be unique (an area code or name in the registry, a week in a series)"
    ),
    .configError: (
      "het pipelinebestand of het gebiedsregister klopt niet; de melding zegt waar",
      "the pipeline file or the area registry is wrong; the message says where"
    ),
    .unknownKey: (
      "het pipelinebestand bevat een sleutel die niet bestaat (tikfout?)",
      "the pipeline file holds a key that does not exist (a typo?)"
    ),
    .missingFile: (
      "een bestand waar het pipelinebestand naar verwijst, bestaat niet",
      "a file the pipeline file refers to does not exist"
    ),
  ]
}
