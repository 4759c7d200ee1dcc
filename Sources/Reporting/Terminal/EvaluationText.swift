import Flagging
import Foundation
import SafetyCore

/// The `evaluate` command's output: a readable summary (Dutch or English) and JSON.
public enum EvaluationText {
  public static func json(_ e: Evaluation) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(e) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  public static func text(_ e: Evaluation, language lang: DisplayLanguage) -> String {
    let f = NumberFormatting(lang)
    func pct(_ v: Double?, places: Int = 1) -> String {
      v.map { f.decimal($0 * 100, places: places) + (lang == .nl ? " %" : "%") } ?? "–"
    }
    func num(_ v: Double?) -> String { v.map { f.decimal($0, places: 1) } ?? "–" }
    var out: [String] = []
    out.append("\(lang[.evaluationTitle]): \(e.from) – \(e.through)")
    out.append(
      "\(f.integer(e.areas)) \(lang == .nl ? "gebieden" : "areas"), "
        + "\(f.integer(e.areaWeeks)) \(lang[.evaluatedAreaWeeks])")
    out.append("")
    var t = TerminalTable([
      .init(lang[.kind]), .init(lang[.episode] + "s", .right),
      .init(lang[.episodesFlagged], .right),
      .init("%", .right), .init(lang[.medianDelay], .right),
    ])
    for k in e.episodes {
      t.row([
        k.kind == "all" ? lang[.allKinds] : kindName(k.kind, lang), f.integer(k.episodes),
        f.integer(k.flagged), pct(k.share, places: 0), num(k.medianDelay),
      ])
    }
    out.append(t.render())
    out.append("")
    var ff = TerminalTable([
      .init(lang[.kind]), .init(lang[.flags], .right), .init(lang[.flagWeeks], .right),
      .init(lang == .nl ? "vals" : "false", .right), .init(lang[.falseFlagsPerAreaWeek], .right),
    ])
    for k in e.falseFlags where k.flags > 0 || k.kind == "all" {
      ff.row([
        k.kind == "all" ? lang[.allKinds] : kindName(k.kind, lang), f.integer(k.flags),
        f.integer(k.flagWeeks), f.integer(k.falseFlagWeeks), pct(k.rate, places: 2),
      ])
    }
    out.append(ff.render())
    if let l = e.levels {
      out.append("")
      out.append(
        "\(lang[.clearlyElevated]) (index ≥ 150): \(f.integer(l.flagged)) / "
          + "\(f.integer(l.clearlyElevated)) \(lang[.kindElevated]) (\(pct(l.share, places: 0)))")
    }
    if let c = e.convergent, c.episodes > 0 {
      out.append("")
      out.append(
        kindName("convergent", lang) + ": " + lang[.system] + " / " + lang[.bestSingleSource])
      var ct = TerminalTable([
        .init(lang[.episode]), .init(lang[.area]), .init(lang[.theme], maxWidth: 16),
        .init(lang[.system], .right), .init(c.source, .right, maxWidth: 24),
        .init(lang == .nl ? "vroegste bron" : "earliest source", .left, maxWidth: 40),
      ])
      for p in e.perEpisode where p.kind == "convergent" {
        let best = p.singleSources?[c.source] ?? nil
        let earliest = p.earliestSource.map { "\($0) (\(p.earliestSourceDelay ?? 0))" } ?? "–"
        ct.row([
          p.id, p.area, p.theme, p.delay.map { f.integer($0) } ?? "–",
          best.map { f.integer($0) } ?? "–", earliest,
        ])
      }
      out.append(ct.render())
      for cmp in [c] + (e.convergentEarliestPerEpisode.map { [$0] } ?? []) {
        let head = "\(lang[.system]) \(f.integer(cmp.systemFlagged))/\(f.integer(cmp.episodes)), "
        let median =
          "\(lang[.medianDelay]) \(num(cmp.systemMedianDelay)) : \(num(cmp.sourceMedianDelay))"
        let counts =
          "\(lang[.earlier]) \(cmp.earlier), \(lang[.asEarly]) \(cmp.same), \(lang[.later]) \(cmp.later)"
        out.append(
          "vs \(cmp.source) (\(f.integer(cmp.sourceFlagged))/\(f.integer(cmp.episodes))): " + head
            + median + "; " + counts)
      }
    }
    let missed = e.perEpisode.filter { !$0.flagged }
    if !missed.isEmpty {
      out.append("")
      out.append(
        "\(lang[.notFlagged]): "
          + missed.map { "\($0.id) (\(kindName($0.kind, lang)), \($0.area), \($0.theme))" }
          .joined(separator: ", "))
    }
    out.append("")
    for target in e.targets {
      let value: String
      if target.name.hasPrefix("median") || target.name.hasPrefix("convergent") {
        value = num(target.value)
      } else {
        value = pct(target.value, places: target.name.hasPrefix("false") ? 2 : 1)
      }
      let (name, goal) = targetText(target.name, target.target, lang)
      out.append(
        "\(target.met ? "✓" : "✗") \(name): \(value) (\(lang[.target]) \(goal)) "
          + (target.met ? lang[.targetMet] : lang[.targetNotMet]))
    }
    return out.joined(separator: "\n")
  }

  /// A target's name and goal in the reader's language (the evaluation's JSON keeps the
  /// English names as its keys).
  static func targetText(_ name: String, _ goal: String, _ lang: DisplayLanguage)
    -> (String, String)
  {
    let shown: String =
      switch name {
      case "episodes flagged": lang[.episodesFlagged]
      case "false flags per area-week": lang[.falseFlagsPerAreaWeek]
      case "median spike delay (weeks)": lang[.targetSpikeDelay]
      case "convergent: earlier than the best single source": lang[.targetConvergent]
      default: name
      }
    var goalText =
      goal == "median delay lower, or earlier in more episodes than later"
      ? lang[.targetConvergentRule] : goal
    if lang == .nl { goalText = goalText.replacingOccurrences(of: "0.5", with: "0,5") }
    return (shown, goalText)
  }

  static func kindName(_ raw: String, _ lang: DisplayLanguage) -> String {
    FlagKind(rawValue: raw).map { FlagText.kind($0, lang) } ?? raw
  }
}
