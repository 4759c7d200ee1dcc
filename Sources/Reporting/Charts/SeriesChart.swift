/// One period of a chart: what was observed, what the detector expected and its upper
/// bound, and whether it alarmed.
public struct SeriesPoint: Sendable, Hashable {
  public var label: String
  public var observed: Int?
  public var expected: Double?
  public var upperBound: Double?
  public var alarm: Bool

  public init(
    label: String, observed: Int?, expected: Double? = nil, upperBound: Double? = nil,
    alarm: Bool = false
  ) {
    self.label = label
    self.observed = observed
    self.expected = expected
    self.upperBound = upperBound
    self.alarm = alarm
  }
}

/// A self-contained SVG chart of a count series: the expected band (expected to upper
/// bound), the expected line, observed counts, and alarms. Disclosure control is built in:
/// counts below the minimum cell are drawn on one line inside a shaded "<5" band, so the
/// chart cannot be read for their exact value, and their tooltips say `<5`.
public struct SeriesChart: Sendable {
  public var title: String
  public var points: [SeriesPoint]
  public var disclosure: DisclosurePolicy
  public var width: Double = 640
  public var height: Double = 220
  /// Points (indices) shaded as "the period of the report".
  public var highlight: ClosedRange<Int>?

  public init(title: String, points: [SeriesPoint], disclosure: DisclosurePolicy = .standard) {
    self.title = title
    self.points = points
    self.disclosure = disclosure
  }

  static let observedColour = "#1f4e79"
  static let expectedColour = "#6b6b6b"
  static let bandColour = "#cfe3f3"
  static let alarmColour = "#c0392b"
  static let suppressedColour = "#ececec"
  static let highlightColour = "#fff1c9"

