/// The pre-pass of a parallel read: counts quote characters and line breaks in a region and
/// checks it for NUL bytes and invalid UTF-8.
struct RegionStats: Sendable {
  var quotes = 0
  /// Line breaks: LF, CR not followed by LF, and CRLF as one.
  var breaks = 0
  var hasNUL = false
  var hasNonASCII = false
  var invalidUTF8 = false
}

/// Scans one region window by window (so memory stays bounded), carrying a UTF-8 character
/// or a CRLF that straddles two windows.
struct RegionScanner {
  let quote: UInt8
  let validateUTF8: Bool
  private(set) var stats = RegionStats()
  private var validator = UTF8Validator()
  private var lf = 0
  private var cr = 0
  private var crlf = 0

  init(quote: UInt8, validateUTF8: Bool) {
    self.quote = quote
    self.validateUTF8 = validateUTF8
  }

  /// Scans `window`; `next` holds the bytes that follow it (for a CRLF split between the
  /// two). `skipLeadingContinuations`: the window starts the region, and continuation bytes
  /// there belong to the previous region's last character (not after a line break, where
  /// no character can continue).
  mutating func scan(
    _ window: UnsafeRawBufferPointer, next: UnsafeRawBufferPointer, skipLeadingContinuations: Bool
  ) {
    guard let base = window.baseAddress else { return }
    let n = window.count
    var i = 0
    while skipLeadingContinuations && i < min(n, 3) && window[i] & 0xC0 == 0x80 { i += 1 }
    let p = base.assumingMemoryBound(to: UInt8.self)
    // One block at a time: counts in byte lanes (a loop LLVM vectorises); CR pairs, NUL
    // bytes and UTF-8 validation only for the blocks that need them.
    let block = 128
    while i < n {
      let end = min(i + block, n)
      var q: UInt8 = 0
      var l: UInt8 = 0
      var c: UInt8 = 0
      var zeros: UInt8 = 0
      var all: UInt8 = 0
      for j in i..<end {
        let b = p[j]
        q &+= b == quote ? 1 : 0
        l &+= b == 0x0A ? 1 : 0
        c &+= b == 0x0D ? 1 : 0
        zeros |= b == 0 ? 1 : 0
        all |= b
      }
      stats.quotes &+= Int(q)
      lf &+= Int(l)
      if c > 0 {
        cr &+= Int(c)
        for j in i..<end where p[j] == 0x0D {
          let following: UInt8? = j + 1 < n ? p[j + 1] : (next.isEmpty ? nil : next[0])
          if following == 0x0A { crlf += 1 }
        }
      }
      if zeros != 0 { stats.hasNUL = true }
      if all & 0x80 != 0 { stats.hasNonASCII = true }
      if validateUTF8 && !stats.invalidUTF8 && (all & 0x80 != 0 || validator.pending > 0) {
        let span = UnsafeRawBufferPointer(start: base + i, count: end - i)
        if validator.validate(span, base: i) != .valid { stats.invalidUTF8 = true }
      }
      i = end
    }
  }

  /// The region's end: `after` holds the bytes that follow it. The continuation bytes that
  /// open the next region are this region's to check: they finish a character that
  /// straddles the end, or they are stray.
  mutating func finish(after: UnsafeRawBufferPointer) -> RegionStats {
    if validateUTF8 && !stats.invalidUTF8 {
      var count = 0
      while count < after.count && after[count] & 0xC0 == 0x80 { count += 1 }
      let tail = UnsafeRawBufferPointer(rebasing: after.prefix(count))
      if validator.validate(tail, base: 0) != .valid || validator.pending > 0 {
        stats.invalidUTF8 = true
      }
    }
    stats.breaks = lf + cr - crlf
    return stats
  }
}
