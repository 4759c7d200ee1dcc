#!/usr/bin/env python3
# Writes docs/report.schema.json (the JSON Schema of `safety-monitor report --format json`).
# usage: python3 scripts/make-report-schema.py > docs/report.schema.json
# Keep it in step with Sources/Reporting/Model; JSONReportRendererTests validates against it.
import json
def obj(props, required=None, desc=None):
    o = {"type": "object"}
    if desc: o["description"] = desc
    o["properties"] = props
    o["required"] = required if required is not None else list(props.keys())
    o["additionalProperties"] = False
    return o
def ref(n): return {"$ref": "#/$defs/" + n}
def arr(s, desc=None):
    a = {"type": "array", "items": s}
    if desc: a["description"] = desc
    return a
S = {"type": "string"}
I = {"type": "integer", "minimum": 0}
N = {"type": "number"}
B = {"type": "boolean"}
def d(s, text):
    s = dict(s); s["description"] = text; return s
def nullable(s):
    return {"oneOf": [s, {"type": "null"}]}

defs = {
 "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A calendar day, yyyy-MM-dd (Europe/Amsterdam)."},
 "periodId": {"type": "string", "pattern": "^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}|Q[1-4])?$", "description": "A period: ISO week 2024-W36, month 2024-09, quarter 2024Q3 or year 2024. Weeks roll up into the month, quarter and year of their Thursday."},
 "periodKind": {"enum": ["week", "month", "quarter", "year"]},
 "areaLevel": {"enum": ["buurt", "wijk", "gemeente"]},
 "count": {"description": "A count after disclosure control: the number when it is at least the minimum cell, otherwise the text \"<5\" (with the pipeline's minimum cell). Never a smaller number.",
           "oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^<[0-9]+$"}]},
 "value": {"description": "A rate, index or change after disclosure control: the number, or why it is not shown: suppressed-count (the count behind it is below the minimum cell), suppressed-population (fewer inhabitants, dwellings or households than the minimum population), not-available (no denominator, no reference, or a comparison period the data do not fully cover).",
           "oneOf": [{"type": "number"}, {"enum": ["suppressed-count", "suppressed-population", "not-available"]}]},
 "areaRef": obj({"code": d(S, "CBS code (GMxxxx, WKxxxxxx, BUxxxxxxxx)."), "name": S}),
 "namedRef": obj({"id": S, "name": S}),
 "dayRange": obj({"first": ref("date"), "last": ref("date")}, desc="Days, both inclusive."),
 "reportPeriod": obj({"id": ref("periodId"), "kind": ref("periodKind"), "firstDay": ref("date"), "lastDay": ref("date")}),
 "comparison": obj({"role": d({"enum": ["previousPeriod", "sameLastYear", "chosen"]}, "previousPeriod: the period before; sameLastYear: the same period a year earlier; chosen: --compare."), "period": ref("reportPeriod")}),
 "comparedCount": obj({"period": ref("periodId"), "count": ref("count"),
     "change": d(ref("value"), "(count now − count then) / count then, a fraction (0.12 = +12 %); shown only when both counts are shown and the data cover the comparison period."),
     "significant": d(B, "The change is unlikely to be chance: exact two-sided binomial test of the two counts (equal exposure), p < 0.05.")}),
 "figures": obj({"count": d(ref("count"), "The count in the report's period."), "compared": arr(ref("comparedCount"), "One per comparison, in the order of the report's comparisons.")}),
 "availability": {"description": "Whether the figures are complete for the period.", "oneOf": [
     obj({"status": {"const": "complete"}}),
     obj({"status": {"const": "incomplete"}, "coverage": d(ref("dayRange"), "The days all the indicator's sources cover.")}),
     obj({"status": {"const": "coarser-than-period"}, "finestPeriod": d(ref("periodKind"), "Its sources deliver no finer periods than this: no figures.")}),
     obj({"status": {"const": "no-data"}}),
 ]},
 "chartPoint": obj({"period": ref("periodId"), "observed": d(nullable(ref("count")), "Null where the data do not cover the period."),
     "expected": nullable(N), "upperBound": d(nullable(N), "An alarm needs more than this."), "alarm": B}),
 "chartSeries": obj({"area": d(S, "The area code the series is for (the municipality's for theme charts)."), "kind": ref("periodKind"),
     "basis": d({"enum": ["computed", "stored", "none"]}, "computed: the detector ran on this series for the report; stored: the run's detection results; none: observed counts only."),
     "method": d(S, "The detector (farringtonFlexible, earsC1, ...)."),
     "aggregatedFrom": d(ref("periodKind"), "The points sum a finer series whose counts were mostly too small to show: expected values are sums, upper bounds are absent, a point alarms when one of its finer periods did."),
     "points": arr(ref("chartPoint"))}, required=["area", "kind", "basis", "points"]),
 "sourceCategories": obj({"source": S, "partner": S, "categories": arr(S)}),
 "indicator": obj({"id": S, "name": S, "subtheme": S, "unit": {"enum": ["count", "per1000Inhabitants", "per1000Dwellings", "per1000Households"]},
     "basePeriod": ref("periodKind"), "level": ref("areaLevel"), "sources": arr(ref("sourceCategories")), "availability": ref("availability"),
     "figures": d(ref("figures"), "Municipal figures; absent when the indicator has none for the period."),
     "rate": d(ref("value"), "Municipal count per 1,000 of the unit's denominator (not-available for count indicators)."),
     "chart": d(ref("chartSeries"), "The municipal series in the base period, ending with the report's period.")},
     required=["id", "name", "unit", "basePeriod", "level", "sources", "availability", "rate"]),
 "theme": obj({"id": S, "name": S, "subthemes": arr(ref("namedRef")),
     "totals": d(ref("figures"), "All registrations of the theme's indicators' source categories, each counted once (known areas only)."),
     "ratePerThousandInhabitants": ref("value"), "indicators": arr(ref("indicator")),
     "leftOutOfBuurten": arr(S, "Indicators whose sources deliver per wijk only: not in buurt figures.")},
     required=["id", "name", "subthemes", "ratePerThousandInhabitants", "indicators", "leftOutOfBuurten"]),
 "areaPopulation": obj({"year": {"type": "integer"}, "inhabitants": I, "dwellings": I, "households": I}, required=["year"]),
 "areaThemeFigures": obj({"theme": S, "figures": ref("figures"), "ratePerThousandInhabitants": ref("value"),
     "index": d(ref("value"), "The area's rate per 1,000 inhabitants as a percentage of its level's overall rate (100 = municipality).")}),
 "areaIndicatorFigures": obj({"indicator": S, "figures": ref("figures"), "rate": ref("value"), "index": ref("value")}),
 "flagStatus": {"enum": ["new", "ongoing", "escalated", "deescalated", "resolved"]},
 "flagKind": {"enum": ["spike", "rising", "elevated", "convergent", "cluster"]},
 "flagReview": {"enum": ["acknowledged", "dismissed"]},
 "areaFlagSummary": obj({"open": I, "new": I, "escalated": I, "status": d(ref("flagStatus"), "The most pressing status among the open flags."), "themes": arr(S)},
     required=["open", "new", "escalated", "themes"]),
 "area": obj({"code": S, "name": S, "level": ref("areaLevel"), "parent": S, "population": ref("areaPopulation"),
     "themes": arr(ref("areaThemeFigures")), "indicators": arr(ref("areaIndicatorFigures")), "flags": ref("areaFlagSummary")},
     required=["code", "name", "level", "themes", "indicators", "flags"]),
 "flagNote": obj({"review": ref("flagReview"), "note": S, "by": S, "at": d(S, "ISO 8601 timestamp.")}, required=["note", "by", "at"]),
 "flagEvidence": obj({"indicators": arr(ref("namedRef")), "partners": arr(S), "period": nullable(ref("periodId")),
     "observed": nullable(ref("count")), "expected": nullable(N), "upperBound": nullable(N), "pValue": nullable(N),
     "trendSlope": d(nullable(N), "Theil-Sen slope in registrations per year (rising flags)."), "index": nullable(ref("value")), "neighbours": arr(ref("areaRef"))}),
 "flag": obj({"id": S, "area": ref("areaRef"), "areaLevel": ref("areaLevel"), "wijk": ref("areaRef"), "theme": S, "kind": ref("flagKind"),
     "status": d(ref("flagStatus"), "At the end of the period."), "severity": d({"type": "integer", "minimum": 0}, "Severity score 0-100 (docs/FLAGS.md)."), "band": d({"enum": [1, 2, 3]}, "Severity band: 1 low, 2 medium, 3 high."), "firstSeen": ref("periodId"), "lastSeen": ref("periodId"),
     "raisedInPeriod": B, "escalatedInPeriod": B, "evidence": ref("flagEvidence"),
     "review": d(ref("flagReview"), "The latest analyst review (acknowledged or dismissed)."), "notes": arr(ref("flagNote")), "chart": ref("chartSeries")},
     required=["id", "area", "areaLevel", "theme", "kind", "status", "severity", "band", "firstSeen", "lastSeen", "raisedInPeriod", "escalatedInPeriod", "evidence", "notes"]),
 "flagReport": obj({"flags": arr(ref("flag"), "Every flag open at some time in the period, most pressing first.")}),
 "exportRef": obj({"name": S, "contentHash": d(S, "SHA-256 of the file, hex."), "receivedAt": S, "coverage": ref("dayRange")}, required=["name", "contentHash", "receivedAt"]),
 "sourceUsage": obj({"id": S, "partner": S, "shape": {"enum": ["records", "aggregated"]}, "coverage": ref("dayRange"),
     "exportsUsed": arr(ref("exportRef"), "Applied exports whose data overlap the report's window."), "exportsApplied": I, "exportsQuarantined": I,
     "duplicatesSkipped": I, "rowsOk": I, "rowsRejected": I, "rowsUnknownArea": I},
     required=["id", "partner", "shape", "exportsUsed", "exportsApplied", "exportsQuarantined", "duplicatesSkipped", "rowsOk", "rowsRejected", "rowsUnknownArea"]),
 "quarantinedExport": obj({"source": S, "name": S, "receivedAt": S, "reason": S}),
 "detectorSetting": obj({"key": S, "value": S}),
 "detectorUse": obj({"method": S, "settings": arr(ref("detectorSetting"), "period and level, then the detector's settings in effect."), "indicators": arr(S)}),
 "methods": obj({"window": d(ref("dayRange"), "The days the figures and charts draw on."), "sources": arr(ref("sourceUsage")),
     "quarantined": arr(ref("quarantinedExport")), "detectors": arr(ref("detectorUse"))}),
}
root = {
 "$schema": "https://json-schema.org/draft/2020-12/schema",
 "$id": "https://safety-monitor.invalid/report.schema.json",
 "title": "SafetyMonitor report (JSON output of safety-monitor report --format json)",
 "description": "The report model: figures after disclosure control, per theme, indicator, wijk and buurt; flags; methods and data. Keys are sorted. Optional members are absent when they do not apply. See docs/REPORTS.md.",
 "type": "object",
 "properties": {
   "schemaVersion": {"const": 1},
   "kind": d({"enum": ["periodic", "annualEvaluation"]}, "annualEvaluation for a year."),
   "language": {"enum": ["nl", "en"]},
   "pipeline": d(S, "The pipeline's machine name."),
   "title": S,
   "municipality": nullable(ref("areaRef")),
   "runDate": d(ref("date"), "The day the report is for."),
   "period": ref("reportPeriod"),
   "comparisons": arr(ref("comparison")),
   "periodComplete": d(B, "False when the run date falls inside the period."),
   "syntheticData": B,
   "disclosure": obj({"minCell": {"type": "integer", "minimum": 1}, "minPopulation": I}),
   "themes": arr(ref("theme")),
   "areas": arr(ref("area"), "Wijken, then buurten, in registry order."),
   "flags": d(nullable(ref("flagReport")), "Null when the store holds no flags (detection has not run)."),
   "methods": ref("methods"),
 },
 "required": ["schemaVersion", "kind", "language", "pipeline", "title", "municipality", "runDate", "period", "comparisons", "periodComplete", "syntheticData", "disclosure", "themes", "areas", "flags", "methods"],
 "additionalProperties": False,
 "$defs": defs,
}
print(json.dumps(root, indent=2, ensure_ascii=False))
