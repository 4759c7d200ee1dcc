import Detection
import Normalise
import PipelineSpec
import Reporting
import SafetyCore

/// Methods and data: per source the exports that fed the report's window and the quality
/// of all it delivered; the quarantined exports; the detectors and their settings.
struct MethodsBuilder {
  let pipeline: LoadedPipeline
  let registry: AreaRegistry

  func methods(
    window: DayRange, exports: [ReportExport], duplicates: [String: Int], runDate: CivilDate
  ) -> MethodsReport {
    var sources: [SourceUsage] = []
    for (id, source) in pipeline.spec.sources {
      let mine = exports.filter { $0.source == id }
      let applied = mine.filter { $0.status == .applied }
      var coverage: DayRange?
      for e in applied {
        guard let c = e.coverage else { continue }
        let last = min(c.last, runDate)
        coverage =
          coverage.map {
            DayRange(first: min($0.first, c.first), last: max($0.last, last))
          } ?? DayRange(first: c.first, last: last)
      }
      let used = applied.filter { e in
        guard let c = e.coverage else { return false }
        return DayRange(first: c.first, last: c.last).overlaps(window)
      }.map { e in
        ExportRef(
          name: e.name, contentHash: e.contentHash, receivedAt: e.receivedAt,
          coverage: e.coverage.map { DayRange(first: $0.first, last: $0.last) })
      }
      sources.append(
        SourceUsage(
          id: id, partner: source.partner, shape: source.resolvedShape.rawValue,
          coverage: coverage, exportsUsed: used, exportsApplied: applied.count,
          exportsQuarantined: mine.count - applied.count, duplicatesSkipped: duplicates[id] ?? 0,
          rowsOk: applied.reduce(0) { $0 + $1.rowsOk },
          rowsRejected: applied.reduce(0) { $0 + $1.rowsRejected },
          rowsUnknownArea: applied.reduce(0) { $0 + $1.rowsUnknownArea }))
    }
    let quarantined = exports.filter { $0.status == .quarantined }.map {
      QuarantinedExport(
        source: $0.source, name: $0.name, receivedAt: $0.receivedAt, reason: $0.reason ?? "")
    }
    return MethodsReport(
      window: window, sources: sources, quarantined: quarantined, detectors: detectors())
  }

  /// The indicators grouped by the detector settings in effect for them.
  func detectors() -> [DetectorUse] {
    var out: [DetectorUse] = []
    for (id, indicator) in pipeline.spec.indicators {
      let settings = pipeline.detectorSettings(for: indicator)
      let method = (settings.method ?? .farringtonFlexible).rawValue
      var listed = settings.listed.map { DetectorSetting(key: $0.key, value: $0.value) }
      listed.insert(
        DetectorSetting(key: "period", value: (indicator.period ?? .week).rawValue), at: 0)
      listed.insert(
        DetectorSetting(key: "level", value: (indicator.level ?? .buurt).rawValue), at: 1)
      if let i = out.firstIndex(where: { $0.method == method && $0.settings == listed }) {
        out[i].indicators.append(id)
      } else {
        out.append(DetectorUse(method: method, settings: listed, indicators: [id]))
      }
    }
    return out
  }
}
