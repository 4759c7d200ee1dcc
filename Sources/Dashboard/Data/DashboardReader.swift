import Foundation
import Normalise
import PipelineSpec
import Reporting
import SafetyCore
import Store

/// What the dashboard reads: the pipeline, its area registry and the store, opened
/// read-only (SQLite refuses every write through this connection). Acknowledgements go
/// through `AcknowledgementWriter`, the only writer the dashboard has.
public final class DashboardReader: Sendable {
  public let pipeline: LoadedPipeline
  public let registry: AreaRegistry
  public let store: SafetyStore
  public let disclosure: DisclosurePolicy
  /// An indicator's category entry (`1.1.1`, or `1.4.*` for every category it begins)
  /// → the indicators that name it.
  public let indicatorsByCategory: [CategoryRef: [String]]

  /// The indicators a stored category feeds (through exact entries and `*` entries).
  public func indicators(feeding category: CategoryRef) -> [String] {
    indicatorsByCategory.filter {
      $0.key.source == category.source && categoryMatches($0.key.name, category.name)
    }.flatMap(\.value).sorted()
  }

  public init(pipeline: LoadedPipeline) throws {
    self.pipeline = pipeline
    registry = try AreaRegistry.load(pipeline)
    store = try SafetyStore(path: pipeline.storePath, mode: .liveReadOnly)
    disclosure = DisclosurePolicy(
      minCell: pipeline.spec.disclosure?.minCell ?? 5,
      minPopulation: pipeline.spec.disclosure?.minPopulation ?? 100)
    var map: [CategoryRef: [String]] = [:]
    for (id, indicator) in pipeline.spec.indicators {
      for category in SafetyStore.categories(of: indicator) {
        map[category, default: []].append(id)
      }
    }
    indicatorsByCategory = map
  }

  /// The language of the pipeline (Dutch unless it says otherwise).
  public var defaultLanguage: DisplayLanguage {
    pipeline.spec.language == .en ? .en : .nl
  }

  /// The title shown in the header.
  public var title: String { pipeline.spec.title ?? pipeline.spec.name }

  /// The partner of a source id (the id itself when the pipeline no longer has it).
  public func partner(of source: String) -> String {
    pipeline.spec.sources[source]?.partner ?? source
  }

  /// Changes whenever the store does (a run, an acknowledgement).
  public func dataVersion() throws -> Int { try store.dataVersion() }
}
