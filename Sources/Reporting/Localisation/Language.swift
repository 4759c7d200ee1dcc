/// The language of what users see. Dutch is the default: the users are Dutch.
public enum DisplayLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  case nl, en
}
