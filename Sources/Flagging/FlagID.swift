import Foundation
import SafetyCore

/// Stable flag ids: eight characters of Crockford base 32 (no I, L, O, U: easy to read out
/// and type) from a 64-bit FNV-1a hash of the family, area, theme and first week. The same
/// flag gets the same id in every run, so analysts' notes stay attached to it.
public enum FlagID {
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  public static func make(family: FlagFamily, area: String, theme: String, firstSeen: Period)
    -> String
  {
    let key = "\(family.rawValue)|\(area)|\(theme)|\(firstSeen)"
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    var out = ""
    var h = hash >> 24  // the top 40 bits
    for _ in 0..<8 {
      out.append(alphabet[Int(h & 31)])
      h >>= 5
    }
    return String(out.reversed())
  }

  /// An id as typed: upper case, Crockford's look-alikes mapped (O → 0, I and L → 1).
  public static func normalised(_ text: String) -> String {
    String(
      text.uppercased().compactMap { ch -> Character? in
        switch ch {
        case "O": "0"
        case "I", "L": "1"
        case "-", " ": nil
        default: ch
        }
      })
  }
}

/// Fisher's method: the p-value of -2 sum(log p) under chi-square with 2n degrees of
/// freedom (closed form for even degrees of freedom).
enum Fisher {
  static func combine(_ pvalues: [Double]) -> Double {
    guard !pvalues.isEmpty else { return 1 }
    var x = 0.0
    for p in pvalues { x += -2 * log(max(p, 1e-300)) }
    let half = x / 2
    var term = 1.0
    var sum = 1.0
    for j in 1..<pvalues.count {
      term *= half / Double(j)
      sum += term
    }
    return min(1, exp(-half) * sum)
  }
}
