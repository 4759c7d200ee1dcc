/// Fictional personal data for the columns partners export and the pipeline must drop:
/// names from common Dutch first names and surnames, BSNs that fail the eleven test (so
/// they can never be a real citizen service number), addresses on made-up streets,
/// phone numbers in the unused 0999 range and e-mail addresses under `.invalid`.
struct FakePerson {
  static let firstNames = [
    "Jan", "Piet", "Kees", "Anne", "Sanne", "Fleur", "Daan", "Noah", "Emma", "Julia", "Sem",
    "Lucas", "Tess", "Mila", "Bram", "Lotte", "Ruben", "Iris", "Thijs", "Fatima", "Mohamed",
    "Yusuf", "Anouk", "Esther", "Gerrit", "Henk", "Ingrid", "Wim", "Zoë", "Chloë", "Noël",
    "René", "Hélène", "Joëlle",
  ]
  static let surnames = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Yilmaz",
    "El Amrani", "Öztürk", "Lefèvre", "Kuipers",
  ]
  static let streets = [
    "Fictieweg", "Proefstraat", "Voorbeeldlaan", "Testkade", "Denkbeeldpad", "Verzinsel",
    "Schijnhof", "Namaakstraat", "Oefenplein", "Spiegelgracht",
  ]

  var name: String
  var bsn: String
  var address: String
  var phone: String
  private var first: String
  private var last: String

  /// `voornaam.achternaam@voorbeeld.invalid`, without diacritics or spaces.
  var email: String {
    let local = (first + "." + last).lowercased().filter { $0.isLetter || $0 == "." }
    return local.strippingDiacritics() + "@voorbeeld.invalid"
  }

  init(_ rng: inout SeededRandom, town: String) {
    first = rng.pick(FakePerson.firstNames)
    last = rng.pick(FakePerson.surnames)
    name = first + " " + last
    bsn = FakePerson.invalidBSN(&rng)
    let number = rng.int(in: 1...180)
    let suffix = rng.chance(0.15) ? ["a", "b", "-2", " bis"][rng.int(below: 4)] : ""
    address = "\(rng.pick(FakePerson.streets)) \(number)\(suffix), \(town)"
    phone = "0999-\(100_000 + rng.int(below: 900_000))"
  }

  /// Nine digits whose eleven-test sum is not a multiple of 11.
  static func invalidBSN(_ rng: inout SeededRandom) -> String {
    while true {
      var digits = (0..<9).map { _ in rng.int(below: 10) }
      if digits[0] == 0 { digits[0] = 1 }
      var sum = 0
      for i in 0..<8 { sum += digits[i] * (9 - i) }
      sum -= digits[8]
      if sum % 11 != 0 { return digits.map(String.init).joined() }
    }
  }

  /// Whether a nine-digit string passes the eleven test (a real BSN must).
  static func passesElevenTest(_ s: String) -> Bool {
    let d = s.compactMap { $0.wholeNumberValue }
    guard d.count == 9 else { return false }
    var sum = 0
    for i in 0..<8 { sum += d[i] * (9 - i) }
    sum -= d[8]
    return sum % 11 == 0
  }
}

/// Free text as partners type it: semicolons, commas, quotes, line breaks, diacritics.
enum FreeText {
  static func options(for c: Category) -> [String] {
    switch (c.source, c.group) {
    case (.politieMisdrijven, .violence), (.politieMisdrijven, .robbery),
      (.politieMisdrijven, .domestic):
      return [
        "Slachtoffer licht gewond; niet naar ziekenhuis.",
        "Ruzie liep uit de hand bij café \"De Kroon\"; camerabeelden opgevraagd.",
        "Melding via 112.\nVerdachte gevlucht richting centrum; signalement onbekend.",
        "Aangever verklaart: \"Hij bedreigde me met een mes.\"",
      ]
    case (.politieMisdrijven, .drugs), (.politieMisdrijven, .subversion):
      return [
        "Bolletjes aangetroffen; verdachte aangehouden.",
        "Melding bewoners: \"steeds andere auto's, korte bezoekjes\".\nZie ook eerdere melding.",
        "Vaten met chemisch afval langs de weg; NFI ingeschakeld.",
      ]
    case (.politieMisdrijven, _) where c.group == .nuisance:
      return [
        "Ruit ingegooid; \"glasgerinkel rond 02:00\".",
        "Vuurwerk in brievenbus.\nSchade aan deur en kozijn.",
        "Bushokje vernield; getuigen zagen 3 jongeren.",
      ]
    case (.politieMisdrijven, _):
      return [
        "Aangever verklaart: \"Ik hoorde glasgerinkel; toen ik keek was de ruit kapot.\"",
        "Poging; schade aan deur \"achterzijde\".",
        "Buurtbewoner zag 2 personen; één droeg een rugzak.\nZie ook eerdere registratie.",
        "Goederen: fiets (zwart, \"Gazelle\"), telefoon; waarde ca. € 900.",
      ]
    case (.politieIncidenten, .confused):
      return [
        "Persoon loopt verward op straat, schreeuwt; GGZ ingeschakeld.",
        "Melder: \"mijn buurvrouw praat tegen de muren\".\nWijkagent geïnformeerd.",
      ]
    case (.politieIncidenten, .youth):
      return [
        "Groep van ca. 8 jongeren bij speeltuin; scooters.\nEenheid ter plaatse, groep weggestuurd.",
        "Jongeren gooien met eieren; \"elke vrijdag hetzelfde\".",
      ]
    case (.politieIncidenten, .drugs):
      return ["Stroomstoring melding netbeheerder; kwekerij op zolder, 240 planten."]
    case (.politieIncidenten, _):
      return [
        "Harde muziek uit woning, ook gisteren.",
        "Man onder invloed, valt voorbijgangers lastig; naar huis begeleid.",
        "Melder belt voor de 3e keer deze week; \"het is niet meer te doen\".",
      ]
    case (_, .drugs):
      return [
        "Buren klagen over stank; mogelijk hennep.", "Zolder dichtgetimmerd, ramen beslagen.",
      ]
    case (_, .subversion):
      return [
        "Woning mogelijk onderverhuurd; meerdere namen op brievenbus.",
        "Huurder woont elders, \"logeert\" af en toe.",
      ]
    case (_, .poverty):
      return [
        "Huurachterstand € 1.250,-, deurwaarder ingeschakeld.",
        "Huurder reageert niet op brieven; \"betalingsregeling\" aangeboden.",
      ]
    case (.gemeenteMOR, .youth):
      return [
        "Jongeren hangen bij het winkelcentrum; rommel achtergelaten.",
        "Overlast bij bankje in het park, alcohol.\nGraag handhaving sturen.",
      ]
    case (.gemeenteMOR, .confused):
      return [
        "Man slaapt in portiek, spreekt voorbijgangers aan.",
        "Vrouw schreeuwt op straat; \"al uren\".",
      ]
    case (.gemeenteMOR, _):
      return [
        "Vuilniszakken naast de container; \"al een week\".",
        "Lantaarnpaal defect sinds vorige week.",
      ]
    case (.gemeenteOpenbareOrde, _):
      return [
        "Vergunning verleend; verwacht 500–1.000 bezoekers.",
        "Aangemeld bij de burgemeester; route: Markt – Stationsplein.",
        "Risicowedstrijd; extra inzet politie.",
        "Melding via handhaving, feest beëindigd om 03:00.",
      ]
    default:
      return [
        "Klacht over harde muziek 's nachts; gesprek gepland.\nTweede klacht binnen een maand.",
        "Ruzie tussen buren over parkeerplaats, café-eigenaar betrokken.",
      ]
    }
  }
}
