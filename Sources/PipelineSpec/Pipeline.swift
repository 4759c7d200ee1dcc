import Detection
import SafetyCore

/// A pipeline definition (`pipelines/*.yaml`, format `version: 1`): where the areas and the
/// state live, which partner exports come in and how to read them, which indicators they
/// feed, and how to detect, flag and disclose. See `docs/PIPELINE.md` for the format and
/// `docs/pipeline.schema.json` for its JSON Schema.
///
/// Paths in a pipeline file are relative to the file's own folder.
public struct Pipeline: Sendable, Codable, Equatable {
  /// Format version; only `1` exists.
  public var version: Int
  /// Short machine name, e.g. `demostad-veiligheid`.
  public var name: String
  /// Display title for reports and the dashboard.
  public var title: String?
  /// The municipality's CBS code (`GMxxxx`).
  public var municipality: AreaCode?
  /// Language of what users see: `nl` (default) or `en`.
  public var language: Language?
  /// The data are synthetic (a demo): reports say so on every page.
  public var synthetic: Bool?
  public var areas: AreaFiles
  /// State folder (store, inbox, archive, quarantine live under it unless set one by one).
  public var state: String?
  public var store: String?
  public var inbox: String?
  public var archive: String?
  public var quarantine: String?
  public var ingest: IngestPolicy?
  public var themes: KeyedList<Theme>
  public var sources: KeyedList<Source>
  public var indicators: KeyedList<Indicator>
  public var detection: DetectionConfig?
  /// Early-warning flag rules (see `docs/FLAGS.md`).
  public var flags: FlagsConfig?
  public var disclosure: Disclosure?

  public init(
    version: Int = 1, name: String, areas: AreaFiles, themes: KeyedList<Theme>,
    sources: KeyedList<Source>, indicators: KeyedList<Indicator>
  ) {
    self.version = version
    self.name = name
    self.areas = areas
    self.themes = themes
    self.sources = sources
    self.indicators = indicators
  }
}

public enum Language: String, Sendable, Codable, Equatable, CaseIterable {
  case nl, en
}

/// The area registry files (see `docs/AREAS.md` for their columns).
public struct AreaFiles: Sendable, Codable, Equatable {
  /// `code;name;parent` — every gemeente, wijk and buurt.
  public var registry: String
  /// `code;year;inhabitants;dwellings;households`.
  public var population: String?
  /// `alias;code[;source]` — local names and old spellings partners use.
  public var aliases: String?
  /// `oldCode;newCode;year` — CBS code changes.
  public var crosswalk: String?
  /// `postcode;code` — postcodes (PC6 or PC4) to buurten or wijken, for `match: postcode`.
  public var postcodes: String?
  /// `code;neighbour` — adjacency, for clusters.
  public var adjacency: String?
  /// GeoJSON FeatureCollection with `properties.code`, for maps.
  public var boundaries: String?

  public init(registry: String) { self.registry = registry }
}

/// How strict ingest is.
public struct IngestPolicy: Sendable, Codable, Equatable {
  /// A file with a larger share of rejected rows is quarantined whole (default 0.05).
  public var maxBadRowShare: Double?
  /// Diagnostics kept per file before the rest are only counted (default 100).
  public var maxDiagnosticsPerFile: Int?
  /// Largest field in bytes (default 1 MiB).
  public var maxFieldBytes: Int?
  /// Most fields in one record (default 1,024).
  public var maxFields: Int?
}

/// A focus theme of the safety programme.
public struct Theme: Sendable, Codable, Equatable {
  public var name: String
  public var nameEn: String?
  /// Sub-themes (the care-and-safety theme has seven).
  public var subthemes: KeyedList<Subtheme>?
}

public struct Subtheme: Sendable, Codable, Equatable {
  public var name: String
  public var nameEn: String?
}

/// What disclosure control applies to everything that leaves the store.
public struct Disclosure: Sendable, Codable, Equatable {
  /// Counts below this are shown as `<minCell` (default 5, at least 1).
  public var minCell: Int?
  /// Rates are suppressed for areas with fewer inhabitants (default 100).
  public var minPopulation: Int?
}

/// Detection settings: a default and per-indicator overrides.
public struct DetectionConfig: Sendable, Codable, Equatable {
  public var `default`: DetectorSettings?
}
