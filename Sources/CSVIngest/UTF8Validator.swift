/// A streaming UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF). Feed it consecutive pieces; it remembers a sequence split between pieces.
struct UTF8Validator {
  /// Continuation bytes still expected for the sequence in progress.
  private(set) var pending = 0
  /// Allowed range of the next continuation byte (narrowed after E0, ED, F0, F4).
  private var low: UInt8 = 0x80
  private var high: UInt8 = 0xBF
  /// Offset (in the caller's coordinates) of the lead byte of the sequence in progress.
  private(set) var leadOffset = 0
  /// Set once a complete multi-byte sequence was seen (used by `auto` to decide).
  private(set) var sawMultiByte = false

  enum Outcome: Equatable {
    case valid
    /// The sequence starting at this offset is invalid.
    case invalid(at: Int)
  }

  /// Validates `bytes`, whose first byte has offset `base` in the caller's coordinates.
  mutating func validate(_ bytes: UnsafeRawBufferPointer, base: Int) -> Outcome {
    guard let start = bytes.baseAddress else { return .valid }
    let p = start.assumingMemoryBound(to: UInt8.self)
    let n = bytes.count
    var i = 0
    while i < n {
      if pending == 0 {
        // ASCII fast path, eight bytes at a time.
        while i + 8 <= n {
          let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
          if w & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
        while i < n && p[i] < 0x80 { i += 1 }
        if i >= n { break }
        let b = p[i]
        leadOffset = base + i
        switch b {
        case 0xC2...0xDF:
          pending = 1
          low = 0x80
          high = 0xBF
        case 0xE0:
          pending = 2
          low = 0xA0
          high = 0xBF
        case 0xE1...0xEC, 0xEE...0xEF:
          pending = 2
          low = 0x80
          high = 0xBF
        case 0xED:
          pending = 2
          low = 0x80
          high = 0x9F
        case 0xF0:
          pending = 3
          low = 0x90
          high = 0xBF
        case 0xF1...0xF3:
          pending = 3
          low = 0x80
          high = 0xBF
        case 0xF4:
          pending = 3
          low = 0x80
          high = 0x8F
        default: return .invalid(at: base + i)
        }
        i += 1
      } else {
        let b = p[i]
        guard b >= low && b <= high else { return .invalid(at: leadOffset) }
        low = 0x80
        high = 0xBF
        pending -= 1
        if pending == 0 { sawMultiByte = true }
        i += 1
      }
    }
    return .valid
  }

  /// Call at the end of the input: an unfinished sequence is an error at its lead byte.
  func finish() -> Outcome { pending == 0 ? .valid : .invalid(at: leadOffset) }

  /// Moves the remembered lead-byte offset when the caller shifts its buffer.
  mutating func shift(by delta: Int) { leadOffset -= delta }
}
