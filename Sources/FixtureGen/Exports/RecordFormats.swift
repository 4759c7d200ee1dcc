import SafetyCore

/// The record-level partner exports of the demo: dialects, columns and row styles.
enum RecordFormats {
  static func all() -> [RecordFormat] {
    [policeCrimes(), policeIncidents(), woonpunt(), stadswonen(), mor(), publicOrder()]
  }

  static func pad(_ n: Int64, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  /// (day, month) pairs that do not exist in `year`.
  static func impossibleDay(_ year: Int, _ rng: inout SeededRandom) -> (day: Int, month: Int) {
    let options = [(31, 4), (31, 6), (30, 2), (31, 9), (32, 1), (15, 13), (0, 5)]
    var pick = rng.pick(options)
    if pick == (30, 2), !CivilDate.isLeapYear(year), rng.chance(0.5) { pick = (29, 2) }
    return pick
  }

  static func unknownCode(_ b: Int, _ ctx: RenderContext, _ rng: inout SeededRandom) -> String {
    let wijk = ctx.registry.wijken[ctx.registry.buurten[b].wijk].code.rawValue.dropFirst(2)
    return "BU" + wijk + "99"
  }

  /// The code a partner writes: occasionally in lower case or with a trailing space, as
  /// typed data often are.
  static func areaCode(_ e: Event, _ ctx: RenderContext, keepsOld: Bool, _ rng: inout SeededRandom)
    -> String
  {
    let code = ctx.registry.buurten[Int(e.buurt)].code(in: ctx.exportYear, keepsOldCode: keepsOld)
      .rawValue
    let u = rng.uniform()
    if u < 0.02 { return code.lowercased() }
    if u < 0.03 { return code + " " }
    return code
  }

  static func text(_ e: Event, _ ctx: RenderContext, share: Double, _ rng: inout SeededRandom)
    -> String
  {
    rng.chance(share)
      ? rng.pick(FreeText.options(for: ctx.catalogue.categories[Int(e.category)])) : ""
  }

  static func policeCrimes() -> RecordFormat {
    RecordFormat(
      source: .politieMisdrijven,
      dialect: ExportDialect(delimiter: ";", quoteAll: true),
      columns: [
        ("registratienummer", .key), ("registratiedatum", .other), ("pleegdatum", .date),
        ("incidentcode", .category), ("incidentomschrijving", .label), ("buurtcode", .area),
        ("naam_aangever", .personal), ("bsn_aangever", .personal), ("adres_aangever", .personal),
        ("omschrijving", .personal),
      ],
      fileName: { "politie_misdrijven_\($0.label).csv" }, schedule: .monthly, overlapDays: 7,
      render: { e, code, label, ctx in
        var rng = SeededRandom(seed: e.bits)
        let b = Int(e.buurt)
        let date = ctx.timeline.date(Int(e.day))
        let reg = ctx.timeline.date(e.registrationDay)
        let gm = ctx.registry.gemeenten[ctx.registry.buurten[b].gemeente].code.rawValue.dropFirst(2)
        let person = FakePerson(&rng, town: ctx.townName(b))
        let trailing = rng.chance(0.05) ? "  " : ""
        return [
          "PL\(gm)-\(reg.year)-\(pad(e.serial, 7))", DateText.dmy(reg), DateText.dmy(date),
          code + trailing, label ?? "", areaCode(e, ctx, keepsOld: false, &rng), person.name,
          person.bsn, person.address, text(e, ctx, share: 0.4, &rng),
        ]
      },
      impossibleDate: { y, rng in
        let (d, m) = impossibleDay(y, &rng)
        return "\(DateText.p2(d))-\(DateText.p2(m))-\(y)"
      },
      unknownArea: { b, ctx, rng in unknownCode(b, ctx, &rng) })
  }

  static func policeIncidents() -> RecordFormat {
    RecordFormat(
      source: .politieIncidenten, dialect: ExportDialect(delimiter: ";"),
      columns: [
        ("incidentnummer", .key), ("meldingsdatum", .date), ("incidentcode", .category),
        ("incidentomschrijving", .label), ("buurtcode", .area), ("melder_naam", .personal),
        ("melder_telefoon", .personal), ("toelichting", .personal),
      ],
      fileName: { "politie_incidenten_\($0.label).csv" }, schedule: .monthly, overlapDays: 7,
      render: { e, code, label, ctx in
        var rng = SeededRandom(seed: e.bits)
        let b = Int(e.buurt)
        let date = ctx.timeline.date(Int(e.day))
        let person = FakePerson(&rng, town: ctx.townName(b))
        return [
          "INC\(date.year)-\(pad(e.serial, 7))",
          "\(DateText.iso(date)) \(DateText.time(Int(e.minute)))", code, label ?? "",
          areaCode(e, ctx, keepsOld: false, &rng), rng.chance(0.3) ? "" : person.name,
          rng.chance(0.5) ? "" : person.phone, text(e, ctx, share: 0.35, &rng),
        ]
      },
      impossibleDate: { y, rng in
        let (d, m) = impossibleDay(y, &rng)
        return "\(y)-\(DateText.p2(m))-\(DateText.p2(d)) \(DateText.p2(rng.int(below: 24))):15"
      },
      unknownArea: { b, ctx, rng in unknownCode(b, ctx, &rng) })
  }

  /// Woonpunt writes the local buurt name, sometimes an alias or an old spelling.
  static func woonpunt() -> RecordFormat {
    RecordFormat(
      source: .woonpuntMeldingen, dialect: ExportDialect(delimiter: ";", byteOrderMark: true),
      columns: [
        ("zaaknummer", .key), ("datum_melding", .date), ("soort_melding", .category),
        ("buurt", .area), ("huurder", .personal), ("adres", .personal),
        ("toelichting", .personal),
      ],
      fileName: { "woonpunt_meldingen_\($0.label).csv" }, schedule: .quarterly, overlapDays: nil,
      render: { e, code, _, ctx in
        var rng = SeededRandom(seed: e.bits)
        let b = Int(e.buurt)
        let date = ctx.timeline.date(Int(e.day))
        let person = FakePerson(&rng, town: ctx.townName(b))
        return [
          "WP-\(date.year)-\(pad(e.serial, 6))", DateText.dmyShort(date), code,
          localName(b, ctx, &rng), person.name, person.address,
          text(e, ctx, share: 0.5, &rng),
        ]
      },
      impossibleDate: { y, rng in
        let (d, m) = impossibleDay(y, &rng)
        return "\(d)-\(m)-\(y)"
      },
      unknownArea: { _, _, rng in
        rng.pick(["Buitengebied", "onbekend", "Nieuwbouw fase 3", "Zie toelichting"])
      })
  }

  static func localName(_ b: Int, _ ctx: RenderContext, _ rng: inout SeededRandom) -> String {
    let buurt = ctx.registry.buurten[b]
    var name = buurt.name
    let own = buurt.aliases.filter { $0.source == SourceID.woonpuntMeldingen.rawValue }
    let shared = buurt.aliases.filter { $0.source == nil }
    let u = rng.uniform()
    if !own.isEmpty, u < 0.4 {
      name = rng.pick(own).alias
    } else if !shared.isEmpty, u > 0.9 {
      name = rng.pick(shared).alias
    }
    let v = rng.uniform()
    if v < 0.03 { return name.uppercased() }
    if v < 0.06 { return name + " " }
    return name
  }

  /// Stadswonen: Windows-1252, CRLF, comma-separated, `dd/MM/yyyy`, capitalised headers,
  /// and it never took over the new code of a renumbered buurt.
  static func stadswonen() -> RecordFormat {
    RecordFormat(
      source: .stadswonenMeldingen,
      dialect: ExportDialect(delimiter: ",", encoding: .windows1252, lineEnding: "\r\n"),
      columns: [
        ("Dossiernummer", .key), ("Datum", .date), ("Categorie", .category),
        ("Buurtcode", .area), ("Huurder", .personal), ("Adres", .personal),
        ("Telefoon", .personal), ("Omschrijving", .personal),
      ],
      fileName: { "stadswonen_export_\($0.year)_q\($0.number).csv" }, schedule: .quarterly,
      overlapDays: nil,
      render: { e, code, _, ctx in
        var rng = SeededRandom(seed: e.bits)
        let b = Int(e.buurt)
        let date = ctx.timeline.date(Int(e.day))
        let person = FakePerson(&rng, town: ctx.townName(b))
        let note = text(e, ctx, share: 0.5, &rng).replacingAll("\n", with: "\r\n")
        return [
          "SW/\(date.year % 100)/\(pad(e.serial, 6))", DateText.dmy(date, "/"), code,
          ctx.registry.buurten[b].code(in: ctx.exportYear, keepsOldCode: true).rawValue,
          person.name, person.address, person.phone, note,
        ]
      },
      impossibleDate: { y, rng in
        let (d, m) = impossibleDay(y, &rng)
        return "\(DateText.p2(d))/\(DateText.p2(m))/\(y)"
      },
      unknownArea: { b, ctx, rng in unknownCode(b, ctx, &rng) })
  }

  /// The municipality's public-space reports (MOR): UTC timestamps from the web form.
  static func mor() -> RecordFormat {
    RecordFormat(
      source: .gemeenteMOR, dialect: ExportDialect(delimiter: ";"),
      columns: [
        ("meldingnummer", .key), ("tijdstip_melding", .date), ("categorie", .category),
        ("buurtcode", .area), ("melder_naam", .personal), ("melder_email", .personal),
        ("melder_telefoon", .personal), ("omschrijving", .personal),
      ],
      fileName: { "mor_\($0.label).csv" }, schedule: .weekly, overlapDays: 0,
      render: { e, code, _, ctx in
        var rng = SeededRandom(seed: e.bits)
        let b = Int(e.buurt)
        let date = ctx.timeline.date(Int(e.day))
        let person = FakePerson(&rng, town: ctx.townName(b))
        let anonymous = rng.chance(0.25)
        return [
          "MOR-\(date.year)-\(pad(e.serial, 6))",
          DateText.utcTimestamp(date, minute: Int(e.minute), second: rng.int(below: 60)), code,
          areaCode(e, ctx, keepsOld: false, &rng), anonymous ? "" : person.name,
          anonymous ? "" : person.email, anonymous || rng.chance(0.5) ? "" : person.phone,
          text(e, ctx, share: 0.6, &rng),
        ]
      },
      impossibleDate: { y, rng in
        let (d, m) = impossibleDay(y, &rng)
        return "\(y)-\(DateText.p2(m))-\(DateText.p2(d))T10:00:00Z"
      },
      unknownArea: { b, ctx, rng in unknownCode(b, ctx, &rng) })
  }

  static func publicOrder() -> RecordFormat {
    RecordFormat(
      source: .gemeenteOpenbareOrde, dialect: ExportDialect(delimiter: ";"),
      columns: [
        ("registratienummer", .key), ("datum", .date), ("soort", .category),
        ("buurtcode", .area), ("organisator", .personal), ("omschrijving", .text),
      ],
      fileName: { "openbare_orde_\($0.label).csv" }, schedule: .quarterly, overlapDays: 0,
      render: { e, code, _, ctx in
        var rng = SeededRandom(seed: e.bits)
        let b = Int(e.buurt)
        let date = ctx.timeline.date(Int(e.day))
        let person = FakePerson(&rng, town: ctx.townName(b))
        let organised = code == "Evenement" || code == "Demonstratie"
        return [
          "OO-\(date.year)-\(pad(e.serial, 5))", DateText.iso(date), code,
          areaCode(e, ctx, keepsOld: false, &rng), organised ? person.name : "",
          text(e, ctx, share: 0.5, &rng),
        ]
      },
      impossibleDate: { y, rng in
        let (d, m) = impossibleDay(y, &rng)
        return "\(y)-\(DateText.p2(m))-\(DateText.p2(d))"
      },
      unknownArea: { b, ctx, rng in unknownCode(b, ctx, &rng) })
  }
}
