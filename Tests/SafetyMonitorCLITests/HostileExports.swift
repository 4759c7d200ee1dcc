import Foundation

/// Hostile partner exports for the suite in `RunCommand+HostileInputTests`: each case is a
/// file dropped in the inbox, what `run` must make of it, and the message that must say so.
/// Every cell of every case holds a planted value marked `ZQ...` (names, BSN-like numbers,
/// e-mail addresses, formulas, scripts, escape sequences), so that a search for `ZQ` finds
/// any value that leaked into a log line, the summary, a reason file or the store.
struct HostileCase {
  enum Outcome: String { case applied, quarantined, ignored }
  var name: String
  var bytes: [UInt8]
  var outcome: Outcome
  /// Text the run's log must hold for this file (a diagnostic with its position and code);
  /// `…` stands for any text in between.
  var message: String?
  /// Rows the summary must report for the file: (ok, rejected, unknown area).
  var rows: (ok: Int, rejected: Int, unknownArea: Int)?
}

enum HostileExports {
  static let header = "naam;registratienummer;pleegdatum;buurtcode;incidentcode;bsn;omschrijving"

  /// A row with planted values in every column; `key` must be unique over the whole suite.
  static func row(
    _ key: String, date: String = "02-09-2024", area: String = "BU99990101",
    code: String = "1.1.1", note: String = "ZQNOTE vrije tekst"
  ) -> String {
    "ZQNAAM Jan \(key);ZQKEY-\(key);\(date);\(area);\(code);ZQBSN12345678\(key.suffix(1));\(note)"
  }

  static func file(_ rows: [String], header: String = header, newline: String = "\n") -> [UInt8] {
    Array(([header] + rows).joined(separator: newline).utf8) + Array(newline.utf8)
  }

  static func rows(_ prefix: String, _ count: Int) -> [String] {
    (1...count).map { row("\(prefix)\($0)") }
  }

