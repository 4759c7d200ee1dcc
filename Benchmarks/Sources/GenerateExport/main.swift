// Generates a synthetic national police export, seeded and reproducible:
//   GenerateExport OUT.csv [rows=10000000] [seed=20240901]
// `;`-separated, UTF-8, CRLF-free LF lines, header row; dd-MM-yyyy dates; CBS buurt codes
// over ~14,000 areas (350 municipalities); police classification codes from
// INDICATORS.md; a quoted free-text column holding `;`, doubled quotes `""` and (in ~3 % of
// rows) line breaks; ~1 % non-ASCII text. No real persons: all values are generated.
#if canImport(Glibc)
  import Glibc
#endif

func say(_ text: String) {
  let line = Array((text + "\n").utf8)
  _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

let args = CommandLine.arguments
guard args.count >= 2 else {
  say("usage: GenerateExport OUT.csv [rows] [seed]")
  exit(64)
}
let rows = args.count > 2 ? Int(args[2]) ?? 10_000_000 : 10_000_000
var rng = SplitMix64(state: args.count > 3 ? UInt64(args[3]) ?? 20_240_901 : 20_240_901)

// Police classification codes (INDICATORS.md) with weights resembling national volumes.
let codes: [(String, String, Int)] = [
  ("1.1.1", "Diefstal/inbraak woning", 60), ("1.1.2", "Diefstal/inbraak box/garage/schuur", 25),
  ("1.2.1", "Diefstal uit/vanaf motorvoertuigen", 70),
  ("1.2.2", "Diefstal van motorvoertuigen", 15),
  ("1.2.3", "Diefstal van brom-, snor-, fietsen", 110), ("1.2.4", "Zakkenrollerij", 20),
  ("1.2.5", "Diefstal af/uit/van overige voertuigen", 15),
  ("2.5.1", "Diefstal/inbraak bedrijven en instellingen", 25), ("2.5.2", "Winkeldiefstal", 50),
  ("1.4.1", "Zedenmisdrijf", 8), ("1.4.2", "Moord, doodslag", 2),
  ("1.4.3", "Openlijk geweld (persoon)", 5),
  ("1.4.4", "Bedreiging", 35), ("1.4.5", "Mishandeling", 50), ("1.4.6", "Straatroof", 5),
  ("1.4.7", "Overval", 2),
  ("2.1.1", "Drugs/drankoverlast", 30), ("2.2.1", "Vernieling cq. zaakbeschadiging", 80),
  ("2.4.1", "Burengerucht (relatieproblemen)", 40), ("2.4.2", "Huisvredebreuk", 5),
  ("2.7.3", "Leefbaarheid (overig)", 30), ("3.6.4", "Aantasting openbare orde", 15),
  ("1.6.1", "Brand/ontploffing", 10), ("3.1.1", "Drugshandel", 10), ("3.1.2", "Mensensmokkel", 1),
  ("3.1.3", "Wapenhandel", 2), ("1.6.3", "Mensenhandel", 1), ("2.7.2", "Bijzondere wetten", 10),
  ("2.6.2", "Bodem", 2),
]
let totalWeight = codes.reduce(0) { $0 + $1.2 }
@MainActor func pickCode() -> (String, String) {
  var r = rng.below(totalWeight)
  for c in codes {
    if r < c.2 { return (c.0, c.1) }
    r -= c.2
  }
  return (codes[0].0, codes[0].1)
}

// ~14,000 buurten: 350 municipalities, 4-10 wijken each, 2-9 buurten per wijk.
var buurten: [String] = []
var gemeenten: [String] = []
for g in 0..<350 {
  let gm = 3 + g * 5
  let wijken = 4 + rng.below(7)
  for w in 0..<wijken {
    let n = 2 + rng.below(8)
    for b in 0..<n {
      buurten.append(
        "BU" + pad(gm, 4) + pad(w, 2) + pad(b, 2))
      gemeenten.append("GM" + pad(gm, 4))
    }
  }
}
func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return String(repeating: "0", count: max(0, width - s.count)) + s
}

let words = [
  "melder", "zag", "twee", "personen", "bij", "de", "achterdeur", "fiets", "gestolen", "slot",
  "geforceerd", "raam", "open", "buit", "laptop", "sieraden", "auto", "beschadigd", "ruit",
  "ingegooid", "verdachte", "gevlucht", "richting", "centrum", "camera", "beelden", "beschikbaar",
  "getuige", "hoorde", "geschreeuw", "buren", "belden", "politie", "ter", "plaatse", "geen",
  "letsel", "aangifte", "opgenomen", "in", "het", "portiek", "op", "straat", "winkel", "kassa",
]
let accented = ["Café", "Mariënwaard", "coördinatie", "reünie", "één", "geïnformeerd", "ruïne"]

@MainActor func freeText() -> String {
  var parts: [String] = []
  let n = 5 + rng.below(12)
  for i in 0..<n {
    var w = words[rng.below(words.count)]
    if rng.chance(0.01) { w = accented[rng.below(accented.count)] }
    if i > 0 && rng.chance(0.08) { parts.append(";") }
    if rng.chance(0.03) { w = "\"\"" + w + "\"\"" }
    parts.append(w)
  }
  var text = parts.joined(separator: " ")
  if rng.chance(0.03) { text += "\nAanvulling: " + words[rng.below(words.count)] }
  return text
}

guard let file = fopen(args[1], "w") else {
  say("cannot write \(args[1])")
  exit(73)
}
var out: [UInt8] = []
out.reserveCapacity(1 << 22)
out += Array(
  "registratienummer;pleegdatum;pleegtijd;gemeentecode;buurtcode;incidentcode;incidentomschrijving;soort;omschrijving;aantal_verdachten\n"
    .utf8)
let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
for i in 0..<rows {
  let year = 2019 + rng.below(6)
  let month = 1 + rng.below(12)
  let day = 1 + rng.below(daysInMonth[month - 1])
  let area = rng.below(buurten.count)
  let (code, label) = pickCode()
  var line = "PL\(pad(year, 4))\(pad(i, 8));\(pad(day, 2))-\(pad(month, 2))-\(year);"
  line += "\(pad(rng.below(24), 2)):\(pad(rng.below(60), 2));\(gemeenten[area]);\(buurten[area]);"
  line +=
    "\(code);\(label);\(rng.chance(0.7) ? "Aangifte" : "Melding");\"\(freeText())\";\(rng.below(4))\n"
  out += Array(line.utf8)
  if out.count >= 1 << 22 {
    _ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    out.removeAll(keepingCapacity: true)
  }
}
_ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
fclose(file)
say("wrote \(rows) rows, \(buurten.count) buurten, to \(args[1])")
