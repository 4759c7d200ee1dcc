/// Byte-level readers of field values on the normaliser's hot path.

/// The bytes without spaces and tabs around them.
@inline(__always)
func trimmed(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
  var start = 0
  var end = raw.count
  while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
  while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
  return UnsafeRawBufferPointer(rebasing: raw[start..<end])
}

@inline(__always)
func isBlank(_ raw: UnsafeRawBufferPointer) -> Bool {
  raw.allSatisfy { $0 == 0x20 || $0 == 0x09 }
}

/// A non-negative whole number (spaces around allowed). Spreadsheets that write counts as
/// decimals may add a zero fraction (`3,0`, `3.00`); any other fraction, and `1.234` with a
/// thousands dot, are not counts.
@inline(__always)
func parseCount(_ raw: UnsafeRawBufferPointer) -> Int64? {
  let digits = trimmed(raw)
  var end = digits.count
  if let separator = digits.firstIndex(where: { $0 == 0x2C || $0 == 0x2E }) {
    guard separator + 1 < end, digits[(separator + 1)...].allSatisfy({ $0 == 0x30 }) else {
      return nil
    }
    end = separator
  }
  guard end > 0, end <= 15 else { return nil }
  var value: Int64 = 0
  for i in 0..<end {
    let b = digits[i]
    guard b >= 0x30, b <= 0x39 else { return nil }
    value = value * 10 + Int64(b - 0x30)
  }
  return value
}