  static var cases: [HostileCase] {
    var out: [HostileCase] = []
    func add(
      _ name: String, _ bytes: [UInt8], _ outcome: HostileCase.Outcome, _ message: String?,
      rows: (Int, Int, Int)? = nil
    ) {
      out.append(
        HostileCase(name: name, bytes: bytes, outcome: outcome, message: message, rows: rows))
    }
    // Truncated: cut inside a quoted field (a transfer that stopped half-way).
    var truncated = file(rows("tq", 10))
    truncated += Array("ZQNAAM Cut;ZQKEY-tq99;02-09-2024;BU99990101;1.1.1;\"ZQBSN99".utf8)
    add(
      "politie_truncated_quote.csv", truncated, .quarantined,
      "politie_truncated_quote.csv:12:51: error: quoted field is not closed before the end of the file"
    )
    // Truncated in the middle of a row (no newline, fields missing): that row is rejected.
    var cut = file(rows("tr", 40))
    cut += Array("ZQNAAM Cut;ZQKEY-tr99;02-09".utf8)
    add(
      "politie_truncated_row.csv", cut, .applied,
      "politie_truncated_row.csv:42:28: error: row has 3 fields; the header has 7 [missing-cell]",
      rows: (40, 1, 0))
    // Wrong delimiter: commas where the source says semicolons.
    add(
      "politie_comma.csv",
      file(
        rows("wd", 3).map { $0.replacingOccurrences(of: ";", with: ",") },
        header: header.replacingOccurrences(of: ";", with: ",")), .quarantined,
      "politie_comma.csv:1:1: error: missing columns registratienummer, pleegdatum, buurtcode, "
        + "incidentcode for source 'politie'; the header row has 1 column")
    // No header row: the first row is data (and must not be echoed as "the header").
    add(
      "politie_no_header.csv", Array(rows("nh", 4).joined(separator: "\n").utf8), .quarantined,
      "politie_no_header.csv:1:1: error: missing columns registratienummer, pleegdatum, "
        + "buurtcode, incidentcode for source 'politie'; the header row has 7 columns")
    // Wrong encoding: Windows-1252 bytes (é = 0xE9) in a file the pipeline says is UTF-8.
    var latin = file(rows("we", 5))
    latin +=
      Array("ZQNAAM Ren".utf8) + [0xE9] + Array(";ZQKEY-we9;02-09-2024;BU99990101;1.1.1;1;x\n".utf8)
    add(
      "politie_latin1.csv", latin, .quarantined,
      "politie_latin1.csv:7:11: error: invalid UTF-8 (byte 0xE9)…[encoding-error]")
    // UTF-16 (Excel's "Unicode text"), CRLF: read as its UTF-8 transcoding.
    let unicode = ([header] + rows("u16", 3).map { $0 + " café 🚲" }).joined(separator: "\r\n")
    let little: [UInt8] = Array((unicode + "\r\n").utf16).flatMap { u -> [UInt8] in
      [UInt8(u & 0xFF), UInt8(u >> 8)]
    }
    add("politie_utf16.csv", [0xFF, 0xFE] + little, .applied, nil, rows: (3, 0, 0))
    // UTF-16 big-endian with a lone surrogate in line 3: quarantined at its position.
    var lone: [UInt16] = Array(([header] + rows("ube", 2)).joined(separator: "\n").utf16)
    lone.insert(0xD83D, at: lone.count - 3)
    let big: [UInt8] = lone.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
    add(
      "politie_utf16be.csv", [0xFE, 0xFF] + big, .quarantined,
      "politie_utf16be.csv:3:…: error: an unpaired surrogate in a UTF-16 file; save it again as UTF-8 or UTF-16 [encoding-error]"
    )
    // Binary: an Excel workbook saved under .csv, and bytes with NULs.
    add(
      "politie_workbook.csv", [0x50, 0x4B, 0x03, 0x04] + (0..<200).map { UInt8($0 % 256) },
      .quarantined,
      "politie_workbook.csv:1:1: error: this is a ZIP archive (an Excel .xlsx workbook?), not CSV [binary-file]"
    )
    add(
      "politie_binary.csv", Array(header.utf8) + [0x0A, 0x00, 0x01, 0xFF, 0x00, 0x7F],
      .quarantined,
      "politie_binary.csv:2:1: error: the file contains a NUL byte: it is binary data (or UTF-16), not a CSV text file [binary-file]"
    )
    // Empty, and header only (a week with nothing to report: applied, 0 rows).
    add(
      "politie_empty.csv", [], .quarantined,
      "politie_empty.csv:1:1: error: the file holds no records [empty-file]")
    add("politie_header_only.csv", file([]), .applied, nil, rows: (0, 0, 0))
    // A field of 2 MiB (the pipeline's limit is 1 MiB).
    add(
      "politie_huge_field.csv",
      file(rows("hf", 3) + [row("hf9", note: "ZQHUGE" + String(repeating: "x", count: 2 << 20))]),
      .quarantined,
      "politie_huge_field.csv:5:…: error: field 7 is larger than 1 MiB (the limit) [field-too-large]"
    )
    // More columns than the limit (1024).
    add(
      "politie_too_wide.csv",
      file(rows("tw", 2) + [row("tw9") + String(repeating: ";ZQWIDE", count: 1100)]),
      .quarantined,
      "politie_too_wide.csv:4:…: error: record has more than 1024 fields (the limit) [record-too-wide]"
    )
    // Ragged rows: too many to apply the file.
    var ragged = rows("rg", 10)
    ragged[3] += ";ZQEXTRA"
    ragged[6] = "ZQNAAM Kort;ZQKEY-rg77;02-09-2024"
    add(
      "politie_ragged.csv", file(ragged), .quarantined,
      "politie_ragged.csv:5:88: error: row has 8 fields; the header has 7 [extra-cell]")
    // A duplicated column, and reordered columns (fine: columns are matched by name).
    add(
      "politie_duplicate_column.csv",
      file(
        rows("dc", 3).map { $0 + ";ZQDUP" },
        header: header + ";registratienummer"), .quarantined,
      "politie_duplicate_column.csv:1:1: error: column registratienummer appears more than once in the header [duplicate-label]"
    )
    add(
      "politie_reordered.csv",
      Array(
        (["omschrijving;incidentcode;bsn;buurtcode;pleegdatum;registratienummer;naam"]
          + (1...6).map {
            "ZQNOTE;1.4.5;ZQBSN1234567\($0);BU99990102;03-09-2024;ZQKEY-ro\($0);ZQNAAM Piet"
          }).joined(separator: "\n").utf8), .applied, nil, rows: (6, 0, 0))
    // Unknown areas: a code and texts no registry entry matches; counted, kept in the
    // unknown-area bucket, never dropped.
    add(
      "politie_unknown_areas.csv",
      file(
        rows("ua", 6)
          + [
            row("ua7", area: "BU00000000"), row("ua8", area: "ZQAREA Nergenshuizen"),
            row("ua9", area: "<script>ZQAREA</script>"),
          ]), .applied, nil, rows: (9, 0, 3))
    // Future dates: rejected rows; too many of them quarantine the file.
    add(
      "politie_future.csv",
      file(rows("fd", 4) + [row("fd5", date: "01-01-2031"), row("fd6", date: "ZQDATE")]),
      .quarantined,
      "politie_future.csv:6:26: error: date is after the run date 2024-09-30 [future-date]")
    // Formula and script injection in text fields (category, personal and unread columns);
    // a CRLF export with a byte-order mark.
    let injection = [
      row("fi1", code: "\"=HYPERLINK(\"\"http://ZQ.example\"\";\"\"ZQFORMULA\"\")\""),
      row("fi2", code: "+ZQPLUS()", note: "@SUM(ZQAT)"),
      row("fi3", code: "-ZQMINUS+1", note: "<img src=x onerror=ZQXSS>"),
      row("fi4", note: "\u{1B}[31mZQANSI\u{1B}[0m\u{07}"),
      row("fi5", code: "1.4.5"),
    ]
    add(
      "politie_injection.csv", [0xEF, 0xBB, 0xBF] + file(injection, newline: "\r\n"), .applied, nil,
      rows: (5, 0, 0))
    // Duplicate keys in one export: the later row wins, counted once.
    add(
      "politie_duplicate_keys.csv",
      file([row("dk1"), row("dk2"), row("dk1", code: "1.4.5")]), .applied, nil, rows: (3, 0, 0))
    // A stray quote inside an unquoted field: kept as text, with a warning.
    add(
      "politie_stray_quote.csv", file(rows("sq", 3) + [row("sq4", note: "ZQ 12\" scherm")]),
      .applied,
      "politie_stray_quote.csv:5:…: warning: quote character inside an unquoted field (kept as text)…[invalid-quote]",
      rows: (4, 0, 0))
    // Aggregated source: a negative count and a non-number, and a malformed period.
    add(
      "welzijn_bad_counts.csv",
      Array(
        "maand,wijk,aantal\n2024-08,WK999901,-3\n2024-08,WK999901,ZQCOUNT\nZQMONTH,WK999901,2\n"
          .utf8),
      .quarantined,
      "welzijn_bad_counts.csv:3:18: error: expected a whole number of zero or more [type-error]")
    // A file no source's pattern matches: left in the inbox, reported.
    add("partner_onbekend.csv", file(rows("un", 2)), .ignored, nil)
    return out
  }
}
