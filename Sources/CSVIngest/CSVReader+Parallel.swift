import Dispatch
import SafetyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CSVReader {
  /// Reads the file in `chunks` byte ranges at once (`DispatchQueue.concurrentPerform`),
  /// each split at a safe record boundary, even when quoted fields hold line breaks.
  ///
  /// How: a parallel pre-pass counts quote characters and line breaks per region (and
  /// checks for NUL bytes and invalid UTF-8); the quote parity at each nominal split point
  /// then gives the first line break outside quotes after it. Each chunk is read by its own
  /// libcsv parser, and must end exactly between two records: that verifies the split (a
  /// chunk's start is right when the previous chunk ended cleanly). If a split fails (stray
  /// quotes, or a file with an error the sequential reader must report in order), the
  /// partials are discarded and the file is read again on one core: the result is the same.
  ///
  /// Contract for `body`:
  /// - it runs concurrently for different chunks, in file order within a chunk, and may run
  ///   for a chunk that is later discarded: keep every effect inside the chunk's `Partial`.
  /// - `record.line` and field positions are absolute (the file's lines); `record.number`
  ///   counts within the chunk (the header is record 1 of chunk 0). Absolute numbers:
  ///   `result.chunks[chunk.index].firstRecordNumber + record.number - 1`.
  /// - Diagnostics reach `onDiagnostic` after all chunks are read, in file order, with
  ///   absolute positions and record numbers, capped by `limits.maxDiagnostics`.
  /// - Fatal errors are thrown as by `forEachRecord` (the first in file order).
  public func forEachRecordInParallel<Partial: Sendable>(
    chunks requested: Int = 2,
    onDiagnostic: (Diagnostic) -> Void = { _ in },
    makePartial: @Sendable (CSVChunk) -> Partial,
    _ body: @Sendable (inout Partial, borrowing CSVRecord) throws -> Void
  ) throws -> CSVParallelResult<Partial> {
    let context = RecordContext(
      file: name, delimiter: options.dialect.delimiter, quote: options.dialect.quote)
    let size = source.size
    let minimumChunk = options.chunkSize
    if requested > 1 && size >= 2 * minimumChunk,
      let plan = try planChunks(requested, context: context, minimumChunk: minimumChunk)
    {
      if let result = try readChunks(
        plan, context: context, onDiagnostic: onDiagnostic, makePartial: makePartial, body)
      {
        return result
      }
    }
    // One core: the sequential reader, as one chunk.
    let whole = CSVChunk(index: 0, byteRange: 0..<size, firstLine: 1)
    var partial = makePartial(whole)
    let summary = try forEachRecord(onDiagnostic: onDiagnostic) { record in
      try body(&partial, record)
    }
    return CSVParallelResult(
      partials: [partial],
      chunks: [CSVChunkSummary(chunk: whole, firstRecordNumber: 1, records: summary.records)],
      summary: summary, ranInParallel: false)
  }

  struct ChunkPlan: Sendable {
    var chunks: [CSVChunk]
    var encoding: TextEncoding
    /// What chunk 0 starts with: the declared encoding when a BOM overrides it (so that it
    /// reports the mismatch, as the sequential read does), else `encoding`.
    var firstChunkEncoding: TextEncoding
    var headerWidth: Int
  }

  /// Header probe, pre-pass and boundary search. Nil when the file is better read on one
  /// core (too few records, a NUL byte, invalid UTF-8: errors are reported in order).
  func planChunks(_ requested: Int, context: RecordContext, minimumChunk: Int) throws
    -> ChunkPlan?
  {
    let size = source.size
    // 1. The first record: its width and where it ends.
    var probe = CSVEngine(
      .init(
        source: source, options: options, context: context, start: 0, end: size, firstLine: 1,
        isFileStart: true, encoding: options.dialect.encoding, headerWidth: nil))
    struct Stop: Error {}
    var width = 0
    do {
      try probe.run(report: { _ in }) { record in
        width = record.count
        throw Stop()
      }
      return nil  // at most one record
    } catch is Stop {
    } catch {
      return nil  // the sequential read reports it
    }
    let headerEnd = probe.lastRecordEnd
    let hadBOM = probe.hadBOM
    // 2. Pre-pass over [headerEnd, size) in `requested` regions, in parallel.
    let parts = max(1, min(requested, (size - headerEnd) / minimumChunk))
    guard parts > 1 else { return nil }
    let quote = options.dialect.quote
    let chunkSize = options.chunkSize
    // The probe read (and checked) the first chunk: under `auto` it may have decided.
    var declared = hadBOM ? TextEncoding.utf8 : options.dialect.encoding
    if declared == .auto && probe.encoding != .auto { declared = probe.encoding }
    let validate = declared == .utf8 || declared == .auto
    var splits = (0...parts).map { headerEnd + (size - headerEnd) * $0 / parts }
    let statsBox = Slots<RegionStats>(count: parts, initial: RegionStats())
    let stats = statsBox.buffer
    defer { withExtendedLifetime(statsBox) {} }
    let failed = ManagedFlag()
    let source = self.source
    let regions = splits
    DispatchQueue.concurrentPerform(iterations: parts) { i in
      let range = regions[i]..<regions[i + 1]
      // Window by window (8 chunks, 8 MiB by default, mapped at a time), so memory does
      // not grow with the file.
      let window = 8 * chunkSize
      var scanner = RegionScanner(quote: quote, validateUTF8: validate)
      do {
        var start = range.lowerBound
        while start < range.upperBound {
          let end = min(start + window, range.upperBound)
          try source.withBytes(start..<min(size, end + 3)) { bytes in
            let part = UnsafeRawBufferPointer(rebasing: bytes[0..<(end - start)])
            let next = UnsafeRawBufferPointer(rebasing: bytes[(end - start)...])
            scanner.scan(
              part, next: next, skipLeadingContinuations: start == range.lowerBound && i > 0)
            if end == range.upperBound { statsBox.buffer[i] = scanner.finish(after: next) }
          }
          start = end
        }
      } catch {
        failed.set()
      }
    }
    if failed.isSet { return nil }
    if stats.contains(where: { $0.hasNUL || $0.invalidUTF8 }) { return nil }
    let encoding: TextEncoding =
      declared == .auto ? .utf8 : declared
    // 3. Boundaries: the first line break outside quotes after each split point.
    var chunks: [CSVChunk] = []
    var quotesBefore = 0
    var breaksBefore = try countBreaks(0..<headerEnd)
    var start = 0
    var startLine = 1
    for i in 1..<parts {
      quotesBefore += stats[i - 1].quotes
      breaksBefore += stats[i - 1].breaks
      guard
        let (boundary, extraBreaks) = try findBoundary(
          from: splits[i], inQuotes: quotesBefore % 2 == 1, limit: splits[i + 1])
      else { continue }
      if boundary <= start { continue }
      chunks.append(
        CSVChunk(index: chunks.count, byteRange: start..<boundary, firstLine: startLine))
      start = boundary
      startLine = 2 + breaksBefore + extraBreaks  // + the break that ends at `boundary`
      splits[i] = boundary
    }
    chunks.append(CSVChunk(index: chunks.count, byteRange: start..<size, firstLine: startLine))
    guard chunks.count > 1 else { return nil }
    let declaredSingleByte =
      options.dialect.encoding == .windows1252 || options.dialect.encoding == .iso88591
    return ChunkPlan(
      chunks: chunks, encoding: encoding,
      firstChunkEncoding: hadBOM && declaredSingleByte ? options.dialect.encoding : encoding,
      headerWidth: width)
  }

  /// Line breaks in `range` (LF, lone CR, CRLF as one).
  func countBreaks(_ range: Range<Int>) throws -> Int {
    var breaks = 0
    try source.withBytes(range.lowerBound..<min(source.size, range.upperBound + 1)) { bytes in
      for j in 0..<range.count {
        let b = bytes[j]
        if b == 0x0A || (b == 0x0D && (j + 1 >= bytes.count || bytes[j + 1] != 0x0A)) {
          breaks += 1
        }
      }
    }
    return breaks
  }

  /// From `offset` (with the given quote state), the offset just past the first line break
  /// outside quotes, and the line breaks in between; nil if none before `limit`.
  func findBoundary(from offset: Int, inQuotes: Bool, limit: Int) throws -> (Int, Int)? {
    var quoted = inQuotes
    var breaks = 0
    var position = offset
    let quote = options.dialect.quote
    let step = 1 << 16
    while position < limit {
      let end = min(limit + 1, position + step, source.size)
      var result: (Int, Int)? = nil
      var consumed = 0
      try source.withBytes(position..<end) { bytes in
        var j = 0
        while j < bytes.count {
          let b = bytes[j]
          if b == quote {
            quoted.toggle()
          } else if b == 0x0A || b == 0x0D {
            if b == 0x0D && j + 1 >= bytes.count && position + j + 1 < source.size {
              break  // decide CRLF with the next piece
            }
            let crlf = b == 0x0D && j + 1 < bytes.count && bytes[j + 1] == 0x0A
            if !quoted {
              result = (position + j + (crlf ? 2 : 1), breaks)
              return
            }
            breaks += 1
            if crlf { j += 1 }
          }
          j += 1
        }
        consumed = j
      }
      if let result { return result }
      if consumed == 0 { return nil }
      position += consumed
    }
    return nil
  }

  func readChunks<Partial: Sendable>(
    _ plan: ChunkPlan, context: RecordContext, onDiagnostic: (Diagnostic) -> Void,
    makePartial: @Sendable (CSVChunk) -> Partial,
    _ body: @Sendable (inout Partial, borrowing CSVRecord) throws -> Void
  ) throws -> CSVParallelResult<Partial>? {
    let n = plan.chunks.count
    let outcomesBox = Slots<ChunkOutcome<Partial>?>(count: n, initial: nil)
    let outcomes = outcomesBox.buffer
    defer { withExtendedLifetime(outcomesBox) {} }
    let options = self.options
    let source = self.source
    DispatchQueue.concurrentPerform(iterations: n) { i in
      let chunk = plan.chunks[i]
      var outcome = ChunkOutcome(partial: makePartial(chunk))
      var engine = CSVEngine(
        .init(
          source: source, options: options, context: context, start: chunk.byteRange.lowerBound,
          end: chunk.byteRange.upperBound, firstLine: chunk.firstLine, isFileStart: i == 0,
          encoding: i == 0 ? plan.firstChunkEncoding : plan.encoding,
          headerWidth: i == 0 ? nil : plan.headerWidth,
          isFileEnd: i == n - 1, prevalidated: true))
      do {
        try engine.run(report: { outcome.diagnostics.append($0) }) { record in
          try body(&outcome.partial, record)
        }
      } catch is CSVEngine.ChunkBoundaryMismatch {
        outcome.mismatch = true
      } catch {
        outcome.error = error
      }
      outcome.records = engine.records
      outcome.startedRecord = engine.startedRecord
      outcome.counts = engine.counts
      outcome.hadBOM = engine.hadBOM
      outcome.trailingBlankLines = engine.pendingBlankLines
      outcome.trailingBlankCount = engine.blankLineCount
      outcome.endLine = engine.endsWithBreak ? engine.line - 1 : engine.line
      outcomesBox.buffer[i] = outcome
    }
    // The first chunk that failed decides: a real error, or a wrong split (read again).
    var summaries: [CSVChunkSummary] = []
    var partials: [Partial] = []
    var counts: [DiagnosticCode: Int] = [:]
    var diagnostics: [Diagnostic] = []
    var nextRecord = 1
    var pendingBlanks: [Int] = []
    var pendingBlankCount = 0
    var firstError: Error? = nil
    for i in 0..<n {
      guard let outcome = outcomes[i] else { return nil }
      if outcome.mismatch { return nil }
      if outcome.startedRecord {
        for line in pendingBlanks {
          diagnostics.append(
            .warning(
              .blankRow, "empty line skipped", at: SourcePosition(file: name, line: line, column: 1)
            ))
        }
        counts[.blankRow, default: 0] += pendingBlankCount
        pendingBlanks = []
        pendingBlankCount = 0
      }
      for var d in outcome.diagnostics {
        if let r = d.position?.record { d.position?.record = r + nextRecord - 1 }
        diagnostics.append(d)
      }
      for (code, count) in outcome.counts { counts[code, default: 0] += count }
      summaries.append(
        CSVChunkSummary(
          chunk: plan.chunks[i], firstRecordNumber: nextRecord, records: outcome.records))
      partials.append(outcome.partial)
      nextRecord += outcome.records
      pendingBlanks += outcome.trailingBlankLines
      pendingBlankCount += outcome.trailingBlankCount
      if let error = outcome.error {
        if var d = error as? Diagnostic, let r = d.position?.record {
          d.position?.record = r + summaries[i].firstRecordNumber - 1
          firstError = d
        } else {
          firstError = error
        }
        break
      }
    }
    for d in diagnostics.prefix(options.limits.maxDiagnostics) { onDiagnostic(d) }
    if let firstError { throw firstError }
    if nextRecord == 1 {
      throw Diagnostic.error(
        .emptyFile, "the file holds no records", at: SourcePosition(file: name, line: 1, column: 1))
    }
    var summary = CSVReadSummary(
      records: nextRecord - 1, bytes: source.size, encoding: plan.encoding,
      hadBOM: outcomes[0]?.hadBOM ?? false, diagnosticCounts: counts)
    summary.lines = outcomes[n - 1]?.endLine ?? 0
    return CSVParallelResult(
      partials: partials, chunks: summaries, summary: summary, ranInParallel: true)
  }
}

struct ChunkOutcome<Partial> {
  var partial: Partial
  var diagnostics: [Diagnostic] = []
  var counts: [DiagnosticCode: Int] = [:]
  var records = 0
  var startedRecord = false
  var mismatch = false
  var error: Error? = nil
  var hadBOM = false
  var trailingBlankLines: [Int] = []
  var trailingBlankCount = 0
  var endLine = 0
}

/// Result slots written by concurrent iterations, each iteration its own index.
final class Slots<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(count: Int, initial: T) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: initial)
  }
  deinit {
    _ = buffer.deinitialize()
    buffer.deallocate()
  }
}

/// A flag set from several threads.
final class ManagedFlag: @unchecked Sendable {
  private var value = false
  private var lock = pthread_mutex_t()
  init() { pthread_mutex_init(&lock, nil) }
  deinit { pthread_mutex_destroy(&lock) }
  func set() {
    pthread_mutex_lock(&lock)
    value = true
    pthread_mutex_unlock(&lock)
  }
  var isSet: Bool {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    return value
  }
}
