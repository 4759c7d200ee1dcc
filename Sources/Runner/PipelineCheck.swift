import Foundation
import Normalise
import Operations
import PipelineSpec
import SafetyCore
import Store

/// The checks of `safety-monitor validate`: the pipeline's own consistency, the files it
/// names, the area registry, and the categories in data against the indicators' mapping.
public enum PipelineCheck {
  /// All problems found, errors and warnings. Reads the registry files, the store (when it
  /// exists) and the inbox's files, and writes nothing.
  public static func run(_ pipeline: LoadedPipeline, runDate: CivilDate) -> [Diagnostic] {
    var out = pipeline.validate()
    let areas = pipeline.spec.areas
    let named: [(String, String?)] = [
      ("registry", areas.registry), ("population", areas.population),
      ("aliases", areas.aliases), ("crosswalk", areas.crosswalk),
      ("postcodes", areas.postcodes), ("adjacency", areas.adjacency),
      ("boundaries", areas.boundaries),
    ]
    var missing = false
    for (key, path) in named {
      guard let path else { continue }
      if !FileManager.default.fileExists(atPath: pipeline.resolve(path)) {
        out.append(
          .error(
            .missingFile, "file not found: \(pipeline.resolve(path))",
            at: pipeline.position("areas", key)))
        if key != "adjacency" && key != "boundaries" { missing = true }
      }
    }
    guard !missing, !out.contains(where: { $0.severity == .error }) else { return out }
    let registry: AreaRegistry
    do {
      registry = try AreaRegistry.load(pipeline)
    } catch {
      out.append(.error(.ioError, "cannot read the area registry: \(error)"))
      return out
    }
    out += registry.diagnostics
    out += categoryCoverage(pipeline, registry: registry, runDate: runDate)
    out += unknownAreas(pipeline)
    return out
  }

  /// Per source, the area texts in the store's unknown-area bucket: candidates for aliases.
  static func unknownAreas(_ pipeline: LoadedPipeline) -> [Diagnostic] {
    guard FileManager.default.fileExists(atPath: pipeline.storePath),
      let store = try? SafetyStore(path: pipeline.storePath, mode: .readOnly),
      let labels = try? store.unknownAreaLabels(), !labels.isEmpty
    else { return [] }
    var out: [Diagnostic] = []
    for source in Set(labels.map(\.source)).sorted() {
      let mine = labels.filter { $0.source == source }
      let rows = mine.reduce(0) { $0 + $1.rows }
      let shown = mine.prefix(8).map { "'\(shownText($0.label))' (\($0.rows))" }
        .joined(separator: ", ")
      out.append(
        .warning(
          .unknownArea,
          "\(rows) rows of source '\(source)' are in the unknown-area bucket; area texts: "
            + shown + (mine.count > 8 ? ", ..." : "") + " (add aliases or crosswalk entries)",
          at: pipeline.position("sources", source, "area")))
    }
    return out
  }

  /// A text from the data as `validate` shows it: area and category texts are the only
  /// values it shows (they are what an analyst maps with aliases and indicators; see
  /// docs/OPERATIONS.md, "What logs may hold"). Control characters are escaped and long
  /// texts cut at 40 characters, so a hostile export cannot drive the terminal or flood it.
  static func shownText(_ text: String) -> String {
    let escaped = SafetyLogHandler.escapingControls(text)
    return escaped.count > 40 ? String(escaped.prefix(40)) + "…" : escaped
  }

  /// Categories seen in archived data (the store) and in the inbox that feed no indicator,
  /// and categories the indicators list that the data never shows.
  static func categoryCoverage(
    _ pipeline: LoadedPipeline, registry: AreaRegistry, runDate: CivilDate
  ) -> [Diagnostic] {
    var seen: [CategoryRef: Int64] = [:]
    if FileManager.default.fileExists(atPath: pipeline.storePath),
      let store = try? SafetyStore(path: pipeline.storePath, mode: .readOnly),
      let stored = try? store.categoriesSeen()
    {
      for (category, count) in stored { seen[category, default: 0] += count }
    }
    let inbox = pipeline.inboxDirectory
    // Regular files only: a pipe in the inbox would block the read forever.
    let names = (try? Runner(pipeline: pipeline).folders.inboxEntries().files) ?? []
    for name in names {
      guard let (id, _) = pipeline.source(forFile: name),
        let plan = try? SourcePlan(id: id, in: pipeline)
      else { continue }
      var counts: [Int: Int64] = [:]
      let outcome = ExportReader.read(
        path: inbox + "/" + name, displayName: name, plan: plan, pipeline: pipeline,
        registry: registry, runDate: runDate, hasher: nil
      ) { outcome in
        switch outcome {
        case .record(let r): counts[Int(r.category), default: 0] += 1
        case .count(let c): counts[Int(c.category), default: 0] += c.count
        case .counts(let cs): for c in cs { counts[Int(c.category), default: 0] += c.count }
        case .rejected, .skipped: break
        }
      }
      if case .read(let export) = outcome {
        for (i, n) in counts where i < export.categories.count {
          seen[CategoryRef(source: id, name: export.categories[i]), default: 0] += n
        }
      }
    }
    guard !seen.isEmpty else { return [] }
    var out: [Diagnostic] = []
    var mapped: Set<CategoryRef> = []
    for (indicatorID, indicator) in pipeline.spec.indicators {
      for (source, list) in indicator.from {
        for category in list {
          let entry = normaliseCategory(category)
          let hits = seen.keys.filter { $0.source == source && categoryMatches(entry, $0.name) }
          mapped.formUnion(hits)
          if hits.isEmpty, seen.keys.contains(where: { $0.source == source }) {
            out.append(
              .warning(
                .unknownCategory,
                "category '\(category)' of source '\(source)' never occurs in the data",
                at: pipeline.position("indicators", indicatorID, "from", source)))
          }
        }
      }
    }
    for (ref, count) in seen.sorted(by: { $0.key < $1.key }) where !mapped.contains(ref) {
      out.append(
        .warning(
          .unknownCategory,
          "category '\(shownText(ref.name))' of source '\(ref.source)' (\(count) in the data) "
            + "feeds no indicator",
          at: pipeline.position("sources", ref.source)))
    }
    return out
  }
}
