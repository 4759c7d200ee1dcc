/// Coordinates in SVG: one decimal, `.` as separator, no exponent, locale-independent.
@inline(__always)
func svgNumber(_ x: Double) -> String {
  guard x.isFinite else { return "0" }
  let scaled = (x * 10).rounded()
  let whole = Int(scaled) / 10
  let frac = abs(Int(scaled) % 10)
  let sign = scaled < 0 && whole == 0 ? "-" : ""
  return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
}

/// "Nice" axis ticks (1, 2, 5 × 10^k, at least 1: the axes show counts) from zero up to at
/// least `maximum`.
func niceTicks(maximum: Double, targetCount: Int = 5) -> [Double] {
  let top = max(maximum, 1)
  let rough = top / Double(max(1, targetCount))
  var magnitude = 1.0
  while magnitude * 10 <= rough { magnitude *= 10 }
  while magnitude > rough { magnitude /= 10 }
  let nice = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
  let step = max(1, nice)
  var ticks: [Double] = []
  var v = 0.0
  while v < top + step * 0.999 {
    ticks.append(v)
    v += step
  }
  return ticks
}
