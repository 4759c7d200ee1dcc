import Hummingbird
import Reporting

/// The request context of the dashboard: who is signed in, the browser's CSRF id and the
/// display language, filled in by the middlewares before a route runs.
public struct DashboardContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The signed-in user (`users` access), `token` (token access), nil when open.
  public var user: String?
  /// The browser's id from the `sm_csrf` cookie (set on first visit).
  public var browserID: String?
  /// A new browser id to set as a cookie with the response.
  var newBrowserID: String?
  public var language: DisplayLanguage = .nl
  /// Set when the language came from `?lang=` (stored in a cookie with the response).
  var languageChosen = false
  /// The pipeline's title, for the page header.
  public var siteTitle = "SafetyMonitor"
  /// The token forms of this browser carry (see `CSRFMiddleware`).
  public var csrfToken: String?
  /// The form of a POST, checked for its CSRF token (see `CSRFMiddleware`).
  var form: FormData?

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }
}
