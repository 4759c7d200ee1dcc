import SafetyCore

/// Guesses how an unknown export is written and what its columns hold, from a sample of its
/// first records: delimiter, quote, header, encoding, date formats, and the likely key,
/// date, area, category, count and personal columns. `SourceBlock` turns the result into a
/// ready-to-paste `sources:` entry for a pipeline file.
public enum CSVSniffer {
  /// Sniffs a file from its first `sampleBytes` bytes.
  public static func sniff(path: String, sampleBytes: Int = 1 << 20) throws -> SniffResult {
    let source = try ByteSource(path: path)
    let n = min(sampleBytes, source.size)
    var bytes = [UInt8](repeating: 0, count: n)
    let read = try bytes.withUnsafeMutableBytes { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      return try source.read(into: base, count: n, at: 0)
    }
    bytes.removeLast(n - read)
    return try sniff(bytes: bytes, name: path, complete: read == source.size)
  }

  /// Sniffs `bytes`; `complete` says whether they are the whole file (else the sample is
  /// cut at its last line break).
  public static func sniff(bytes input: [UInt8], name: String, complete: Bool = true) throws
    -> SniffResult
  {
    var bytes = input
    if !complete, let lastBreak = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
      bytes.removeSubrange((lastBreak + 1)...)
    }
    let quote = guessQuote(bytes)
    var best: (score: Double, width: Int, delimiter: UInt8, sample: Sample)? = nil
    var firstError: Error? = nil
    for delimiter in CSVDialect.commonDelimiters {
      let sample: Sample
      do {
        sample = try Sample.read(bytes, name: name, delimiter: delimiter, quote: quote)
      } catch {
        if firstError == nil { firstError = error }
        continue
      }
      let (width, share) = sample.modalWidth()
      // A delimiter that splits nothing is no delimiter; prefer consistent widths; and the
      // first record of the table (usually the header, below any title) has its width.
      let start = sample.tableStart(width: width)
      let score = width >= 2 && sample.rows[start].count == width ? share : 0
      if best == nil || score > best!.score + 1e-9 {
        best = (score, width, delimiter, sample)
      }
    }
    guard let chosen = best else {
      throw firstError
        ?? Diagnostic.error(
          .emptyFile, "nothing to sniff", at: SourcePosition(file: name, line: 1, column: 1))
    }
    return analyse(chosen.sample, delimiter: chosen.delimiter, quote: quote)
  }

  static func guessQuote(_ bytes: [UInt8]) -> UInt8 {
    let double = bytes.reduce(0) { $0 + ($1 == 0x22 ? 1 : 0) }
    if double > 0 { return 0x22 }
    // Single quotes only count when they open fields: after a delimiter or a line break.
    var opening = 0
    var previous: UInt8 = 0x0A
    for b in bytes {
      if b == 0x27 && [0x0A, 0x0D, 0x3B, 0x2C, 0x09, 0x7C].contains(previous) { opening += 1 }
      previous = b
    }
    return opening >= 2 ? 0x27 : 0x22
  }

  /// Records read from the sample with one delimiter.
  struct Sample {
    var rows: [[String]] = []
    /// The line each row starts on.
    var lines: [Int] = []
    var encoding: TextEncoding = .utf8
    var hadBOM = false

    static func read(_ bytes: [UInt8], name: String, delimiter: UInt8, quote: UInt8) throws
      -> Sample
    {
      var sample = Sample()
      let reader = CSVReader(
        bytes: bytes, name: name,
        options: CSVReadOptions(
          dialect: CSVDialect(delimiter: delimiter, quote: quote, encoding: .auto, hasHeader: true),
          limits: CSVLimits(maxDiagnostics: 0)))
      do {
        let summary = try reader.forEachRecord { record in
          if sample.rows.count < 5000 {
            sample.rows.append(record.strings())
            sample.lines.append(record.line)
          }
          sample.encoding = record.encoding
        }
        sample.encoding = summary.encoding
        sample.hadBOM = summary.hadBOM
      } catch let diagnostic as Diagnostic {
        // A broken file still shows its dialect in the records before the break.
        if sample.rows.isEmpty { throw diagnostic }
        sample.hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
      }
      return sample
    }

    func modalWidth() -> (width: Int, share: Double) {
      var counts: [Int: Int] = [:]
      for row in rows { counts[row.count, default: 0] += 1 }
      guard
        let (width, n) = counts.max(by: {
          $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key)
        })
      else { return (0, 0) }
      return (width, Double(n) / Double(max(rows.count, 1)))
    }
  }
}
