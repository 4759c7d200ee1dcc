import Flagging
import SafetyCore

/// Words for flags on terminals and in reports, from the one localisation table.
public enum FlagText {
  public static func kind(_ kind: FlagKind, _ lang: DisplayLanguage) -> String {
    switch kind {
    case .spike: lang[.kindSpike]
    case .rising: lang[.kindRising]
    case .elevated: lang[.kindElevated]
    case .convergent: lang[.kindConvergent]
    case .cluster: lang[.kindCluster]
    }
  }

  public static func status(_ status: FlagStatus, _ lang: DisplayLanguage) -> String {
    switch status {
    case .new: lang[.statusNew]
    case .ongoing: lang[.statusOngoing]
    case .escalated: lang[.statusEscalated]
    case .deescalated: lang[.statusDeescalated]
    case .resolved: lang[.statusResolved]
    }
  }

  public static func review(_ review: FlagReview, _ lang: DisplayLanguage) -> String {
    switch review {
    case .acknowledged: lang[.statusAcknowledged]
    case .dismissed: lang[.statusDismissed]
    }
  }

  public static func band(_ band: SeverityBand, _ lang: DisplayLanguage) -> String {
    switch band {
    case .low: lang[.severityLow]
    case .medium: lang[.severityMedium]
    case .high: lang[.severityHigh]
    }
  }

  /// `hoog (72)`.
  public static func severity(_ score: Int, _ band: SeverityBand, _ lang: DisplayLanguage)
    -> String
  {
    "\(Self.band(band, lang)) (\(score))"
  }

  public static func event(_ type: FlagEventType, _ lang: DisplayLanguage) -> String {
    switch type {
    case .opened: lang[.eventOpened]
    case .escalated: lang[.eventEscalated]
    case .deescalated: lang[.eventDeescalated]
    case .resolved: lang[.eventResolved]
    }
  }
}