  public func svg(_ language: DisplayLanguage) -> HTML {
    let fmt = NumberFormatting(language)
    let left = 40.0
    let right = 10.0
    let top = 26.0
    let bottom = 34.0
    let plotW = width - left - right
    let plotH = height - top - bottom
    let minCell = Double(disclosure.minCell)
    let maxY = points.reduce(minCell) { m, p in
      max(m, Double(p.observed ?? 0), p.upperBound ?? 0, p.expected ?? 0)
    }
    let ticks = niceTicks(maximum: maxY * 1.05)
    let yTop = ticks.last ?? maxY
    let n = max(points.count, 1)
    func x(_ i: Int) -> Double {
      n == 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(n - 1)
    }
    func y(_ v: Double) -> Double { top + plotH * (1 - v / yTop) }

    var svg: HTML = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(svgNumber(width)) \(svgNumber(height))" \
      width="100%" role="img" aria-label="\(title)" class="series-chart" \
      font-family="system-ui, sans-serif" font-size="10"><title>\(title)</title>
      """
    // The report's period, shaded behind everything.
    if let highlight, highlight.lowerBound >= 0, highlight.upperBound < points.count {
      let step = n == 1 ? plotW : plotW / Double(n - 1)
      let x0 = max(left, x(highlight.lowerBound) - step / 2)
      let x1 = min(width - right, x(highlight.upperBound) + step / 2)
      svg += """
        <rect x="\(svgNumber(x0))" y="\(svgNumber(top))" width="\(svgNumber(x1 - x0))" \
        height="\(svgNumber(plotH))" fill="\(Self.highlightColour)"/>
        """
    }
    // Axes and grid.
    for t in ticks {
      svg += """
        <line x1="\(svgNumber(left))" x2="\(svgNumber(width - right))" y1="\(svgNumber(y(t)))" \
        y2="\(svgNumber(y(t)))" stroke="#e3e3e3" stroke-width="0.5"/>\
        <text x="\(svgNumber(left - 4))" y="\(svgNumber(y(t) + 3))" text-anchor="end" \
        fill="#555">\(fmt.integer(Int(t)))</text>
        """
    }
    // The suppressed band: counts below the minimum cell all sit on its midline.
    if disclosure.minCell > 1 {
      svg += """
        <rect x="\(svgNumber(left))" y="\(svgNumber(y(minCell)))" width="\(svgNumber(plotW))" \
        height="\(svgNumber(y(0) - y(minCell)))" fill="\(Self.suppressedColour)">\
        <title>\(language[.legendSuppressed]): &lt;\(disclosure.minCell)</title></rect>
        """
    }
    svg += band(x: x, y: y)
    svg += line(values: points.map(\.expected), x: x, y: y, colour: Self.expectedColour, dash: true)
    let shownObserved: [Double?] = points.map { p in
      p.observed.map { Double($0) < minCell ? minCell / 2 : Double($0) }
    }
    svg += line(values: shownObserved, x: x, y: y, colour: Self.observedColour, dash: false)
    for (i, p) in points.enumerated() {
      guard let shown = shownObserved[i], let count = p.observed else { continue }
      let countText = disclosure.count(count).text(fmt)
      var tip = "\(p.label): \(language[.observed]) \(countText)"
      if let e = p.expected { tip += "; \(language[.expected]) \(fmt.decimal(e))" }
      if let u = p.upperBound { tip += "; \(language[.upperBound]) \(fmt.decimal(u))" }
      if p.alarm { tip += "; \(language[.legendAlarm])" }
      let r = p.alarm ? 4.0 : 2.0
      let fill =
        p.alarm ? Self.alarmColour : (Double(count) < minCell ? "#ffffff" : Self.observedColour)
      let stroke = p.alarm ? Self.alarmColour : Self.observedColour
      svg += """
        <circle cx="\(svgNumber(x(i)))" cy="\(svgNumber(y(shown)))" r="\(svgNumber(r))" \
        fill="\(fill)" stroke="\(stroke)" stroke-width="1"><title>\(tip)</title></circle>
        """
    }
    svg += xLabels(x: x, baseline: top + plotH)
    svg += legend(language, y: 12)
    svg += "</svg>"
    return svg
  }

  private func band(x: (Int) -> Double, y: (Double) -> Double) -> HTML {
    // Contiguous runs where both expected and upper bound exist become one polygon each.
    var out = HTML.empty
    var run: [(Int, Double, Double)] = []
    func flush() {
      guard run.count >= 2 else {
        run = []
        return
      }
      let upper = run.map { "\(svgNumber(x($0.0))),\(svgNumber(y($0.2)))" }
      let lower = run.reversed().map { "\(svgNumber(x($0.0))),\(svgNumber(y($0.1)))" }
      out +=
        "<polygon points=\"\(HTML(unescaped: (upper + lower).joined(separator: " ")))\" fill=\"\(Self.bandColour)\" stroke=\"none\"/>"
      run = []
    }
    for (i, p) in points.enumerated() {
      if let e = p.expected, let u = p.upperBound, u >= e {
        run.append((i, e, u))
      } else {
        flush()
      }
    }
    flush()
    return out
  }

  private func line(
    values: [Double?], x: (Int) -> Double, y: (Double) -> Double, colour: String, dash: Bool
  ) -> HTML {
    var out = HTML.empty
    var segment: [String] = []
    func flush() {
      if segment.count >= 2 {
        let dashAttr = dash ? " stroke-dasharray=\"4 3\"" : ""
        out += HTML(
          unescaped:
            "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"\(dashAttr)/>"
        )
      }
      segment = []
    }
    for (i, v) in values.enumerated() {
      if let v {
        segment.append("\(svgNumber(x(i))),\(svgNumber(y(v)))")
      } else {
        flush()
      }
    }
    flush()
    return out
  }

  private func xLabels(x: (Int) -> Double, baseline: Double) -> HTML {
    guard !points.isEmpty else { return .empty }
    let maxLabels = max(1, Int(width / 70))
    let step = max(1, (points.count + maxLabels - 1) / maxLabels)
    var out = HTML.empty
    var i = 0
    while i < points.count {
      out += """
        <text x="\(svgNumber(x(i)))" y="\(svgNumber(baseline + 14))" text-anchor="middle" \
        fill="#555">\(points[i].label)</text>
        """
      i += step
    }
    return out
  }

  private func legend(_ language: DisplayLanguage, y: Double) -> HTML {
    let items: [(String, String, Bool)] = [
      (Self.observedColour, language[.legendObserved], false),
      (Self.expectedColour, language[.legendExpected], true),
      (Self.bandColour, language[.legendUpperBound], false),
      (Self.alarmColour, language[.legendAlarm], false),
    ]
    var out = HTML.empty
    var xPos = 40.0
    for (colour, text, dashed) in items {
      let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
      out += HTML(
        unescaped:
          "<line x1=\"\(svgNumber(xPos))\" x2=\"\(svgNumber(xPos + 14))\" y1=\"\(svgNumber(y - 3))\" y2=\"\(svgNumber(y - 3))\" stroke=\"\(colour)\" stroke-width=\"3\"\(dash)/>"
      )
      out +=
        "<text x=\"\(svgNumber(xPos + 18))\" y=\"\(svgNumber(y))\" fill=\"#333\">\(text)</text>"
      xPos += 30 + Double(text.count) * 6.2
    }
    return out
  }
}
