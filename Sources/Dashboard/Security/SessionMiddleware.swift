import Foundation
import HTTPTypes
import Hummingbird
import Reporting

/// Reads the browser's cookies (language, CSRF id, sign-in) and lets a request through
/// only when the access policy is met. Pages without sign-in redirect to `/login`; API
/// requests get `401` (with `WWW-Authenticate`).
struct SessionMiddleware: RouterMiddleware {
  typealias Context = DashboardContext

  /// The user name of a token sign-in (the token is shared, so it names nobody).
  static let tokenUser = "token"
  static let sessionCookie = "sm_session"
  static let browserCookie = "sm_csrf"
  static let languageCookie = "sm_lang"

  let access: AccessPolicy
  let keys: SessionKeys
  let siteTitle: String
  let defaultLanguage: DisplayLanguage
  let secureCookies: Bool
  let now: @Sendable () -> Int

  /// Paths anyone may reach: signing in and the health check.
  static func isPublic(_ path: String) -> Bool {
    path == "/login" || path == "/healthz"
  }

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    let cookies = request.cookies
    // Language: `?lang=` wins (and is remembered), then the cookie, then the pipeline's.
    if let asked = request.uri.queryParameters["lang"].flatMap({
      DisplayLanguage(rawValue: String($0))
    }) {
      context.language = asked
      context.languageChosen = true
    } else if let saved = cookies[Self.languageCookie].flatMap({
      DisplayLanguage(rawValue: $0.value)
    }) {
      context.language = saved
    } else {
      context.language = defaultLanguage
    }
    if let id = cookies[Self.browserCookie]?.value, id.count == 32,
      fromBase64URL(Substring(id)) != nil
    {
      context.browserID = id
    } else {
      let id = SessionKeys.randomID()
      context.browserID = id
      context.newBrowserID = id
    }
    context.siteTitle = siteTitle
    if let id = context.browserID {
      context.csrfToken = keys.csrfToken(browserID: id)
    }
    if access.requiresSignIn {
      context.user = authenticate(request, cookies: cookies)
      if context.user == nil, !Self.isPublic(request.uri.path) {
        return decorate(unauthorised(request, context), context)
      }
    }
    return decorate(try await next(request, context), context)
  }

  /// The user of a sign-in cookie, a bearer token or HTTP Basic credentials.
  func authenticate(_ request: Request, cookies: Cookies) -> String? {
    if let value = cookies[Self.sessionCookie]?.value,
      let user = keys.sessionUser(value, now: now())
    {
      return user
    }
    guard let header = request.headers[.authorization] else { return nil }
    switch access {
    case .open: return nil
    case .token(let token):
      guard header.lowercased().hasPrefix("bearer ") else { return nil }
      let given = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
      return token.matches(given) ? Self.tokenUser : nil
    case .users(let users):
      guard header.lowercased().hasPrefix("basic "),
        let data = Data(base64Encoded: header.dropFirst(6).trimmingCharacters(in: .whitespaces)),
        let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
      else { return nil }
      return users.verify(
        name: String(pair[..<colon]), password: String(pair[pair.index(after: colon)...]))
    }
  }

  func unauthorised(_ request: Request, _ context: Context) -> Response {
    if request.uri.path.hasPrefix("/api") {
      var response = APIError.response(
        .unauthorized, code: "unauthorised", message: context.language[.errorUnauthorised])
      if case .users = access {
        response.headers[.wwwAuthenticate] = "Basic realm=\"SafetyMonitor\", charset=\"UTF-8\""
      } else {
        response.headers[.wwwAuthenticate] = "Bearer realm=\"SafetyMonitor\""
      }
      return response
    }
    let back = request.method == .get ? (request.uri.string) : "/"
    return Response(
      status: .seeOther,
      headers: [.location: Links.build("/login", [("next", Links.safeLocalPath(back))])])
  }

  /// Sets the cookies the request decided on.
  func decorate(_ response: Response, _ context: Context) -> Response {
    var response = response
    if let id = context.newBrowserID {
      response.setCookie(cookie(Self.browserCookie, id, maxAge: 365 * 86400))
    }
    if context.languageChosen {
      response.setCookie(
        cookie(Self.languageCookie, context.language.rawValue, maxAge: 365 * 86400))
    }
    return response
  }

  func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
    Cookie(
      name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true,
      sameSite: .lax)
  }
}
