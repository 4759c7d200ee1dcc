/// The pre-pass of a parallel read: counts quote characters and line breaks in a region and
/// checks it for NUL bytes and invalid UTF-8, 32 bytes at a time.
struct RegionStats: Sendable {
  var quotes = 0
  /// Line breaks: LF, CR not followed by LF, and CRLF as one.
  var breaks = 0
  var hasNUL = false
  var hasNonASCII = false
  var invalidUTF8 = false
}

enum RegionScan {
  /// Scans `region`; `after` holds the (up to 3) bytes that follow it, to finish a UTF-8
  /// character or a CRLF that straddles the end. Leading continuation bytes belong to the
  /// previous region's last character and are skipped, unless the region starts right
  /// after a line break.
  static func scan(
    _ region: UnsafeRawBufferPointer, after: UnsafeRawBufferPointer, quote: UInt8,
    validateUTF8: Bool, startsAfterLineBreak: Bool
  ) -> RegionStats {
    var stats = RegionStats()
    guard let base = region.baseAddress else { return stats }
    let n = region.count
    var validator = UTF8Validator()
    var lf = 0
    var cr = 0
    var crlf = 0
    var i = 0
    // (After a line break no character can continue: nothing to skip.)
    while !startsAfterLineBreak && i < min(n, 3) && region[i] & 0xC0 == 0x80 { i += 1 }

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
          let next: UInt8? = j + 1 < n ? p[j + 1] : (after.isEmpty ? nil : after[0])
          if next == 0x0A { crlf += 1 }
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
    if validateUTF8 && !stats.invalidUTF8 {
      // The continuation bytes that open the next region are this region's to check:
      // they finish a character that straddles the end, or they are stray.
      var count = 0
      while count < after.count && after[count] & 0xC0 == 0x80 { count += 1 }
      let tail = UnsafeRawBufferPointer(rebasing: after.prefix(count))
      if validator.validate(tail, base: n) != .valid || validator.pending > 0 {
        stats.invalidUTF8 = true
      }
    }
    stats.breaks = lf + cr - crlf
    return stats
  }
}
